import { NavLink } from 'react-router';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';

/** The report pages, as tabs under the page header; the network page only for those who may read it. */
export function ReportTabs({ showNetwork }: { showNetwork: boolean }) {
  const t = useT();
  const tabs = [
    { to: paths.reports.href(), label: t('reports.tabEngagement') },
    { to: paths.reportsStateQuarterly.href(), label: t('reports.tabState') },
    { to: paths.reportsStaffMonthly.href(), label: t('reports.tabStaff') },
    ...(showNetwork ? [{ to: paths.reportsNetwork.href(), label: t('reports.tabNetwork') }] : []),
  ];
  return (
    <nav className="report-tabs" aria-label={t('reports.pages')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
