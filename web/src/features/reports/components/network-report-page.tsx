import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, METRIC_PERIODS, SPA_CODES } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { FiltersFold } from '../../../components/ui/filters-fold';
import { PageHeader } from '../../../components/ui/page-header';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { Table } from '../../../components/ui/table';
import { TextField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { spaShort } from '../../../lib/labels';
import { pickParam, useUrlFilters } from '../../../lib/use-url-filters';
import { downloadReportCsv, reportQueries, type PipelineReport, type ReferralMetrics } from '../api/queries';
import { BarsAndRatesChart, BarsChart, type Datum } from './charts';
import { num, percent, periodLabel, periodsBetween } from './format';
import { ReportFigure } from './report-figure';
import { ReportTabs } from './report-tabs';
import './reports.css';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateParam = (v: string | null) => (v && DATE.test(v) ? v : undefined);

/** Referral network metrics over time and the partnership funnel, for the collaboration team and network admins. */
export function NetworkReportPage() {
  const { t } = useI18n();
  const [params, set] = useUrlFilters();
  const spa = pickParam(SPA_CODES, params.get('spa'));
  // An SPA narrows the metrics exactly by asking for them by SPA and keeping that SPA's rows.
  const metricsQuery = {
    from: dateParam(params.get('from')),
    to: dateParam(params.get('to')),
    groupBy: pickParam(METRIC_PERIODS, params.get('period')) ?? 'month',
    ...(spa ? { by: 'spa' as const } : {}),
  };
  const metrics = useQuery({ ...reportQueries.referralMetrics(metricsQuery), placeholderData: keepPreviousData });
  const pipeline = useQuery({ ...reportQueries.pipeline(spa ? { spa } : {}), placeholderData: keepPreviousData });

  return (
    <>
      <PageHeader title={t('reports.networkTitle')} description={t('reports.networkIntro')} />
      <ReportTabs showNetwork />
      <Card className="report-filters">
        <FiltersFold active={[metricsQuery.from, metricsQuery.to, spa].filter(Boolean).length}>
          <form className="filters report-filter-grid" role="search" aria-label={t('reports.filters')} onSubmit={(e) => e.preventDefault()}>
            <TextField
              label={t('engagement.from')}
              type="date"
              name="from"
              value={metricsQuery.from ?? ''}
              onChange={(e) => set({ from: e.target.value })}
            />
            <TextField
              label={t('engagement.to')}
              type="date"
              name="to"
              value={metricsQuery.to ?? ''}
              onChange={(e) => set({ to: e.target.value })}
            />
            <SelectField
              label={t('reports.period')}
              name="period"
              value={metricsQuery.groupBy}
              options={METRIC_PERIODS.map((v) => ({ value: v, label: t(`reports.period.${v}`) }))}
              onChange={(e) => set({ period: e.target.value === 'month' ? '' : e.target.value })}
            />
            <SelectField
              label={t('engagement.fieldSpa')}
              name="spa"
              value={spa ?? ''}
              placeholder={t('engagement.anySpa')}
              options={SPA_CODES.map((v) => ({ value: v, label: spaShort(v) }))}
              onChange={(e) => set({ spa: e.target.value })}
            />
          </form>
        </FiltersFold>
      </Card>
      {metrics.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : metrics.isError ? (
        <Alert tone="danger">{errorMessage(metrics.error, t)}</Alert>
      ) : (
        <MetricsFigure
          r={metrics.data}
          spa={spa}
          csv={() => downloadReportCsv(api.getReferralMetrics, metricsQuery, 'referral-metrics.csv')}
        />
      )}
      {pipeline.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : pipeline.isError ? (
        <Alert tone="danger">{errorMessage(pipeline.error, t)}</Alert>
      ) : (
        <PipelineFigure r={pipeline.data} spa={spa} />
      )}
    </>
  );
}

function MetricsFigure({ r, spa, csv }: { r: ReferralMetrics; spa: string | undefined; csv: () => Promise<void> }) {
  const { t, locale } = useI18n();
  const rows = r.rows.filter((x) => (spa ? x.key === spa : x.key === null));
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 100));
  const data: Datum[] = periodsBetween(r.from, r.to, r.groupBy).map((period) => {
    const x = rows.find((y) => y.period === period);
    return !x
      ? { name: period, label: periodLabel(period, locale, t), sent: 0 }
      : {
          name: x.period,
          label: periodLabel(x.period, locale, t),
          sent: x.sent,
          ...Object.fromEntries(
            (
              [
                ['acceptanceRate', pct(x.acceptanceRate)],
                ['loopClosureRate', pct(x.loopClosureRate)],
                ['overdueShare', pct(x.overdueShare)],
              ] as const
            ).filter(([, v]) => v !== null),
          ),
        };
  });
  const title = t('reports.referralsTitle');
  return (
    <ReportFigure
      title={spa ? `${title} · ${spaShort(spa)}` : title}
      note={t('reports.referralsNote')}
      csv={csv}
      table={
        <Table
          label={title}
          head={
            <>
              <th scope="col">{t('reports.colPeriod')}</th>
              <th scope="col">{t('reports.sent')}</th>
              <th scope="col">{t('reports.accepted')}</th>
              <th scope="col">{t('reports.declined')}</th>
              <th scope="col">{t('reports.acceptanceRate')}</th>
              <th scope="col">{t('reports.medianAck')}</th>
              <th scope="col">{t('reports.medianContact')}</th>
              <th scope="col">{t('reports.loopClosureRate')}</th>
              <th scope="col">{t('reports.overdueShare')}</th>
            </>
          }
        >
          {rows.map((x) => (
            <tr key={x.period}>
              <th scope="row">{periodLabel(x.period, locale, t)}</th>
              <td data-label={t('reports.sent')}>{x.sent}</td>
              <td data-label={t('reports.accepted')}>{x.accepted}</td>
              <td data-label={t('reports.declined')}>{x.declined}</td>
              <td data-label={t('reports.acceptanceRate')}>{percent(x.acceptanceRate, locale)}</td>
              <td data-label={t('reports.medianAck')}>{num(x.medianHoursToAcknowledge, locale)}</td>
              <td data-label={t('reports.medianContact')}>{num(x.medianHoursToFirstContact, locale)}</td>
              <td data-label={t('reports.loopClosureRate')}>{percent(x.loopClosureRate, locale)}</td>
              <td data-label={t('reports.overdueShare')}>{percent(x.overdueShare, locale)}</td>
            </tr>
          ))}
        </Table>
      }
    >
      {rows.length === 0 ? (
        <p className="report-empty">{t('reports.noData')}</p>
      ) : (
        <BarsAndRatesChart
          data={data}
          title={title}
          describe={(d, s, v) => t('reports.segment', { period: d.label, series: s.label, value: v, measure: '' }).trim()}
          bars={[{ key: 'sent', label: t('reports.sent') }]}
          lines={[
            { key: 'acceptanceRate', label: t('reports.acceptanceRate') },
            { key: 'loopClosureRate', label: t('reports.loopClosureRate') },
            { key: 'overdueShare', label: t('reports.overdueShare') },
          ]}
        />
      )}
    </ReportFigure>
  );
}

/** The funnel: organizations at each stage (the SPA's row, or the total), widest first; the table has every SPA. */
function PipelineFigure({ r, spa }: { r: PipelineReport; spa: string | undefined }) {
  const { t } = useI18n();
  const row = r.rows.find((x) => x.spa === (spa ?? null)) ?? r.rows.find((x) => x.spa === null);
  const data: Datum[] = r.stages.map((s) => ({ name: s, label: t(`stage.${s}`), value: row?.counts[s] ?? 0 }));
  const title = t('reports.pipelineTitle');
  const spaName = (s: string | null) => (s ? spaShort(s) : t('reports.allSpas'));
  // The API's CSV of the same query, like every other report.
  const csv = () => downloadReportCsv(api.getPipelineReport, { spa }, `partnership-pipeline${spa ? `-${spa}` : ''}.csv`);
  return (
    <ReportFigure
      title={spa ? `${title} · ${spaShort(spa)}` : title}
      note={t('reports.pipelineNote')}
      csv={csv}
      table={
        <Table
          label={title}
          head={
            <>
              <th scope="col">{t('reports.colSpa')}</th>
              {r.stages.map((s) => (
                <th scope="col" key={s}>
                  {t(`stage.${s}`)}
                </th>
              ))}
              <th scope="col">{t('reports.colTotal')}</th>
            </>
          }
        >
          {r.rows.map((x) => (
            <tr key={x.spa ?? 'total'} className={x.spa === null ? 'report-total-row' : undefined}>
              <th scope="row">{spaName(x.spa)}</th>
              {r.stages.map((s) => (
                <td key={s} data-label={t(`stage.${s}`)}>
                  {x.counts[s]}
                </td>
              ))}
              <td data-label={t('reports.colTotal')}>{x.total}</td>
            </tr>
          ))}
        </Table>
      }
    >
      <BarsChart
        data={data}
        title={title}
        layout="vertical"
        height={200}
        describe={(d, _s, v) => `${d.label}: ${v} ${t('reports.organizations').toLowerCase()}`}
        series={[{ key: 'value', label: t('reports.organizations') }]}
      />
    </ReportFigure>
  );
}
