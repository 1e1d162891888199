import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, NETWORK_ROLES, type Role } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { Table } from '../../../components/ui/table';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { formatCalendarDate } from '../../../lib/format';
import { spaShort } from '../../../lib/labels';
import { idParam, useUrlFilters } from '../../../lib/use-url-filters';
import { colleaguesQuery, downloadReportCsv, reportQueries } from '../api/queries';
import { monthLong, todayInLa } from './format';
import { CsvButton } from './report-figure';
import { ReportTabs } from './report-tabs';
import './reports.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A staff member's monthly engagement report (the one the team compiled by hand): pick a person
 * and a month; the number of events they led, attendees, and each event. Printable, and as CSV.
 */
export function StaffMonthlyPage({
  me,
  networkOrgId,
  showNetwork,
}: {
  me: { id: string; name: string };
  networkOrgId: string | null;
  showNetwork: boolean;
}) {
  const { t, locale } = useI18n();
  const [params, set] = useUrlFilters();
  const staffId = idParam(params.get('staff')) ?? me.id;
  const monthParam = params.get('month') ?? '';
  const month = MONTH.test(monthParam) ? monthParam : todayInLa().slice(0, 7);
  const people = useQuery({ ...colleaguesQuery(networkOrgId ?? ''), enabled: Boolean(networkOrgId) });
  const leads = (people.data?.data ?? []).filter((p) => (NETWORK_ROLES as readonly Role[]).includes(p.role));
  const options = [
    { value: me.id, label: me.name },
    ...leads.filter((p) => p.userId !== me.id).map((p) => ({ value: p.userId, label: p.name })),
  ];
  const query = { staffId, month };
  const report = useQuery({ ...reportQueries.staffMonthly(query), placeholderData: keepPreviousData });
  const r = report.data;
  const name = r?.staff.name ?? t('reports.unnamed');

  return (
    <div className="report-printable">
      <PageHeader
        title={t('reports.staffTitle')}
        description={t('reports.staffIntro')}
        actions={
          <>
            <CsvButton download={() => downloadReportCsv(api.getEngagementStaffMonthly, query, `engagement-staff-${month}.csv`)} />
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => window.print()}>
              {t('reports.print')}
            </button>
          </>
        }
      />
      <ReportTabs showNetwork={showNetwork} />
      <form className="report-filters report-picker" aria-label={t('reports.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('reports.staff')}
          name="staff"
          value={staffId}
          options={options.some((o) => o.value === staffId) ? options : [...options, { value: staffId, label: name }]}
          onChange={(e) => set({ staff: e.target.value === me.id ? '' : e.target.value })}
        />
        <TextField label={t('reports.month')} type="month" name="month" value={month} onChange={(e) => set({ month: e.target.value })} />
      </form>
      {report.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : report.isError ? (
        <Alert tone="danger">{errorMessage(report.error, t)}</Alert>
      ) : r ? (
        <Card title={`${name} · ${monthLong(r.month, locale)}`}>
          <dl className="report-figures">
            <div>
              <dt>{t('reports.staffEvents')}</dt>
              <dd data-testid="staff-events">{r.events}</dd>
            </div>
            <div>
              <dt>{t('reports.attendees')}</dt>
              <dd data-testid="staff-attendees">{r.attendees}</dd>
            </div>
          </dl>
          {r.rows.length === 0 ? (
            <EmptyState title={t('reports.staffEmpty')} />
          ) : (
            <Table
              label={t('reports.staffTable', { name, month: monthLong(r.month, locale) })}
              head={
                <>
                  <th scope="col">{t('reports.colDate')}</th>
                  <th scope="col">{t('reports.colTitle')}</th>
                  <th scope="col">{t('reports.colType')}</th>
                  <th scope="col">{t('reports.colPopulations')}</th>
                  <th scope="col">{t('reports.attendees')}</th>
                </>
              }
            >
              {r.rows.map((e) => (
                <tr key={e.id}>
                  <td data-label={t('reports.colDate')}>{formatCalendarDate(e.date, locale)}</td>
                  <th scope="row">
                    <Link to={paths.engagementEvent.href(e.id)}>{e.title}</Link>
                    <span className="cell-sub">{e.spas.map(spaShort).join(', ')}</span>
                  </th>
                  <td data-label={t('reports.colType')}>{t(`engagementType.${e.type}`)}</td>
                  <td data-label={t('reports.colPopulations')}>{e.focusPopulations.map((p) => t(`focus.${p}`)).join(', ')}</td>
                  <td data-label={t('reports.attendees')}>{e.attendeeCount}</td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      ) : null}
    </div>
  );
}
