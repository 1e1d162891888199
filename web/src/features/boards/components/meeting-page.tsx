import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ATTENDANCE_STATUSES, MEETING_STATUSES, MEETING_SUPPORTS, MOTION_DECISIONS, VOTE_CHOICES, countsAsPresent, type AttendanceStatus, type MeetingStatus } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage, isStaleVersion } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { meetingQueries, useCreateMotion, usePutAttendance, usePutVotes, useUpdateMeeting, type Meeting, type Motion } from '../api/meetings';
import { QuorumBadge } from './meeting-list-page';
import '../meetings.css';

type Members = { id: string; name: string; status: string }[];

/** One radio group per member: present, remote, excused, absent. The whole list is saved at once. */
function AttendanceGrid({ boardId, meeting, members }: { boardId: string; meeting: Meeting; members: Members }) {
  const { t } = useI18n();
  const current = members.filter((m) => m.status !== 'ended');
  const recorded = new Map(meeting.attendance.map((a) => [a.memberId, a.status]));
  const [rows, setRows] = useState<Record<string, AttendanceStatus>>(() => Object.fromEntries(current.map((m) => [m.id, recorded.get(m.id) ?? 'absent'])));
  const put = usePutAttendance(boardId, meeting.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    put.mutate({ version: meeting.version, attendance: current.map((m) => ({ memberId: m.id, status: rows[m.id] ?? 'absent' })) });
  };
  return (
    <Card title={t('meetings.attendance')} headingLevel={2}>
      <p>
        <QuorumBadge quorum={meeting.quorum} />
      </p>
      {current.length === 0 ? (
        <EmptyState title={t('meetings.noMembers')} />
      ) : (
        <form onSubmit={submit} className="meeting-form">
          {current.map((m) => (
            <fieldset key={m.id} className="attendance-row">
              <legend>{m.name}</legend>
              <div className="attendance-choices">
                {ATTENDANCE_STATUSES.map((s) => (
                  <label key={s} className="attendance-choice">
                    <input type="radio" name={`att-${m.id}`} value={s} checked={rows[m.id] === s} onChange={() => setRows({ ...rows, [m.id]: s })} disabled={meeting.status === 'cancelled'} />
                    {t(`meetings.attendanceStatus.${s}` as MessageKey)}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          {put.isError && !isStaleVersion(put.error) && <Alert tone="danger">{errorMessage(put.error, t)}</Alert>}
          {put.isError && isStaleVersion(put.error) && <StaleVersionAlert body={t('meetings.stale')} onReload={() => put.reset()} />}
          {put.isSuccess && <Alert tone="success">{t('meetings.saved')}</Alert>}
          <div>
            <Button type="submit" loading={put.isPending} disabled={meeting.status === 'cancelled'}>
              {t('meetings.saveAttendance')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}

/** Status, minutes and supports provided. */
function Record({ boardId, meeting, members }: { boardId: string; meeting: Meeting; members: Members }) {
  const { t } = useI18n();
  const update = useUpdateMeeting(boardId, meeting.id);
  const [status, setStatus] = useState<MeetingStatus>(meeting.status);
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const [supports, setSupports] = useState(meeting.supports);
  const [kind, setKind] = useState<(typeof MEETING_SUPPORTS)[number]>('interpretation');
  const [forMember, setForMember] = useState('');
  const name = (id: string | null) => (id ? (members.find((m) => m.id === id)?.name ?? id) : t('meetings.wholeMeeting'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ version: meeting.version, body: { status, minutes: minutes || null, supports } });
  };
  return (
    <Card title={t('meetings.record')} headingLevel={2}>
      <form onSubmit={submit} className="meeting-form">
        <SelectField label={t('boards.status')} value={status} onChange={(e) => setStatus(e.target.value as MeetingStatus)} options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetings.status.${s}` as MessageKey) }))} />
        <TextAreaField label={t('meetings.minutes')} value={minutes} onChange={(e) => setMinutes(e.target.value)} rows={6} />
        <div>
          <h3 className="meeting-subtitle">{t('meetings.supports')}</h3>
          {supports.length === 0 ? (
            <p className="board-muted">{t('boards.noneYet')}</p>
          ) : (
            <ul className="meeting-list">
              {supports.map((s, i) => (
                <li key={`${s.kind}-${s.memberId ?? ''}-${i}`} className="meeting-list-item meeting-support">
                  <span>
                    {t(`meetings.support.${s.kind}` as MessageKey)} · {name(s.memberId)}
                  </span>
                  <Button size="sm" variant="ghost" onClick={() => setSupports(supports.filter((_, j) => j !== i))}>
                    {t('meetings.remove')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <div className="meeting-inline">
            <SelectField label={t('meetings.supportKind')} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} options={MEETING_SUPPORTS.map((s) => ({ value: s, label: t(`meetings.support.${s}` as MessageKey) }))} />
            <SelectField label={t('meetings.supportFor')} value={forMember} onChange={(e) => setForMember(e.target.value)} placeholder={t('meetings.wholeMeeting')} options={members.map((m) => ({ value: m.id, label: m.name }))} />
            <Button size="sm" variant="secondary" onClick={() => setSupports([...supports, { kind, memberId: forMember || null, note: null }])}>
              {t('meetings.addSupport')}
            </Button>
          </div>
        </div>
        {update.isError && !isStaleVersion(update.error) && <Alert tone="danger">{errorMessage(update.error, t)}</Alert>}
        {update.isError && isStaleVersion(update.error) && <StaleVersionAlert body={t('meetings.stale')} onReload={() => update.reset()} />}
        {update.isSuccess && <Alert tone="success">{t('meetings.saved')}</Alert>}
        <div>
          <Button type="submit" loading={update.isPending}>
            {t('meetings.saveRecord')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** One motion: its outcome, and a choice per member present or remote. */
function MotionVotes({ boardId, meeting, motion }: { boardId: string; meeting: Meeting; motion: Motion }) {
  const { t } = useI18n();
  const voters = meeting.attendance.filter((a) => countsAsPresent(a.status));
  const [choices, setChoices] = useState<Record<string, string>>(() => Object.fromEntries(motion.votes.map((v) => [v.memberId, v.choice])));
  const put = usePutVotes(boardId, meeting.id);
  const options = VOTE_CHOICES[motion.decision].map((c) => ({ value: c, label: t(`meetings.vote.${c}` as MessageKey) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const votes = voters.filter((v) => choices[v.memberId]).map((v) => ({ memberId: v.memberId, choice: choices[v.memberId] as Motion['votes'][number]['choice'] }));
    put.mutate({ motionId: motion.id, version: motion.version, votes });
  };
  const tone = motion.outcome === 'carried' ? 'success' : motion.outcome === 'blocked' ? 'danger' : 'warning';
  return (
    <section className="motion" aria-labelledby={`motion-${motion.id}`}>
      <h3 id={`motion-${motion.id}`} className="meeting-subtitle">
        {motion.title}
      </h3>
      <p className="motion-outcome">
        <Badge tone="neutral">{t(`meetings.decision.${motion.decision}` as MessageKey)}</Badge> <Badge tone={tone}>{t(`meetings.outcome.${motion.outcome}` as MessageKey)}</Badge>
      </p>
      {meeting.quorum.met ? (
        <form onSubmit={submit} className="meeting-form">
          {voters.map((v) => (
            <SelectField
              key={v.memberId}
              label={v.memberName}
              value={choices[v.memberId] ?? ''}
              onChange={(e) => setChoices({ ...choices, [v.memberId]: e.target.value })}
              placeholder={t('meetings.notVoted')}
              options={options}
            />
          ))}
          {put.isError && !isStaleVersion(put.error) && <Alert tone="danger">{errorMessage(put.error, t)}</Alert>}
          {put.isError && isStaleVersion(put.error) && <StaleVersionAlert body={t('meetings.stale')} onReload={() => put.reset()} />}
          <div>
            <Button type="submit" size="sm" loading={put.isPending}>
              {t('meetings.saveVotes')}
            </Button>
          </div>
        </form>
      ) : (
        <p className="board-muted">{t('meetings.noQuorumToVote')}</p>
      )}
    </section>
  );
}

function Motions({ boardId, meeting }: { boardId: string; meeting: Meeting }) {
  const { t } = useI18n();
  const motions = useQuery(meetingQueries.motions(boardId, meeting.id));
  const create = useCreateMotion(boardId, meeting.id);
  const [title, setTitle] = useState('');
  const [decision, setDecision] = useState<Motion['decision']>('consensus');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ title, decision }, { onSuccess: () => setTitle('') });
  };
  return (
    <Card title={t('meetings.motions')} headingLevel={2}>
      {motions.isPending && <Spinner label={t('app.loading')} />}
      {motions.error && <Alert tone="danger">{errorMessage(motions.error, t)}</Alert>}
      {motions.data?.data.length === 0 && <p className="board-muted">{t('meetings.noMotions')}</p>}
      {motions.data?.data.map((m) => <MotionVotes key={`${m.id}-${m.version}-${meeting.version}`} boardId={boardId} meeting={meeting} motion={m} />)}
      {meeting.status !== 'cancelled' && (
        <form onSubmit={submit} className="meeting-form">
          <h3 className="meeting-subtitle">{t('meetings.addMotion')}</h3>
          <TextField label={t('meetings.motionTitle')} required value={title} onChange={(e) => setTitle(e.target.value)} />
          <SelectField label={t('meetings.decisionRule')} value={decision} onChange={(e) => setDecision(e.target.value as Motion['decision'])} options={MOTION_DECISIONS.map((d) => ({ value: d, label: t(`meetings.decision.${d}` as MessageKey) }))} />
          {create.isError && <Alert tone="danger">{errorMessage(create.error, t)}</Alert>}
          <div>
            <Button type="submit" variant="secondary" loading={create.isPending}>
              {t('meetings.addMotion')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}

/** A meeting: what and where, attendance with quorum, status, minutes and supports, motions and votes. */
export function MeetingPage({ boardId, meetingId }: { boardId: string; meetingId: string }) {
  const { t, locale } = useI18n();
  const meeting = useQuery(meetingQueries.detail(boardId, meetingId));
  const members = useQuery(meetingQueries.members(boardId));
  const failed = meeting.error ?? members.error;
  const m = meeting.data;
  return (
    <>
      <PageHeader title={m ? t('meetings.meetingOf', { date: formatDateTime(m.startsAt, locale) }) : t('meetings.title')} description={m?.place ?? m?.virtualUrl ?? undefined} />
      <p>
        <Link to={paths.boardMeetings.href(boardId)}>{t('meetings.back')}</Link>
      </p>
      {(meeting.isPending || members.isPending) && !failed && <Spinner label={t('app.loading')} />}
      {failed && <Alert tone="danger">{errorMessage(failed, t)}</Alert>}
      {m && members.data && (
        <div className="meeting-cards">
          {(m.agenda || m.materials.length > 0 || m.virtualUrl) && (
            <Card title={t('meetings.agenda')} headingLevel={2}>
              {m.agenda && <p className="meeting-agenda">{m.agenda}</p>}
              {m.virtualUrl && (
                <p>
                  <a href={m.virtualUrl} rel="noreferrer" target="_blank">
                    {t('meetings.join')}
                  </a>
                </p>
              )}
              {m.materials.length > 0 && (
                <ul className="meeting-list">
                  {m.materials.map((x) => (
                    <li key={x.url}>
                      <a href={x.url} rel="noreferrer" target="_blank">
                        {x.title}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          )}
          <AttendanceGrid key={`att-${m.version}`} boardId={boardId} meeting={m} members={members.data.data} />
          <Record key={`rec-${m.version}`} boardId={boardId} meeting={m} members={members.data.data} />
          <Motions boardId={boardId} meeting={m} />
        </div>
      )}
    </>
  );
}
