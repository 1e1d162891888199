import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-provider';

/** Signed-out pages: a calm single card, the product's purpose beside it on wide screens. */
export function AuthLayout({
  title,
  intro,
  languageSwitch,
  children,
  footer,
}: {
  title: string;
  intro: string;
  languageSwitch: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const t = useT();
  return (
    <div className="auth-page">
      <header className="auth-header">
        <span className="brand brand-on-dark">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </span>
        {languageSwitch}
      </header>
      <main id="main" className="auth-main">
        <div className="auth-aside" aria-hidden="true">
          <p className="auth-tagline">{t('app.tagline')}</p>
        </div>
        <div className="auth-card">
          <h1 className="auth-title">{title}</h1>
          <p className="auth-intro">{intro}</p>
          {children}
          {footer && <div className="auth-footer">{footer}</div>}
        </div>
      </main>
    </div>
  );
}
