import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { paths } from '../config/paths';
import { useT } from '../i18n/i18n-provider';

/**
 * The public directory's frame, for visitors who are not signed in (a resident, a 211 worker):
 * the brand, the language switch and a way in for staff; no navigation to pages they cannot open.
 */
export function PublicLayout({ languageSwitch, children }: { languageSwitch: ReactNode; children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  return (
    <div className="shell public-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link to={paths.directory.href()} className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <div className="topbar-end">
          {languageSwitch}
          <Link className="btn btn-secondary btn-sm public-sign-in" to={paths.signIn.href(location.pathname + location.search)}>
            {t('public.signIn')}
          </Link>
        </div>
      </header>
      <main id="main" className="main public-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="public-footer">{t('public.footer')}</footer>
    </div>
  );
}
