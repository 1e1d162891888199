import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { STIPEND_METHODS, STIPEND_PURPOSES, type StipendMethod, type StipendPurpose } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxGroup } from '../../../components/ui/checkbox-group';
import { SelectField } from '../../../components/ui/select-field';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { Spinner } from '../../../components/ui/spinner';
import { TextField } from '../../../components/ui/text-field';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf, isStaleVersion } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { meetingQueries } from '../api/meetings';
import { useCreateStipend, usePayMeeting, useReloadStipends, useUpdatePolicy, type StipendPolicy } from '../api/stipend-queries';
import { centsToDollars, dollarsToCents, formatMoney } from './stipend-money';

type Member = { id: string; name: string; status: string };

/** One payment: any purpose; the amount defaults to the policy's rate for a meeting or extra work. */
export function StipendRecordForm({ boardId, members, policy }: { boardId: string; members: Member[]; policy: StipendPolicy }) {
  const { t, locale } = useI18n();
  const create = useCreateStipend(boardId);
  const [memberId, setMemberId] = useState('');
  const [purpose, setPurpose] = useState<StipendPurpose>('meeting');
  const [method, setMethod] = useState<StipendMethod>(policy.methods[0] ?? 'check');
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState('');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(create.error, t), ...local };
  const rate = purpose === 'meeting' ? policy.meetingRateCents : purpose === 'extra_work' ? policy.extraRateCents : 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = amount.trim() ? dollarsToCents(amount) : null;
    const problems: Record<string, string> = {};
    if (!memberId) problems.memberId = t('stipends.chooseMember');
    if (amount.trim() && cents === null) problems.amountCents = t('stipends.badAmount');
    if (!amount.trim() && rate === 0) problems.amountCents = t('stipends.amountRequired');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    create.mutate(
      { memberId, purpose, method, note: note.trim() || null, ...(cents !== null ? { amountCents: cents } : {}), ...(paidOn ? { paidOn, status: 'issued' as const } : {}) },
      {
        onSuccess: () => {
          setAmount('');
          setNote('');
        },
      },
    );
  };

  return (
    <form className="stipend-form" onSubmit={submit} noValidate>
      <SelectField
        label={t('stipends.member')}
        value={memberId}
        onChange={(e) => setMemberId(e.target.value)}
        placeholder={t('stipends.chooseMember')}
        options={members.map((m) => ({ value: m.id, label: m.name }))}
        error={errors.memberId}
      />
      <SelectField label={t('stipends.purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value as StipendPurpose)} options={STIPEND_PURPOSES.map((p) => ({ value: p, label: t(`stipends.purpose.${p}` as MessageKey) }))} />
      <SelectField label={t('stipends.method')} value={method} onChange={(e) => setMethod(e.target.value as StipendMethod)} options={policy.methods.map((m) => ({ value: m, label: t(`boards.stipend.${m}` as MessageKey) }))} error={errors.method} />
      <TextField
        label={t('stipends.amountDollars')}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        hint={rate > 0 ? t('stipends.amountDefault', { amount: formatMoney(rate, locale) }) : undefined}
        optionalLabel={rate > 0 ? t('stipends.optional') : undefined}
        error={errors.amountCents}
      />
      <TextField label={t('stipends.paidOn')} type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} hint={t('stipends.paidOnHint')} optionalLabel={t('stipends.optional')} error={errors.paidOn} />
      <TextField label={t('stipends.note')} value={note} onChange={(e) => setNote(e.target.value)} optionalLabel={t('stipends.optional')} maxLength={1000} />
      {create.isError && <Alert tone="danger">{errorMessage(create.error, t)}</Alert>}
      {create.isSuccess && <Alert tone="success">{t('stipends.recorded')}</Alert>}
      <Button type="submit" loading={create.isPending}>
        {t('stipends.record')}
      </Button>
    </form>
  );
}

/** Pay a meeting: a held meeting of the board; its attendees (present or remote) are paid at the policy's meeting rate, all or nothing. */
export function StipendPayMeetingForm({ boardId, policy }: { boardId: string; policy: StipendPolicy }) {
  const { t, locale } = useI18n();
  const pay = usePayMeeting(boardId);
  const meetings = useQuery(meetingQueries.list(boardId));
  const [meetingId, setMeetingId] = useState('');
  /** The attendees chosen (all of them until a box is unticked); null: not touched since the meeting was chosen. */
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [method, setMethod] = useState<'' | StipendMethod>('');
  const [paidOn, setPaidOn] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(pay.error, t), ...local };
  const held = (meetings.data?.data ?? []).filter((m) => m.status === 'held');
  const meeting = held.find((m) => m.id === meetingId);
  const attendees = (meeting?.attendance ?? []).filter((a) => a.status === 'present' || a.status === 'remote');
  const memberIds = chosen ?? attendees.map((a) => a.memberId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!meeting) problems.meetingId = t('stipends.badMeetingId');
    else if (attendees.length === 0) problems.meetingId = t('stipends.noAttendees');
    else if (memberIds.length === 0) problems.memberIds = t('stipends.chooseMembers');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    // Every attendee: the API reads them from the meeting; a subset is named.
    const subset = memberIds.length < attendees.length ? { memberIds } : {};
    pay.mutate({ meetingId, ...subset, ...(method ? { method } : {}), ...(paidOn ? { paidOn } : {}) }, { onSuccess: () => setChosen(null) });
  };

  if (policy.meetingRateCents <= 0) return <p className="board-muted">{t('stipends.setRateFirst')}</p>;
  if (meetings.isPending) return <Spinner />;
  if (meetings.isError) return <Alert tone="danger">{errorMessage(meetings.error, t)}</Alert>;
  if (!held.length) return <p className="board-muted">{t('stipends.noHeldMeetings')}</p>;
  return (
    <form className="stipend-form" onSubmit={submit} noValidate>
      <p>{t('stipends.payMeetingIntro', { amount: formatMoney(policy.meetingRateCents, locale) })}</p>
      <SelectField
        label={t('stipends.meetingId')}
        value={meetingId}
        onChange={(e) => {
          setMeetingId(e.target.value);
          setChosen(null);
        }}
        placeholder={t('stipends.chooseMeeting')}
        options={held.map((m) => ({ value: m.id, label: `${formatDateTime(m.startsAt, locale)}${m.place ? ` · ${m.place}` : ''}` }))}
        hint={t('stipends.meetingIdHint')}
        error={errors.meetingId}
      />
      {meeting &&
        (attendees.length ? (
          <CheckboxGroup legend={t('stipends.attended')} name="stipend-members" options={attendees.map((a) => ({ value: a.memberId, label: a.memberName }))} value={memberIds} onChange={setChosen} error={errors.memberIds} columns={1} />
        ) : (
          <p className="board-muted">{t('stipends.noAttendees')}</p>
        ))}
      <SelectField
        label={t('stipends.method')}
        value={method}
        onChange={(e) => setMethod(e.target.value as '' | StipendMethod)}
        placeholder={t('stipends.eachPreferred')}
        options={policy.methods.map((m) => ({ value: m, label: t(`boards.stipend.${m}` as MessageKey) }))}
        error={errors.method}
      />
      <TextField label={t('stipends.paidOn')} type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} hint={t('stipends.paidOnHint')} optionalLabel={t('stipends.optional')} error={errors.paidOn} />
      {pay.isError && <Alert tone="danger">{errorMessage(pay.error, t)}</Alert>}
      {pay.isSuccess && <Alert tone="success">{t('stipends.meetingPaid', { count: pay.data?.data.length ?? 0 })}</Alert>}
      <Button type="submit" loading={pay.isPending}>
        {t('stipends.payMeeting')}
      </Button>
    </form>
  );
}

/** The board's rates, cap and methods, saved on the version shown (If-Match). */
export function StipendPolicyForm({ boardId, policy }: { boardId: string; policy: StipendPolicy }) {
  const { t } = useI18n();
  const update = useUpdatePolicy(boardId);
  const reload = useReloadStipends(boardId);
  const [meeting, setMeeting] = useState(centsToDollars(policy.meetingRateCents));
  const [extra, setExtra] = useState(centsToDollars(policy.extraRateCents));
  const [cap, setCap] = useState(policy.annualCapCents === null ? '' : centsToDollars(policy.annualCapCents));
  const [methods, setMethods] = useState<string[]>(policy.methods);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...fieldErrorsOf(update.error, t), ...local };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m = dollarsToCents(meeting);
    const x = dollarsToCents(extra);
    const c = cap.trim() ? dollarsToCents(cap) : null;
    const problems: Record<string, string> = {};
    if (m === null) problems.meetingRateCents = t('stipends.badAmount');
    if (x === null) problems.extraRateCents = t('stipends.badAmount');
    if (cap.trim() && (c === null || c === 0)) problems.annualCapCents = t('stipends.badAmount');
    if (methods.length === 0) problems.methods = t('stipends.chooseMethod');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    update.mutate({ version: policy.version, body: { meetingRateCents: m!, extraRateCents: x!, annualCapCents: c, methods: STIPEND_METHODS.filter((k) => methods.includes(k)) } });
  };

  return (
    <form className="stipend-form" onSubmit={submit} noValidate>
      <TextField label={t('stipends.meetingRate')} inputMode="decimal" value={meeting} onChange={(e) => setMeeting(e.target.value)} error={errors.meetingRateCents} />
      <TextField label={t('stipends.extraRate')} inputMode="decimal" value={extra} onChange={(e) => setExtra(e.target.value)} error={errors.extraRateCents} />
      <TextField label={t('stipends.annualCap')} inputMode="decimal" value={cap} onChange={(e) => setCap(e.target.value)} hint={t('stipends.annualCapHint')} optionalLabel={t('stipends.optional')} error={errors.annualCapCents} />
      <CheckboxGroup legend={t('stipends.methodsOffered')} name="stipend-methods" options={STIPEND_METHODS.map((m) => ({ value: m, label: t(`boards.stipend.${m}` as MessageKey) }))} value={methods} onChange={setMethods} error={errors.methods} />
      {update.isError && !isStaleVersion(update.error) && <Alert tone="danger">{errorMessage(update.error, t)}</Alert>}
      {update.isError && isStaleVersion(update.error) && <StaleVersionAlert
          body={t('stipends.stalePolicy')}
          onReload={() => {
            update.reset();
            void reload();
          }}
        />}
      {update.isSuccess && <Alert tone="success">{t('stipends.policySaved')}</Alert>}
      <Button type="submit" loading={update.isPending}>
        {t('stipends.savePolicy')}
      </Button>
    </form>
  );
}
