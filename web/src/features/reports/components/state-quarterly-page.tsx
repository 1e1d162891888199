import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, lastEndedQuarter, STATE_POPULATION_CATEGORIES, type StatePopulationCategory } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { PageHeader } from '../../../components/ui/page-header';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { useI18n, type Translate } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { formatCalendarDate } from '../../../lib/format';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { downloadReportCsv, reportQueries, type StateQuarterly } from '../api/queries';
import { BarsChart, type Datum } from './charts';
import { monthLong, periodLabel, todayInLa } from './format';
import { CsvButton } from './report-figure';
import { ReportTabs } from './report-tabs';
import './reports.css';

/** The quarters to choose from: the current one and the eleven before it, newest first. */
const quarterChoices = (today: string) => {
  let year = Number(today.slice(0, 4));
  let quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: { year: number; quarter: number }[] = [];
  for (let i = 0; i < 12; i++) {
    out.push({ year, quarter });
    if (--quarter === 0) [year, quarter] = [year - 1, 4];
  }
  return out;
};

/**
 * The State's quarterly roll-up: a quarter picker, events per month by the State's category (a
 * chart), and the two tables the State's form asks for (events, attendees), printable and as CSV.
 */
export function StateQuarterlyPage({ showNetwork }: { showNetwork: boolean }) {
  const { t, locale } = useI18n();
  const [params, set] = useUrlFilters();
  const today = todayInLa();
  const choices = quarterChoices(today);
  const picked = /^(\d{4})-Q([1-4])$/.exec(`${params.get('year')}-Q${params.get('quarter')}`);
  const q = picked ? { year: Number(picked[1]), quarter: Number(picked[2]) } : lastEndedQuarter(today);
  const value = `${q.year}-Q${q.quarter}`;
  const options = choices.some((c) => c.year === q.year && c.quarter === q.quarter) ? choices : [q, ...choices];
  const report = useQuery({ ...reportQueries.stateQuarterly(q), placeholderData: keepPreviousData });
  const title = t('reports.stateTitle');

  return (
    <div className="report-printable">
      <PageHeader
        title={title}
        description={t('reports.stateIntro')}
        actions={
          <>
            <CsvButton download={() => downloadReportCsv(api.getEngagementStateQuarterly, q, `engagement-state-${value}.csv`)} />
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => window.print()}>
              {t('reports.print')}
            </button>
          </>
        }
      />
      <ReportTabs showNetwork={showNetwork} />
      <form className="report-filters report-picker" aria-label={t('reports.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label={t('reports.quarter')}
          name="quarter"
          value={value}
          options={options.map((c) => ({ value: `${c.year}-Q${c.quarter}`, label: periodLabel(`${c.year}-Q${c.quarter}`, locale, t) }))}
          onChange={(e) => {
            const [y, qq] = e.target.value.split('-Q');
            set({ year: y, quarter: qq });
          }}
        />
      </form>
      {report.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : report.isError ? (
        <Alert tone="danger">{errorMessage(report.error, t)}</Alert>
      ) : (
        <StateReport r={report.data} />
      )}
    </div>
  );
}

const categoryLabel = (c: StatePopulationCategory, t: Translate) => t(`stateCategory.${c}`);

function StateReport({ r }: { r: StateQuarterly }) {
  const { t, locale } = useI18n();
  const months = [...new Set(r.rows.flatMap((x) => (x.month ? [x.month] : [])))];
  const cell = (month: string | null, category: StatePopulationCategory | null) =>
    r.rows.find((x) => x.month === month && x.category === category);
  const data: Datum[] = months.map((m) => ({
    name: m,
    label: periodLabel(m, locale, t),
    ...Object.fromEntries(STATE_POPULATION_CATEGORIES.map((c) => [c, cell(m, c)?.events ?? 0])),
  }));
  const events = t('reports.events').toLowerCase();
  const table = (measure: 'events' | 'attendees', caption: string) => (
    <div className="table-wrap report-state-table" role="region" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.colMonth')}</th>
            {STATE_POPULATION_CATEGORIES.map((c) => (
              <th scope="col" key={c}>
                {categoryLabel(c, t)}
              </th>
            ))}
            <th scope="col">{t('reports.colTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {[...months, null].map((m) => (
            <tr key={m ?? 'quarter'} className={m === null ? 'report-total-row' : undefined} data-month={m ?? 'quarter'}>
              <th scope="row">{m ? monthLong(m, locale) : t('reports.quarterTotal')}</th>
              {[...STATE_POPULATION_CATEGORIES, null].map((c) => (
                <td key={c ?? 'total'} data-category={c ?? 'total'} data-label={c ? categoryLabel(c, t) : t('reports.colTotal')}>
                  {cell(m, c)?.[measure] ?? 0}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      <p className="report-summary">
        {formatCalendarDate(r.from, locale)} – {formatCalendarDate(r.to, locale)}. {t('reports.stateNote')}
      </p>
      <section className="card report-figure report-keep">
        <div className="card-body">
          <h2 className="card-title">{t('reports.stateChartTitle')}</h2>
          <div className="report-chart">
            <BarsChart
              data={data}
              title={t('reports.stateChartTitle')}
              describe={(d, s, v) => t('reports.segment', { period: d.label, series: s.label, value: v, measure: events })}
              series={STATE_POPULATION_CATEGORIES.map((c) => ({ key: c, label: categoryLabel(c, t) }))}
            />
          </div>
        </div>
      </section>
      <section className="card report-keep">
        <div className="card-body">{table('events', t('reports.stateEventsTable'))}</div>
      </section>
      <section className="card report-keep">
        <div className="card-body">{table('attendees', t('reports.stateAttendeesTable'))}</div>
      </section>
    </>
  );
}
