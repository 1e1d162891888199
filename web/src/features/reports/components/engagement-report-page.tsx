import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, FOCUS_POPULATIONS, METRIC_PERIODS, SPA_CODES } from '@tandem/contract';
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
import { formatCalendarDate } from '../../../lib/format';
import { spaShort } from '../../../lib/labels';
import { idParam, pickParam, useUrlFilters } from '../../../lib/use-url-filters';
import { downloadReportCsv, reportQueries, type EngagementReport, type EngagementReportQuery } from '../api/queries';
import { BarsChart, type Datum } from './charts';
import { periodLabel, periodsBetween } from './format';
import { ReportFigure, Toggle } from './report-figure';
import { ReportTabs } from './report-tabs';
import './reports.css';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateParam = (v: string | null) => (v && DATE.test(v) ? v : undefined);
type Measure = 'events' | 'attendees';

/** Every key's figures summed over the periods (each event is in one period only, so the sums are exact). */
const sumByKey = (r: EngagementReport) => {
  const out = new Map<string, { label: string | null; events: number; attendees: number }>();
  for (const x of r.rows) {
    if (x.key === null) continue;
    const o = out.get(x.key) ?? { label: x.label, events: 0, attendees: 0 };
    out.set(x.key, { label: o.label, events: o.events + x.events, attendees: o.attendees + x.attendees });
  }
  return out;
};

/**
 * The engagement report: events and attendees per period by focus population, by SPA and by
 * staff member, each a chart with its table and CSV. Filters live in the URL and go to every
 * chart's query (and its CSV), so every figure and total counts only the matching events.
 */
export function EngagementReportPage({ showNetwork }: { showNetwork: boolean }) {
  const { t, locale } = useI18n();
  const [params, set] = useUrlFilters();
  const [measure, setMeasure] = useState<Measure>('events');
  const spa = pickParam(SPA_CODES, params.get('spa'));
  const population = pickParam(FOCUS_POPULATIONS, params.get('population'));
  const staff = idParam(params.get('staff'));
  const base = {
    from: dateParam(params.get('from')),
    to: dateParam(params.get('to')),
    groupBy: pickParam(METRIC_PERIODS, params.get('period')) ?? 'month',
    spa,
    population,
  } satisfies EngagementReportQuery;
  // Each chart's query, its CSV the same. The staff chart leaves staffId out: its row for the chosen
  // person is the same figure either way (an event they led counts whole), and its other rows
  // name everyone the staff picker offers.
  const queries = {
    population: { ...base, staffId: staff, by: 'population' },
    spa: { ...base, staffId: staff, by: 'spa' },
    staff: { ...base, by: 'staff' },
  } satisfies Record<string, EngagementReportQuery>;

  const byPopulation = useQuery({ ...reportQueries.engagement(queries.population), placeholderData: keepPreviousData });
  const bySpa = useQuery({ ...reportQueries.engagement(queries.spa), placeholderData: keepPreviousData });
  const byStaff = useQuery({ ...reportQueries.engagement(queries.staff), placeholderData: keepPreviousData });
  const measureName = (m: Measure) => (m === 'events' ? t('reports.events') : t('reports.attendees')).toLowerCase();
  const describe = (d: Datum, s: { label: string }, v: number) =>
    t('reports.segment', { period: d.label, series: s.label, value: v, measure: measureName(measure) });
  const csv = (by: 'population' | 'spa' | 'staff') => () =>
    downloadReportCsv(api.getEngagementReport, queries[by], `engagement-${by}.csv`);
  const staffNames = byStaff.data ? sumByKey(byStaff.data) : new Map<string, { label: string | null }>();
  const nameOf = (id: string) => staffNames.get(id)?.label ?? t('reports.unnamed');

  const measureToggle = (
    <Toggle
      label={t('reports.measure')}
      value={measure}
      onChange={setMeasure}
      options={[
        { value: 'events', label: t('reports.events') },
        { value: 'attendees', label: t('reports.attendees') },
      ]}
    />
  );

  const totals = byPopulation.data?.rows.filter((x) => x.key === null) ?? [];
  return (
    <>
      <PageHeader title={t('reports.engagementTitle')} description={t('reports.engagementIntro')} />
      <ReportTabs showNetwork={showNetwork} />
      <Card className="report-filters">
        <FiltersFold active={[base.from, base.to, spa, population, staff].filter(Boolean).length}>
          <form className="filters report-filter-grid" role="search" aria-label={t('reports.filters')} onSubmit={(e) => e.preventDefault()}>
            <TextField
              label={t('engagement.from')}
              type="date"
              name="from"
              value={base.from ?? ''}
              onChange={(e) => set({ from: e.target.value })}
            />
            <TextField
              label={t('engagement.to')}
              type="date"
              name="to"
              value={base.to ?? ''}
              onChange={(e) => set({ to: e.target.value })}
            />
            <SelectField
              label={t('reports.period')}
              name="period"
              value={base.groupBy}
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
            <SelectField
              label={t('engagement.fieldPopulation')}
              name="population"
              value={population ?? ''}
              placeholder={t('dir.anyFocus')}
              options={FOCUS_POPULATIONS.map((v) => ({ value: v, label: t(`focus.${v}`) }))}
              onChange={(e) => set({ population: e.target.value })}
            />
            <SelectField
              label={t('reports.staff')}
              name="staff"
              value={staff ?? ''}
              placeholder={t('reports.anyStaff')}
              options={[...staffNames.entries()].map(([id, s]) => ({ value: id, label: s.label ?? t('reports.unnamed') }))}
              onChange={(e) => set({ staff: e.target.value })}
            />
          </form>
        </FiltersFold>
      </Card>

      {byPopulation.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : byPopulation.isError ? (
        <Alert tone="danger">{errorMessage(byPopulation.error, t)}</Alert>
      ) : (
        <>
          <p className="report-summary">
            {t('reports.summary', {
              events: totals.reduce((n, x) => n + x.events, 0),
              attendees: totals.reduce((n, x) => n + x.attendees, 0),
              from: formatCalendarDate(byPopulation.data.from, locale),
              to: formatCalendarDate(byPopulation.data.to, locale),
            })}
          </p>
          <div className="report-controls">{measureToggle}</div>
          <PopulationFigure
            report={byPopulation.data}
            population={population}
            measure={measure}
            describe={describe}
            csv={csv('population')}
          />
        </>
      )}

      {bySpa.data && (
        <KeyFigure
          title={t('reports.bySpaTitle')}
          note={t('reports.bySpaNote')}
          keyHeader={t('reports.colSpa')}
          entries={[...sumByKey(bySpa.data).entries()]
            .filter(([k]) => !spa || k === spa)
            .map(([k, v]) => ({ ...v, key: k, label: spaShort(k) }))}
          measure={measure}
          describe={describe}
          csv={csv('spa')}
        />
      )}
      {byStaff.data && (
        <KeyFigure
          title={t('reports.byStaffTitle')}
          note={t('reports.byStaffNote')}
          keyHeader={t('reports.colStaff')}
          entries={[...sumByKey(byStaff.data).entries()]
            .filter(([k]) => !staff || k === staff)
            .map(([k, v]) => ({ key: k, ...v, label: nameOf(k) }))}
          measure={measure}
          describe={describe}
          csv={csv('staff')}
        />
      )}
    </>
  );
}

/** Events (or attendees) per period, stacked by focus population; the table has every figure. */
function PopulationFigure({
  report,
  population,
  measure,
  describe,
  csv,
}: {
  report: EngagementReport;
  population: string | undefined;
  measure: Measure;
  describe: (d: Datum, s: { label: string }, v: number) => string;
  csv: () => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const shown = FOCUS_POPULATIONS.filter((p) => (!population || p === population) && report.rows.some((x) => x.key === p));
  const data: Datum[] = periodsBetween(report.from, report.to, report.groupBy).map((period) => ({
    name: period,
    label: periodLabel(period, locale, t),
    ...Object.fromEntries(shown.map((p) => [p, report.rows.find((x) => x.period === period && x.key === p)?.[measure] ?? 0])),
  }));
  const rows = report.rows.filter((x) => x.key === null || !population || x.key === population);
  const title = t('reports.byPopulationTitle');
  return (
    <ReportFigure
      title={title}
      note={t('reports.byPopulationNote')}
      csv={csv}
      table={
        <Table
          label={title}
          head={
            <>
              <th scope="col">{t('reports.colPeriod')}</th>
              <th scope="col">{t('reports.colPopulation')}</th>
              <th scope="col">{t('reports.events')}</th>
              <th scope="col">{t('reports.attendees')}</th>
            </>
          }
        >
          {rows.map((x) => (
            <tr
              key={`${x.period}|${x.key ?? ''}`}
              className={x.key === null ? 'report-total-row' : undefined}
              data-period={x.period}
              data-key={x.key ?? 'total'}
            >
              <th scope="row">{periodLabel(x.period, locale, t)}</th>
              <td data-label={t('reports.colPopulation')}>
                {x.key === null ? t('reports.allPopulations') : t(`focus.${x.key as (typeof FOCUS_POPULATIONS)[number]}`)}
              </td>
              <td data-label={t('reports.events')}>{x.events}</td>
              <td data-label={t('reports.attendees')}>{x.attendees}</td>
            </tr>
          ))}
        </Table>
      }
    >
      {shown.length === 0 ? (
        <p className="report-empty">{t('reports.noData')}</p>
      ) : (
        <BarsChart data={data} title={title} describe={describe} legend series={shown.map((p) => ({ key: p, label: t(`focus.${p}`) }))} />
      )}
    </ReportFigure>
  );
}

/** One bar per key (an SPA, a staff member), over the whole range. */
function KeyFigure({
  title,
  note,
  keyHeader,
  entries,
  measure,
  describe,
  csv,
}: {
  title: string;
  note: string;
  keyHeader: string;
  entries: { key: string; label: string; events: number; attendees: number }[];
  measure: Measure;
  describe: (d: Datum, s: { label: string }, v: number) => string;
  csv: () => Promise<void>;
}) {
  const t = useI18n().t;
  const data: Datum[] = entries.map((e) => ({ name: e.key, label: e.label, value: e[measure] }));
  const series = [{ key: 'value', label: measure === 'events' ? t('reports.events') : t('reports.attendees') }];
  return (
    <ReportFigure
      title={title}
      note={note}
      csv={csv}
      table={
        <Table
          label={title}
          head={
            <>
              <th scope="col">{keyHeader}</th>
              <th scope="col">{t('reports.events')}</th>
              <th scope="col">{t('reports.attendees')}</th>
            </>
          }
        >
          {entries.map((e) => (
            <tr key={e.key} data-key={e.key}>
              <th scope="row">{e.label}</th>
              <td data-label={t('reports.events')}>{e.events}</td>
              <td data-label={t('reports.attendees')}>{e.attendees}</td>
            </tr>
          ))}
        </Table>
      }
    >
      {data.length === 0 ? (
        <p className="report-empty">{t('reports.noData')}</p>
      ) : (
        <BarsChart
          data={data}
          title={title}
          describe={describe}
          series={series}
          layout="vertical"
          height={Math.max(120, 36 * data.length + 40)}
        />
      )}
    </ReportFigure>
  );
}
