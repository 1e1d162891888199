import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { GAP_SEVERITIES, PARTNERSHIP_STAGES, SPA_CODES, type GapSeverity } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { Table } from '../../../components/ui/table';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/i18n-provider';
import type { MessageKey } from '../../../i18n/en';
import { errorMessage } from '../../../lib/errors';
import { formatDate, localeTag } from '../../../lib/format';
import { spaLabel, spaShort } from '../../../lib/labels';
import { pickParam, useUrlFilters } from '../../../lib/use-url-filters';
import { networkOverviewQueries, type NetworkOverview } from '../api/queries';
import './network-overview.css';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const severityTone: Record<GapSeverity, BadgeTone> = { low: 'neutral', medium: 'info', high: 'warning', critical: 'danger' };

/**
 * The network overview (issue 25) for the collaboration team and network admins: first what needs
 * action (overdue referrals per organization, gaps escalated and unanswered), then the numbers as
 * cards and tables. Filters (range, SPA) live in the URL.
 */
export function NetworkOverviewPage() {
  const { t } = useI18n();
  const [params, set] = useUrlFilters();
  const from = DATE.test(params.get('from') ?? '') ? params.get('from')! : undefined;
  const to = DATE.test(params.get('to') ?? '') ? params.get('to')! : undefined;
  const spa = pickParam(SPA_CODES, params.get('spa'));
  const filters = { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(spa ? { spa } : {}) };
  const reversed = !!from && !!to && from > to;
  const q = useQuery({ ...networkOverviewQueries.detail(filters), enabled: !reversed, placeholderData: keepPreviousData });

  return (
    <>
      <PageHeader title={t('overview.title')} description={t('overview.intro')} />
      <Card>
        <form className="filters overview-filters" role="search" aria-label={t('overview.filters')} onSubmit={(e) => e.preventDefault()}>
          <TextField type="date" label={t('overview.from')} name="from" value={from ?? ''} onChange={(e) => set({ from: e.target.value })} />
          <TextField type="date" label={t('overview.to')} name="to" value={to ?? ''} onChange={(e) => set({ to: e.target.value })} />
          <SelectField
            label={t('overview.spa')}
            name="spa"
            value={spa ?? ''}
            onChange={(e) => set({ spa: e.target.value })}
            options={[{ value: '', label: t('overview.allSpas') }, ...SPA_CODES.map((s) => ({ value: s, label: spaLabel(s) }))]}
          />
        </form>
        {reversed && <Alert tone="warning">{t('overview.reversed')}</Alert>}
      </Card>
      {q.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : q.isError ? (
        <Alert tone="danger">{errorMessage(q.error, t)}</Alert>
      ) : (
        <Overview data={q.data} />
      )}
    </>
  );
}

function Overview({ data }: { data: NetworkOverview }) {
  const { t, locale } = useI18n();
  const num = (n: number) => new Intl.NumberFormat(localeTag(locale)).format(n);
  const pct = (r: number | null) => (r === null ? '—' : new Intl.NumberFormat(localeTag(locale), { style: 'percent', maximumFractionDigits: 1 }).format(r));
  const hrs = (h: number | null) => (h === null ? '—' : t('overview.hours', { n: new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 }).format(h) }));
  const r = data.referrals;
  const { overdueByOrganization: overdue, escalatedUnanswered: stale } = data.needsAction;

  return (
    <div className="stack overview">
      <section aria-labelledby="needs-action" className="stack">
        <h2 id="needs-action" className="overview-heading">{t('overview.needsAction')}</h2>
        <div className="overview-two">
          <Card title={t('overview.overdueTitle')} headingLevel={3}>
            {overdue.length === 0 ? (
              <p className="muted">{t('overview.overdueNone')}</p>
            ) : (
              <Table
                label={t('overview.overdueTitle')}
                head={
                  <>
                    <th scope="col">{t('overview.organization')}</th>
                    <th scope="col" className="num">{t('overview.overdue')}</th>
                    <th scope="col">{t('overview.oldestDue')}</th>
                  </>
                }
              >
                {overdue.map((o) => (
                  <tr key={o.organizationId}>
                    <th scope="row">
                      <Link to={paths.directoryOrganization.href(o.organizationId)}>{o.name}</Link>
                    </th>
                    <td className="num">{num(o.overdue)}</td>
                    <td>{formatDate(o.oldestDueAt, locale)}</td>
                  </tr>
                ))}
              </Table>
            )}
          </Card>
          <Card title={t('overview.staleTitle', { days: String(data.needsAction.escalatedAfterDays) })} headingLevel={3}>
            {stale.length === 0 ? (
              <p className="muted">{t('overview.staleNone')}</p>
            ) : (
              <Table
                label={t('overview.staleTitle', { days: String(data.needsAction.escalatedAfterDays) })}
                head={
                  <>
                    <th scope="col">{t('overview.gap')}</th>
                    <th scope="col">{t('overview.spa')}</th>
                    <th scope="col">{t('overview.severity')}</th>
                    <th scope="col" className="num">{t('overview.daysWaiting')}</th>
                  </>
                }
              >
                {stale.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">
                      <Link to={paths.gap.href(g.id)}>{g.title}</Link>
                    </th>
                    <td>{spaShort(g.spa)}</td>
                    <td>
                      <Badge tone={severityTone[g.severity]}>{t(`gapSeverity.${g.severity}`)}</Badge>
                    </td>
                    <td className="num">{num(g.daysWaiting)}</td>
                  </tr>
                ))}
              </Table>
            )}
          </Card>
        </div>
      </section>

      <section aria-labelledby="referral-figures" className="stack">
        <h2 id="referral-figures" className="overview-heading">
          {t('overview.referrals')} <span className="muted overview-range">{t('overview.range', { from: formatDate(`${data.from}T12:00:00Z`, locale), to: formatDate(`${data.to}T12:00:00Z`, locale) })}</span>
        </h2>
        <ul className="overview-cards">
          <Stat label={t('overview.sent')} value={num(r.sent)} />
          <Stat label={t('overview.acceptanceRate')} value={pct(r.acceptanceRate)} />
          <Stat label={t('overview.medianAck')} value={hrs(r.medianHoursToAcknowledge)} />
          <Stat label={t('overview.medianContact')} value={hrs(r.medianHoursToFirstContact)} />
          <Stat label={t('overview.loopClosure')} value={pct(r.loopClosureRate)} />
          <Stat label={t('overview.overdueShare')} value={pct(r.overdueShare)} />
        </ul>
        <Card title={t('overview.byFlow')} headingLevel={3}>
          <Table
            label={t('overview.byFlow')}
            head={
              <>
                <th scope="col">{t('overview.flow')}</th>
                <th scope="col" className="num">{t('overview.sent')}</th>
              </>
            }
          >
            {r.byFlow.map((f) => (
              <tr key={f.flow}>
                <th scope="row">{t(`overview.flow.${f.flow}` as MessageKey)}</th>
                <td className="num">{num(f.sent)}</td>
              </tr>
            ))}
          </Table>
        </Card>
      </section>

      <div className="overview-two">
        <Card title={t('overview.pipeline')} headingLevel={2}>
          <Table
            label={t('overview.pipeline')}
            head={
              <>
                <th scope="col">{t('overview.stage')}</th>
                <th scope="col" className="num">{t('overview.organizations')}</th>
              </>
            }
          >
            {PARTNERSHIP_STAGES.map((s) => (
              <tr key={s}>
                <th scope="row">{t(`stage.${s}`)}</th>
                <td className="num">{num(data.pipeline.counts[s] ?? 0)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('overview.total')}</th>
              <td className="num">{num(data.pipeline.total)}</td>
            </tr>
          </Table>
        </Card>
        <Card title={t('overview.openGaps')} headingLevel={2}>
          <Table
            label={t('overview.openGaps')}
            head={
              <>
                <th scope="col">{t('overview.severity')}</th>
                <th scope="col" className="num">{t('overview.gaps')}</th>
              </>
            }
          >
            {[...GAP_SEVERITIES].reverse().map((s) => (
              <tr key={s}>
                <th scope="row">{t(`gapSeverity.${s}`)}</th>
                <td className="num">{num(data.gaps.openBySeverity[s] ?? 0)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('overview.total')}</th>
              <td className="num">{num(data.gaps.open)}</td>
            </tr>
          </Table>
        </Card>
      </div>

      <section aria-labelledby="events-month" className="stack">
        <h2 id="events-month" className="overview-heading">
          {t('overview.eventsMonth')} <span className="muted overview-range">{new Intl.DateTimeFormat(localeTag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${data.events.month}-15T12:00:00Z`))}</span>
        </h2>
        <ul className="overview-cards">
          <Stat label={t('overview.events')} value={num(data.events.events)} />
          <Stat label={t('overview.attendees')} value={num(data.events.attendees)} />
        </ul>
      </section>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <li className="overview-card">
      <span className="overview-value">{value}</span>
      <span className="overview-label">{label}</span>
    </li>
  );
}
