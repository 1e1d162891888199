import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { EXIT_REASONS, MEMBER_ROLES, MEMBER_STATUSES } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { TextField } from '../../../components/ui/text-field';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage, isStaleVersion } from '../../../lib/errors';
import { formatCalendarDate } from '../../../lib/format';
import { coordinationQueries, useSeatMember, useUpdateMember, type Board, type Member, type UpdateMemberBody } from '../api/coordination';

type Role = (typeof MEMBER_ROLES)[number];
type MStatus = (typeof MEMBER_STATUSES)[number];
type Exit = (typeof EXIT_REASONS)[number];

/** Members (seat, role, term, status, renewals, exit reason), and the selected applicants not yet seated. */
export function BoardMembersTab({ board }: { board: Board }) {
  const { t } = useI18n();
  const members = useQuery(coordinationQueries.members(board.id));
  const selected = useQuery(coordinationQueries.selected(board.id));
  const charters = useQuery(coordinationQueries.charters(board.id));
  const hasCharter = (charters.data?.data.length ?? 0) > 0;
  if (members.isPending) return <Spinner label={t('app.loading')} />;
  if (members.isError) return <Alert tone="danger">{errorMessage(members.error, t)}</Alert>;
  const seatedApps = new Set(members.data.data.map((m) => m.applicationId));
  const toSeat = selected.data?.data.filter((a) => !seatedApps.has(a.id)) ?? [];
  const active = members.data.data.filter((m) => m.status !== 'ended').length;
  return (
    <>
      {toSeat.length > 0 && (
        <Card title={t('boards.members.toSeat', { count: toSeat.length })}>
          <ul className="board-list">
            {toSeat.map((a) => (
              <li key={a.id}>
                <SeatForm boardId={board.id} applicationId={a.id} name={a.name} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={t('boards.members.title', { count: active, seats: board.seats })}>
        {members.data.data.length === 0 ? (
          <EmptyState title={t('boards.members.none')} />
        ) : (
          <ul className="board-list">
            {members.data.data.map((m) => (
              <li key={m.id}>
                <MemberRow boardId={board.id} member={m} hasCharter={hasCharter} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

function SeatForm({ boardId, applicationId, name }: { boardId: string; applicationId: string; name: string }) {
  const { t } = useI18n();
  const seat = useSeatMember(boardId);
  const [termStart, setTermStart] = useState(() => new Date().toISOString().slice(0, 10));
  const [role, setRole] = useState<Role>('member');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    seat.mutate({ applicationId, termStart, role });
  };
  return (
    <form className="board-inline-form" onSubmit={submit} aria-label={t('boards.members.seatFor', { name })}>
      <strong className="board-member-name">{name}</strong>
      <TextField label={t('boards.members.termStart')} type="date" value={termStart} onChange={(e) => setTermStart(e.target.value)} required />
      <SelectField label={t('boards.members.role')} value={role} onChange={(e) => setRole(e.target.value as Role)} options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`boards.role.${r}` as MessageKey) }))} />
      <Button type="submit" size="sm" loading={seat.isPending}>
        {t('boards.members.seat')}
      </Button>
      {seat.isError && <Alert tone="danger">{errorMessage(seat.error, t)}</Alert>}
    </form>
  );
}

function MemberRow({ boardId, member: m, hasCharter }: { boardId: string; member: Member; hasCharter: boolean }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <div className="board-member">
      <div className="board-member-head">
        <strong className="board-member-name">
          {m.seat != null && <span className="board-seat">{t('boards.members.seatNo', { seat: m.seat })}</span>}
          {m.name}
        </strong>
        <Badge tone={m.role === 'member' ? 'neutral' : 'info'}>{t(`boards.role.${m.role}` as MessageKey)}</Badge>
        <Badge tone={m.status === 'active' ? 'success' : m.status === 'on_leave' ? 'warning' : 'neutral'}>{t(`boards.memberStatus.${m.status}` as MessageKey)}</Badge>
        {hasCharter && !m.acknowledgedCurrentCharter && m.status !== 'ended' && <Badge tone="warning">{t('boards.members.charterPending')}</Badge>}
      </div>
      <p className="board-muted">
        {t('boards.members.term', { start: formatCalendarDate(m.termStart, locale), end: formatCalendarDate(m.termEnd, locale) })}
        {m.renewals > 0 && ` · ${t('boards.members.renewals', { count: m.renewals })}`}
        {m.exitReason && ` · ${t(`boards.exit.${m.exitReason}` as MessageKey)}`}
        {[m.phone, m.email].filter(Boolean).length > 0 && ` · ${[m.phone, m.email].filter(Boolean).join(' · ')}`}
      </p>
      {editing ? (
        <MemberForm boardId={boardId} member={m} onDone={() => setEditing(false)} />
      ) : (
        <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label={t('boards.members.editFor', { name: m.name })}>
          {t('boards.edit')}
        </Button>
      )}
    </div>
  );
}

function MemberForm({ boardId, member: m, onDone }: { boardId: string; member: Member; onDone: () => void }) {
  const { t } = useI18n();
  const update = useUpdateMember(boardId);
  const [f, setF] = useState({ seat: m.seat == null ? '' : String(m.seat), role: m.role as Role, termEnd: m.termEnd, status: m.status as MStatus, renewals: m.renewals, exitReason: (m.exitReason ?? '') as Exit | '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: UpdateMemberBody = { seat: f.seat === '' ? null : Number(f.seat), role: f.role, termEnd: f.termEnd, status: f.status, renewals: f.renewals, exitReason: f.exitReason === '' ? null : f.exitReason };
    update.mutate({ memberId: m.id, version: m.version, body }, { onSuccess: onDone });
  };
  return (
    <form className="board-form" onSubmit={submit}>
      <div className="board-form-row">
        <TextField label={t('boards.members.seatLabel')} type="number" min={1} max={100} value={f.seat} onChange={(e) => setF({ ...f, seat: e.target.value })} />
        <SelectField label={t('boards.members.role')} value={f.role} onChange={(e) => setF({ ...f, role: e.target.value as Role })} options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`boards.role.${r}` as MessageKey) }))} />
      </div>
      <div className="board-form-row">
        <TextField label={t('boards.members.termEnd')} type="date" value={f.termEnd} onChange={(e) => setF({ ...f, termEnd: e.target.value })} required />
        <TextField label={t('boards.members.renewalsLabel')} type="number" min={0} max={20} value={f.renewals} onChange={(e) => setF({ ...f, renewals: Number(e.target.value) })} />
      </div>
      <div className="board-form-row">
        <SelectField label={t('boards.status')} value={f.status} onChange={(e) => setF({ ...f, status: e.target.value as MStatus })} options={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`boards.memberStatus.${s}` as MessageKey) }))} />
        <SelectField
          label={t('boards.members.exitReason')}
          value={f.exitReason}
          onChange={(e) => setF({ ...f, exitReason: e.target.value as Exit | '' })}
          placeholder="—"
          options={EXIT_REASONS.map((r) => ({ value: r, label: t(`boards.exit.${r}` as MessageKey) }))}
          hint={f.status === 'ended' ? t('boards.members.exitHint') : undefined}
        />
      </div>
      {update.isError && !isStaleVersion(update.error) && <Alert tone="danger">{errorMessage(update.error, t)}</Alert>}
      {update.isError && isStaleVersion(update.error) && <StaleVersionAlert body={t('boards.members.stale')} onReload={onDone} />}
      <div className="board-form-actions">
        <Button type="submit" size="sm" loading={update.isPending}>
          {t('boards.save')}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
