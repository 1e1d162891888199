import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { APPLICATION_DECISIONS, canDecide, SPAS, type ApplicationDecision } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { Table } from '../../../components/ui/table';
import { paths } from '../../../config/paths';
import type { MessageKey } from '../../../i18n/en';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, isStaleVersion } from '../../../lib/errors';
import { useDecideApplication } from '../api/mutations';
import { boardQueries, type RankedApplications } from '../api/queries';
import '../boards.css';

type Row = RankedApplications['data'][number];
type Counts = RankedApplications['diversity'];

const spaName = (code: string) => {
  const s = SPAS.find((x) => x.code === code);
  return s ? `SPA ${s.number} · ${s.name}` : code;
};

/** One decision per row: the choice and a button, on the version the list showed. */
function Decide({ boardId, row, label }: { boardId: string; row: Row; label: string }) {
  const t = useT();
  const options = APPLICATION_DECISIONS.filter((d) => canDecide(row.status, d));
  const [decision, setDecision] = useState<ApplicationDecision>(options[0] ?? 'selected');
  const decide = useDecideApplication(boardId);
  if (options.length === 0) return <span className="board-muted">—</span>;
  return (
    <div className="board-decide">
      <select className="input select" aria-label={t('boards.decisionFor', { name: label })} value={decision} onChange={(e) => setDecision(e.target.value as ApplicationDecision)}>
        {options.map((d) => (
          <option key={d} value={d}>
            {t(`boards.decision.${d}` as MessageKey)}
          </option>
        ))}
      </select>
      <Button size="sm" variant="secondary" loading={decide.isPending} onClick={() => decide.mutate({ applicationId: row.id, version: row.version, decision })}>
        {t('boards.decide')}
      </Button>
      {decide.isError && !isStaleVersion(decide.error) && <Alert tone="danger">{errorMessage(decide.error, t)}</Alert>}
      {decide.isError && isStaleVersion(decide.error) && <StaleVersionAlert body={t('boards.staleDecision')} onReload={() => decide.reset()} />}
    </div>
  );
}

/** Counts by SPA, population and language: of every application, and of the selected ones. */
function Diversity({ title, counts }: { title: string; counts: Counts }) {
  const t = useT();
  const groups: [string, Record<string, number>, (k: string) => string][] = [
    [t('boards.bySpa'), counts.spa, spaName],
    [t('boards.byPopulation'), counts.populations, (k) => t(`focus.${k}` as MessageKey)],
    [t('boards.byLanguage'), counts.languages, (k) => t(`language.${k}` as MessageKey)],
  ];
  return (
    <Card title={title} headingLevel={2}>
      <div className="board-diversity">
        {groups.map(([heading, c, label]) => (
          <div key={heading}>
            <h3 className="board-diversity-title">{heading}</h3>
            {Object.keys(c).length === 0 ? (
              <p className="board-muted">{t('boards.noneYet')}</p>
            ) : (
              <dl className="board-counts">
                {Object.entries(c)
                  .sort((a, b) => b[1] - a[1])
                  .map(([k, n]) => (
                    <div key={k}>
                      <dt>{label(k)}</dt>
                      <dd>{n}</dd>
                    </div>
                  ))}
              </dl>
            )}
          </div>
        ))}
      </div>
    </Card>
  );
}

/** A board's applications ranked by average review score, with diversity counts beside them and a decision per row. */
export function BoardApplicationsPage({ boardId, embedded = false }: { boardId: string; embedded?: boolean }) {
  const t = useT();
  const board = useQuery(boardQueries.detail(boardId));
  const ranked = useQuery(boardQueries.applications(boardId));
  const failed = board.error ?? ranked.error;
  return (
    <>
      {embedded ? <p className="board-muted">{t('boards.rankedIntro')}</p> : <PageHeader title={board.data?.name ?? t('nav.advisoryBoards')} description={t('boards.rankedIntro')} />}
      {(board.isPending || ranked.isPending) && !failed && <Spinner label={t('app.loading')} />}
      {failed && <Alert tone="danger">{errorMessage(failed, t)}</Alert>}
      {ranked.data && (
        <>
          <Card title={t('boards.applications')} headingLevel={2}>
            {ranked.data.data.length === 0 ? (
              <EmptyState title={t('boards.noApplications')} />
            ) : (
              <Table
                label={t('boards.applications')}
                head={
                  <>
                    <th scope="col">{t('boards.rank')}</th>
                    <th scope="col">{t('boards.applicant')}</th>
                    <th scope="col">{t('boards.score')}</th>
                    <th scope="col">{t('boards.reviews')}</th>
                    <th scope="col">{t('boards.spa')}</th>
                    <th scope="col">{t('boards.populations')}</th>
                    <th scope="col">{t('boards.languages')}</th>
                    <th scope="col">{t('boards.status')}</th>
                    <th scope="col">{t('boards.decide')}</th>
                  </>
                }
              >
                {ranked.data.data.map((r) => (
                  <tr key={r.id}>
                    <td data-label={t('boards.rank')}>{r.rank}</td>
                    <td data-label={t('boards.applicant')}>
                      <Link className="board-applicant" to={paths.boardApplication.href(boardId, r.id)}>
                        {r.name}
                      </Link>
                      <span className="board-muted board-reference">{r.reference}</span>
                    </td>
                    <td data-label={t('boards.score')}>{r.averageScore ?? t('boards.unscored')}</td>
                    <td data-label={t('boards.reviews')}>{r.reviewCount}</td>
                    <td data-label={t('boards.spa')}>{r.spa ? spaName(r.spa) : '—'}</td>
                    <td data-label={t('boards.populations')}>{r.populations.map((p) => t(`focus.${p}` as MessageKey)).join(', ') || '—'}</td>
                    <td data-label={t('boards.languages')}>{r.languages.map((l) => t(`language.${l}` as MessageKey)).join(', ')}</td>
                    <td data-label={t('boards.status')}>
                      <Badge tone={r.status === 'selected' ? 'success' : r.status === 'declined' ? 'neutral' : r.status === 'waitlisted' ? 'warning' : 'info'}>
                        {t(`boards.applicationStatus.${r.status}` as MessageKey)}
                      </Badge>
                    </td>
                    <td data-label={t('boards.decide')}>
                      <Decide boardId={boardId} row={r} label={r.name} />
                    </td>
                  </tr>
                ))}
              </Table>
            )}
          </Card>
          <div className="board-diversity-cards">
            <Diversity title={t('boards.diversityAll')} counts={ranked.data.diversity} />
            <Diversity title={t('boards.diversitySelected')} counts={ranked.data.selectedDiversity} />
          </div>
        </>
      )}
    </>
  );
}
