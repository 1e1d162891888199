import { useEffect, useId, useState, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { paths } from '../config/paths';
import { useT } from '../i18n/i18n-provider';

export interface NavItem {
  to: string;
  label: string;
  /** Match the path exactly (Home), not as a prefix. */
  end?: boolean;
}
export interface NavSection {
  label?: string;
  items: NavItem[];
}

type Props = {
  sections: NavSection[];
  /** Who is signed in and their organization(s): shown in the header on desktop, in the menu on phones. */
  account: ReactNode;
  languageSwitch: ReactNode;
  /** The notifications bell: in the top bar on every screen size, since it is how news arrives. */
  notifications?: ReactNode;
  signOut: ReactNode;
  children: ReactNode;
};

export function AppShell({ sections, account, languageSwitch, notifications, signOut, children }: Props) {
  const t = useT();
  const navId = useId();
  const [menuOpen, setMenuOpen] = useState(false);
  // A phone menu that stays open after choosing a page hides the page that was chosen.
  const closeMenu = () => setMenuOpen(false);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setMenuOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls={navId} onClick={() => setMenuOpen((o) => !o)}>
          <span className="menu-icon" aria-hidden="true" />
          {t('nav.menu')}
        </button>
        <Link to={paths.home.href()} className="brand" onClick={closeMenu}>
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <div className="topbar-end">
          <div className="topbar-account desktop-only">{account}</div>
          {notifications}
          {languageSwitch}
          <div className="desktop-only">{signOut}</div>
        </div>
      </header>
      <div className="shell-body">
        <nav id={navId} className={`sidebar${menuOpen ? ' is-open' : ''}`} aria-label={t('nav.label')}>
          {sections.map((section, i) => (
            <div className="nav-section" key={section.label ?? i}>
              {section.label && <p className="nav-heading">{section.label}</p>}
              <ul className="nav-list">
                {section.items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end ?? false} className="nav-link" onClick={closeMenu}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <div className="sidebar-account mobile-only">
            {account}
            {signOut}
          </div>
        </nav>
        <main id="main" className="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
