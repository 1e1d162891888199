import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CoverageAxis } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { Table } from '../../../components/ui/table';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/i18n-provider';
import type { MessageKey } from '../../../i18n/en';
import { errorMessage } from '../../../lib/errors';
import { spaShort } from '../../../lib/labels';
import { gapQueries, lastYear, type Coverage } from '../api/queries';
import { PeriodFields } from './period-fields';
import './gaps.css';

type Cell = Coverage['cells'][number];
/** How short the region falls: the colour is a second channel, the numbers in the cell say it all. */
const levelOf = (c: Cell | undefined) => {
  if (!c || (c.activeServices === 0 && c.referralsSent === 0)) return 'none';
  if (c.acceptingServices === 0 || c.unmetDemand * 2 >= Math.max(c.referralsSent, 1)) return 'high';
  return c.unmetDemand > 0 ? 'some' : 'ok';
};

/** SPA × category (or Community Support): supply from the directory beside demand from referrals. */
export function CoveragePage() {
  const { t } = useI18n();
  const [period, setPeriod] = useState(lastYear);
  const [axis, setAxis] = useState<CoverageAxis>('category');
  const q = useQuery({ ...gapQueries.coverage({ ...period, axis }), placeholderData: keepPreviousData });
  const prefix = axis === 'category' ? 'sdoh' : 'cs';
  return (
    <>
      <PageHeader title={t('coverage.title')} description={t('coverage.intro')} actions={<Link className="btn btn-secondary" to={paths.gaps.href()}>{t('gaps.title')}</Link>} />
      <Card>
        <form className="filters" role="search" aria-label={t('coverage.filters')} onSubmit={(e) => e.preventDefault()}>
          <SelectField
            label={t('coverage.axis')}
            name="axis"
            value={axis}
            onChange={(e) => setAxis(e.target.value as CoverageAxis)}
            options={[
              { value: 'category', label: t('gaps.kindCategory') },
              { value: 'community_support', label: t('gaps.kindCommunitySupport') },
            ]}
          />
          <PeriodFields period={period} onChange={setPeriod} />
        </form>
        <ul className="heat-legend" aria-label={t('coverage.legend')}>
          {(['ok', 'some', 'high'] as const).map((l) => (
            <li key={l}>
              <span className={`heat-swatch heat-${l}`} aria-hidden="true" /> {t(`coverage.level.${l}` as MessageKey)}
            </li>
          ))}
        </ul>
        {q.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : q.isError ? (
          <Alert tone="danger">{errorMessage(q.error, t)}</Alert>
        ) : (
          <Matrix data={q.data} label={(k) => t(`${prefix}.${k}` as MessageKey)} />
        )}
      </Card>
    </>
  );
}

/** Rows: the categories with anything to count; columns: the eight SPAs. */
function Matrix({ data, label }: { data: Coverage; label: (key: string) => string }) {
  const { t } = useI18n();
  const at = new Map(data.cells.map((c) => [`${c.key}|${c.spa}`, c]));
  const keys = data.keys.filter((k) => data.cells.some((c) => c.key === k));
  if (!keys.length) return <EmptyState title={t('coverage.emptyTitle')}>{t('coverage.empty')}</EmptyState>;
  return (
    <Table
      label={t('coverage.tableLabel')}
      head={
        <>
          <th scope="col">{t('coverage.need')}</th>
          {data.spas.map((s) => (
            <th scope="col" key={s}>
              {spaShort(s)}
            </th>
          ))}
        </>
      }
    >
      {keys.map((k) => (
        <tr key={k}>
          <th scope="row">{label(k)}</th>
          {data.spas.map((s) => {
            const c = at.get(`${k}|${s}`);
            const level = levelOf(c);
            return (
              <td key={s} className={`heat heat-${level}`} data-label={spaShort(s)} data-cell={`${s}|${k}`}>
                <span className="heat-line">{t('coverage.cellSupply', { active: c?.activeServices ?? 0, accepting: c?.acceptingServices ?? 0 })}</span>
                <span className="heat-line">{t('coverage.cellDemand', { sent: c?.referralsSent ?? 0, unmet: c?.unmetDemand ?? 0 })}</span>
                {c && c.openGaps > 0 && <span className="heat-line heat-gaps">{t('coverage.cellGaps', { count: c.openGaps })}</span>}
                {level !== 'none' && <span className="visually-hidden">{t(`coverage.level.${level}` as MessageKey)}</span>}
              </td>
            );
          })}
        </tr>
      ))}
    </Table>
  );
}
