import { useState, type FormEvent } from 'react';
import { BOARD_STATUSES, type BoardStatus } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { SelectField } from '../../../components/ui/select-field';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import type { MessageKey } from '../../../i18n/en';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, isStaleVersion } from '../../../lib/errors';
import { useUpdateBoard, type Board } from '../api/coordination';

/** The board's facts, and (on Edit) the form that changes them on the version shown. */
export function BoardOverviewTab({ board }: { board: Board }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  return (
    <Card title={t('boards.tab.overview')} actions={!editing && <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>{t('boards.edit')}</Button>}>
      {editing ? (
        <BoardForm board={board} onDone={() => setEditing(false)} />
      ) : (
        <dl className="board-facts">
          <div>
            <dt>{t('boards.program')}</dt>
            <dd>{board.program}</dd>
          </div>
          <div>
            <dt>{t('boards.seats')}</dt>
            <dd>{board.seats}</dd>
          </div>
          <div>
            <dt>{t('boards.term')}</dt>
            <dd>{t('boards.termMonths', { count: board.termMonths })}</dd>
          </div>
          <div>
            <dt>{t('boards.meetings')}</dt>
            <dd>{board.meetingCadence}</dd>
          </div>
          <div className="board-facts-wide">
            <dt>{t('boards.purpose')}</dt>
            <dd className="board-pre">{board.purpose}</dd>
          </div>
          <div className="board-facts-wide">
            <dt>{t('boards.coordinators')}</dt>
            <dd>{board.coordinators.length ? board.coordinators.map((c) => c.name).join(', ') : t('boards.coordinatorsAll')}</dd>
          </div>
          <div className="board-facts-wide">
            <dt>{t('boards.rubric')}</dt>
            <dd>{board.criteria.length ? board.criteria.map((c) => `${c.label} (0–${c.maxScore})`).join(' · ') : '—'}</dd>
          </div>
          {board.status === 'recruiting' && (
            <div className="board-facts-wide">
              <dt>{t('boards.publicPage')}</dt>
              <dd>
                <a href={paths.boardApply.href(board.id)}>{paths.boardApply.href(board.id)}</a>
              </dd>
            </div>
          )}
        </dl>
      )}
    </Card>
  );
}

/** Create (no board) or edit (a board, on its version). */
export function BoardForm({ board, onDone, onSubmit }: { board?: Board; onDone: () => void; onSubmit?: (body: BoardFields) => Promise<unknown> }) {
  const t = useT();
  const update = useUpdateBoard(board?.id ?? '');
  const [f, setF] = useState<BoardFields>({
    name: board?.name ?? '',
    program: board?.program ?? '',
    purpose: board?.purpose ?? '',
    seats: board?.seats ?? 11,
    termMonths: board?.termMonths ?? 24,
    meetingCadence: board?.meetingCadence ?? '',
    status: board?.status ?? 'draft',
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof BoardFields>(k: K, v: BoardFields[K]) => setF((x) => ({ ...x, [k]: v }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (onSubmit) await onSubmit(f);
      else if (board) await update.mutateAsync({ version: board.version, body: f });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="board-form" onSubmit={submit}>
      <TextField label={t('boards.name')} value={f.name} onChange={(e) => set('name', e.target.value)} required maxLength={200} />
      <TextField label={t('boards.program')} value={f.program} onChange={(e) => set('program', e.target.value)} required maxLength={200} />
      <TextAreaField label={t('boards.purpose')} value={f.purpose} onChange={(e) => set('purpose', e.target.value)} required maxLength={4000} />
      <div className="board-form-row">
        <TextField label={t('boards.seats')} type="number" min={1} max={100} value={f.seats} onChange={(e) => set('seats', Number(e.target.value))} required />
        <TextField label={t('boards.termLength')} type="number" min={1} max={120} value={f.termMonths} onChange={(e) => set('termMonths', Number(e.target.value))} required />
      </div>
      <TextField label={t('boards.meetings')} value={f.meetingCadence} onChange={(e) => set('meetingCadence', e.target.value)} required maxLength={300} />
      <SelectField label={t('boards.status')} value={f.status} onChange={(e) => set('status', e.target.value as BoardStatus)} options={BOARD_STATUSES.map((s) => ({ value: s, label: t(`boards.boardStatus.${s}` as MessageKey) }))} />
      {error != null && !isStaleVersion(error) && <Alert tone="danger">{errorMessage(error, t)}</Alert>}
      {error != null && isStaleVersion(error) && <StaleVersionAlert body={t('boards.staleBoard')} onReload={onDone} />}
      <div className="board-form-actions">
        <Button type="submit" loading={busy}>
          {t('boards.save')}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
export interface BoardFields {
  name: string;
  program: string;
  purpose: string;
  seats: number;
  termMonths: number;
  meetingCadence: string;
  status: BoardStatus;
}
