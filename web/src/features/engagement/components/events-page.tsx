import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ENGAGEMENT_EVENT_TYPES, FOCUS_POPULATIONS, SPA_CODES } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { ListFooter } from '../../../components/ui/list-footer';
import { PageHeader } from '../../../components/ui/page-header';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { Table } from '../../../components/ui/table';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { spaShort } from '../../../lib/labels';
import { pickParam, useUrlFilters } from '../../../lib/use-url-filters';
import { engagementQueries, type EventFilters } from '../api/queries';
import './engagement.css';
import { FiltersFold } from '../../../components/ui/filters-fold';
import { EventsCalendar, laDateOf } from './events-calendar';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateParam = (v: string | null) => (v && DATE.test(v) ? v : undefined);

/** Engagement events, newest first, filtered by dates, SPA, population and type (kept in the URL). */
export function EventsPage({ canWrite }: { canWrite: boolean }) {
  const { t, locale } = useI18n();
  const [params, set] = useUrlFilters();
  const filters: EventFilters = {
    from: dateParam(params.get('from')),
    to: dateParam(params.get('to')),
    spa: pickParam(SPA_CODES, params.get('spa')),
    population: pickParam(FOCUS_POPULATIONS, params.get('population')),
    type: pickParam(ENGAGEMENT_EVENT_TYPES, params.get('type')),
  };
  const calendar = params.get('view') === 'calendar';
  const monthParam = params.get('month') ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) ? monthParam : laDateOf(new Date().toISOString()).slice(0, 7);
  const list = useInfiniteQuery({ ...engagementQueries.list(filters), placeholderData: keepPreviousData, enabled: !calendar });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <PageHeader
        title={t('engagement.title')}
        description={t('engagement.intro')}
        actions={
          canWrite ? (
            <>
              <Link className="btn btn-secondary" to={paths.engagementImport.href()}>
                {t('engagementImport.title')}
              </Link>
              <Link className="btn btn-primary" to={paths.engagementNew.href()}>
                {t('engagement.logEvent')}
              </Link>
            </>
          ) : undefined
        }
      />
      <Card>
        <FiltersFold active={[filters.from, filters.to, filters.spa, filters.population, filters.type].filter(Boolean).length}>
          <form className="filters" role="search" aria-label={t('engagement.filters')} onSubmit={(e) => e.preventDefault()}>
            {/* The calendar shows one month: dates are its own. */}
            {!calendar && (
              <>
                <TextField label={t('engagement.from')} type="date" name="from" value={filters.from ?? ''} onChange={(e) => set({ from: e.target.value })} />
                <TextField label={t('engagement.to')} type="date" name="to" value={filters.to ?? ''} onChange={(e) => set({ to: e.target.value })} />
              </>
            )}
            <SelectField
              label={t('engagement.fieldSpa')}
              name="spa"
              value={filters.spa ?? ''}
              placeholder={t('engagement.anySpa')}
              options={SPA_CODES.map((v) => ({ value: v, label: spaShort(v) }))}
              onChange={(e) => set({ spa: e.target.value })}
            />
            <SelectField
              label={t('engagement.fieldPopulation')}
              name="population"
              value={filters.population ?? ''}
              placeholder={t('dir.anyFocus')}
              options={FOCUS_POPULATIONS.map((v) => ({ value: v, label: t(`focus.${v}`) }))}
              onChange={(e) => set({ population: e.target.value })}
            />
            <SelectField
              label={t('engagement.fieldType')}
              name="type"
              value={filters.type ?? ''}
              placeholder={t('engagement.anyType')}
              options={ENGAGEMENT_EVENT_TYPES.map((v) => ({ value: v, label: t(`engagementType.${v}`) }))}
              onChange={(e) => set({ type: e.target.value })}
            />
          </form>
        </FiltersFold>
        <div className="engagement-view" role="group" aria-label={t('engagement.view')}>
          <div className="segmented">
            <button type="button" aria-pressed={!calendar} onClick={() => set({ view: '', month: '' })}>
              {t('engagement.viewList')}
            </button>
            <button type="button" aria-pressed={calendar} onClick={() => set({ view: 'calendar' })}>
              {t('engagement.viewCalendar')}
            </button>
          </div>
        </div>
        {calendar ? (
          <EventsCalendar month={month} filters={{ spa: filters.spa, population: filters.population, type: filters.type }} onMonth={(m) => set({ month: m })} />
        ) : list.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : list.isError ? (
          <Alert tone="danger">{errorMessage(list.error, t)}</Alert>
        ) : rows.length === 0 ? (
          <EmptyState title={t('engagement.emptyTitle')}>{t('engagement.empty')}</EmptyState>
        ) : (
          <>
            <Table
              label={t('engagement.listLabel')}
              head={
                <>
                  <th scope="col">{t('engagement.fieldTitle')}</th>
                  <th scope="col">{t('engagement.fieldDate')}</th>
                  <th scope="col">{t('engagement.colSpas')}</th>
                  <th scope="col">{t('engagement.colPopulations')}</th>
                  <th scope="col">{t('engagement.fieldAttendees')}</th>
                </>
              }
            >
              {rows.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link className="cell-title" to={paths.engagementEvent.href(e.id)}>
                      {e.title}
                    </Link>
                    <span className="cell-sub">{t(`engagementType.${e.type}`)}</span>
                  </th>
                  <td data-label={t('engagement.fieldDate')}>{formatDate(e.startsAt, locale)}</td>
                  <td data-label={t('engagement.colSpas')}>{e.spas.map(spaShort).join(', ')}</td>
                  <td data-label={t('engagement.colPopulations')}>{e.focusPopulations.map((p) => t(`focus.${p}`)).join(', ')}</td>
                  <td data-label={t('engagement.fieldAttendees')}>{e.attendeeCount}</td>
                </tr>
              ))}
            </Table>
            <ListFooter pages={list} summary={t('common.showing', { count: rows.length })} moreLabel={t('common.loadMore')} />
          </>
        )}
      </Card>
    </>
  );
}
