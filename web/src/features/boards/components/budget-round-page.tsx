import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { BUDGET_ROUND_NEXT } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { Table } from '../../../components/ui/table';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage, isStaleVersion } from '../../../lib/errors';
import { coordinationQueries, useAddProposal, usePutVote, useUpdateRound, type BudgetRound, type Member } from '../api/coordination';
import { money, toCents } from './board-budget-tab';
import '../boards.css';
import './board-coordination.css';

/** One participatory budgeting round: proposals (added in draft), members' votes (while voting), the result (once closed). */
export function BudgetRoundPage({ boardId, roundId }: { boardId: string; roundId: string }) {
  const { t, locale } = useI18n();
  const round = useQuery(coordinationQueries.round(boardId, roundId));
  const members = useQuery(coordinationQueries.members(boardId));
  const move = useUpdateRound(boardId, roundId);
  if (round.isError) return <Alert tone="danger">{errorMessage(round.error, t)}</Alert>;
  if (!round.data) return <Spinner label={t('app.loading')} />;
  const r = round.data;
  const next = BUDGET_ROUND_NEXT[r.status];
  return (
    <>
      <p className="board-back">
        <Link to={paths.advisoryBoardTab.href(boardId, 'budget')}>← {t('boards.tab.budget')}</Link>
      </p>
      <PageHeader
        title={r.title}
        description={t('boards.budget.summary', { amount: money(r.budgetCents, locale), points: r.pointsPerMember })}
        actions={<Badge tone={r.status === 'voting' ? 'info' : r.status === 'closed' ? 'success' : 'neutral'}>{t(`boards.budget.status.${r.status}` as MessageKey)}</Badge>}
      />
      {next && (
        <div className="board-form-actions board-round-move">
          <Button variant="secondary" loading={move.isPending} onClick={() => move.mutate({ version: r.version, body: { status: next } })}>
            {t(`boards.budget.moveTo.${next}` as MessageKey)}
          </Button>
          {move.isError && !isStaleVersion(move.error) && <Alert tone="danger">{errorMessage(move.error, t)}</Alert>}
          {move.isError && isStaleVersion(move.error) && <StaleVersionAlert body={t('boards.budget.stale')} onReload={() => move.reset()} />}
        </div>
      )}
      {r.result && <Result round={r} />}
      <Card title={t('boards.budget.proposals', { count: r.proposals.length })}>
        {r.proposals.length === 0 ? (
          <EmptyState title={t('boards.budget.noProposals')} />
        ) : (
          <ul className="board-list">
            {r.proposals.map((p) => (
              <li key={p.id}>
                <strong>{p.title}</strong> · {money(p.costCents, locale)}
                <p className="board-muted">{p.description}</p>
              </li>
            ))}
          </ul>
        )}
        {r.status === 'draft' && <ProposalForm boardId={boardId} roundId={roundId} />}
      </Card>
      {r.status !== 'draft' && (
        <Card title={t('boards.budget.votes', { count: r.votes.length })}>
          {r.status === 'voting' && <p className="board-muted">{t('boards.budget.voteHint', { points: r.pointsPerMember })}</p>}
          {members.isPending && <Spinner label={t('app.loading')} />}
          {members.data && (
            <ul className="board-list">
              {members.data.data
                .filter((m) => m.status !== 'ended')
                .map((m) => (
                  <li key={m.id}>
                    <VoteRow boardId={boardId} round={r} member={m} />
                  </li>
                ))}
            </ul>
          )}
        </Card>
      )}
    </>
  );
}

function Result({ round: r }: { round: BudgetRound }) {
  const { t, locale } = useI18n();
  const res = r.result!;
  return (
    <Card title={t('boards.budget.result')}>
      <p>{t('boards.budget.spent', { spent: money(res.spentCents, locale), left: money(res.remainingCents, locale), ballots: res.ballots })}</p>
      <Table
        label={t('boards.budget.result')}
        head={
          <>
            <th scope="col">{t('boards.rank')}</th>
            <th scope="col">{t('boards.budget.proposal')}</th>
            <th scope="col">{t('boards.budget.cost')}</th>
            <th scope="col">{t('boards.budget.pointsCol')}</th>
            <th scope="col">{t('boards.budget.funded')}</th>
          </>
        }
      >
        {res.ranking.map((p) => (
          <tr key={p.proposalId}>
            <td data-label={t('boards.rank')}>{p.rank}</td>
            <td data-label={t('boards.budget.proposal')}>{p.title}</td>
            <td data-label={t('boards.budget.cost')}>{money(p.costCents, locale)}</td>
            <td data-label={t('boards.budget.pointsCol')}>{p.points}</td>
            <td data-label={t('boards.budget.funded')}>
              <Badge tone={p.funded ? 'success' : 'neutral'}>{p.funded ? t('boards.budget.yes') : t(`boards.budget.reason.${p.reason ?? 'no_points'}` as MessageKey)}</Badge>
            </td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}

function ProposalForm({ boardId, roundId }: { boardId: string; roundId: string }) {
  const { t } = useI18n();
  const add = useAddProposal(boardId, roundId);
  const [f, setF] = useState({ title: '', description: '', cost: '' });
  const cents = toCents(f.cost);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (Number.isNaN(cents)) return;
    add.mutate({ title: f.title, description: f.description, costCents: cents }, { onSuccess: () => setF({ title: '', description: '', cost: '' }) });
  };
  return (
    <form className="board-form" onSubmit={submit}>
      <h3 className="board-subtitle">{t('boards.budget.addProposal')}</h3>
      <TextField label={t('boards.budget.proposal')} value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} required maxLength={200} />
      <TextAreaField label={t('boards.budget.description')} value={f.description} onChange={(e) => setF({ ...f, description: e.target.value })} required maxLength={4000} />
      <TextField label={t('boards.budget.cost')} inputMode="decimal" value={f.cost} onChange={(e) => setF({ ...f, cost: e.target.value })} required error={f.cost && Number.isNaN(cents) ? t('boards.budget.amountInvalid') : undefined} />
      {add.isError && <Alert tone="danger">{errorMessage(add.error, t)}</Alert>}
      <div className="board-form-actions">
        <Button type="submit" loading={add.isPending}>
          {t('boards.budget.addProposal')}
        </Button>
      </div>
    </form>
  );
}

/** A member's points across the proposals; the total shown against the allocation before it is sent. */
function VoteRow({ boardId, round: r, member: m }: { boardId: string; round: BudgetRound; member: Member }) {
  const { t } = useI18n();
  const existing = r.votes.find((v) => v.memberId === m.id);
  const put = usePutVote(boardId, r.id);
  const [points, setPoints] = useState<Record<string, string>>(() => Object.fromEntries(r.proposals.map((p) => [p.id, String(existing?.points[p.id] ?? '')])));
  const total = Object.values(points).reduce((s, v) => s + (Number(v) || 0), 0);
  const over = total > r.pointsPerMember;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    put.mutate({ memberId: m.id, points: Object.fromEntries(Object.entries(points).filter(([, v]) => Number(v) > 0).map(([k, v]) => [k, Number(v)])) });
  };
  if (r.status !== 'voting')
    return (
      <div>
        <strong>{m.name}</strong> {existing ? <Badge tone="success">{t('boards.budget.voted')}</Badge> : <Badge tone="neutral">{t('boards.budget.didNotVote')}</Badge>}
      </div>
    );
  return (
    <form className="board-vote" onSubmit={submit} aria-label={t('boards.budget.voteFor', { name: m.name })}>
      <div className="board-member-head">
        <strong>{m.name}</strong>
        {existing && <Badge tone="success">{t('boards.budget.voted')}</Badge>}
      </div>
      <div className="board-vote-grid">
        {r.proposals.map((p) => (
          <TextField key={p.id} label={p.title} type="number" min={0} max={r.pointsPerMember} value={points[p.id] ?? ''} onChange={(e) => setPoints({ ...points, [p.id]: e.target.value })} />
        ))}
      </div>
      <p className={over ? 'board-over' : 'board-muted'} aria-live="polite">
        {t('boards.budget.total', { total, points: r.pointsPerMember })}
      </p>
      {put.isError && <Alert tone="danger">{errorMessage(put.error, t)}</Alert>}
      <Button type="submit" size="sm" disabled={over} loading={put.isPending}>
        {t('boards.budget.recordVote')}
      </Button>
    </form>
  );
}
