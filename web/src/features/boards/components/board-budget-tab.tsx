import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Spinner } from '../../../components/ui/spinner';
import { TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { coordinationQueries, useCreateRound, type Board } from '../api/coordination';

/** Dollars as the coordinator types them ("2,500.50") → cents; NaN when it is not an amount. */
export const toCents = (s: string) => (/^\d[\d,]*(\.\d{1,2})?$/.test(s.trim()) ? Math.round(Number(s.trim().replace(/,/g, '')) * 100) : NaN);
export const money = (cents: number, locale: string) => new Intl.NumberFormat(locale === 'es' ? 'es-US' : 'en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

/** The board's participatory budgeting rounds and a form to start one. */
export function BoardBudgetTab({ board }: { board: Board }) {
  const { t, locale } = useI18n();
  const rounds = useQuery(coordinationQueries.rounds(board.id));
  const create = useCreateRound(board.id);
  const [title, setTitle] = useState('');
  const [amount, setAmount] = useState('');
  const [points, setPoints] = useState(100);
  const cents = toCents(amount);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (Number.isNaN(cents)) return;
    create.mutate({ title, budgetCents: cents, pointsPerMember: points }, { onSuccess: () => (setTitle(''), setAmount('')) });
  };
  return (
    <>
      <Card title={t('boards.budget.rounds')}>
        {rounds.isPending && <Spinner label={t('app.loading')} />}
        {rounds.isError && <Alert tone="danger">{errorMessage(rounds.error, t)}</Alert>}
        {rounds.data && rounds.data.data.length === 0 && <EmptyState title={t('boards.budget.none')} />}
        {rounds.data && rounds.data.data.length > 0 && (
          <ul className="board-list">
            {rounds.data.data.map((r) => (
              <li key={r.id} className="board-round-row">
                <Link to={paths.budgetRound.href(board.id, r.id)}>{r.title}</Link>
                <span>{money(r.budgetCents, locale)}</span>
                <Badge tone={r.status === 'voting' ? 'info' : r.status === 'closed' ? 'success' : 'neutral'}>{t(`boards.budget.status.${r.status}` as MessageKey)}</Badge>
                <span className="board-muted">{t('boards.budget.counts', { proposals: r.proposals.length, votes: r.votes.length })}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('boards.budget.start')}>
        <form className="board-form" onSubmit={submit}>
          <TextField label={t('boards.budget.title')} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
          <TextField
              label={t('boards.budget.amount')}
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              required
              error={amount && Number.isNaN(cents) ? t('boards.budget.amountInvalid') : undefined}
            />
          <TextField label={t('boards.budget.points')} hint={t('boards.budget.pointsHint')} type="number" min={1} max={1000} value={points} onChange={(e) => setPoints(Number(e.target.value))} required />
          {create.isError && <Alert tone="danger">{errorMessage(create.error, t)}</Alert>}
          <div className="board-form-actions">
            <Button type="submit" loading={create.isPending}>
              {t('boards.budget.create')}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
