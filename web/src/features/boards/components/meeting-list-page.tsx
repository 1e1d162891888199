import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Spinner } from '../../../components/ui/spinner';
import { Table } from '../../../components/ui/table';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { formatCalendarDate, formatDateTime } from '../../../lib/format';
import { meetingQueries, useCreateMeeting, useCreateTraining, useUpdateTrainingAttendance, type Meeting, type Training } from '../api/meetings';
import { boardQueries } from '../api/queries';
import '../meetings.css';

export function QuorumBadge({ quorum }: { quorum: Meeting['quorum'] }) {
  const { t } = useI18n();
  return (
    <span className="meeting-quorum">
      {quorum.seated === 0 ? (
        <Badge tone="neutral">{t('meetings.noAttendance')}</Badge>
      ) : (
        <Badge tone={quorum.met ? 'success' : 'warning'}>{t(quorum.met ? 'meetings.quorumMet' : 'meetings.quorumNotMet', { present: quorum.present, needed: quorum.needed, seated: quorum.seated })}</Badge>
      )}
    </span>
  );
}

function NewMeeting({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  const create = useCreateMeeting(boardId);
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace] = useState('');
  const [virtualUrl, setVirtualUrl] = useState('');
  const [agenda, setAgenda] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { startsAt: startsAt ? new Date(startsAt).toISOString() : '', place: place || null, virtualUrl: virtualUrl || null, agenda },
      { onSuccess: () => [setStartsAt, setPlace, setVirtualUrl, setAgenda].forEach((f) => f('')) },
    );
  };
  return (
    <Card title={t('meetings.schedule')} headingLevel={2}>
      <form className="meeting-form" onSubmit={submit}>
        <TextField label={t('meetings.startsAt')} type="datetime-local" required value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
        <TextField label={t('meetings.place')} value={place} onChange={(e) => setPlace(e.target.value)} hint={t('meetings.placeHint')} />
        <TextField label={t('meetings.virtualUrl')} type="url" placeholder="https://" value={virtualUrl} onChange={(e) => setVirtualUrl(e.target.value)} />
        <TextAreaField label={t('meetings.agenda')} value={agenda} onChange={(e) => setAgenda(e.target.value)} />
        {create.isError && <Alert tone="danger">{errorMessage(create.error, t)}</Alert>}
        <div>
          <Button type="submit" loading={create.isPending}>
            {t('meetings.scheduleButton')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** Who attended a training: a checkbox per member who has not left, saved as the whole list. */
function TrainingAttendance({ boardId, training, members }: { boardId: string; training: Training; members: { id: string; name: string; status: string }[] }) {
  const { t } = useI18n();
  const update = useUpdateTrainingAttendance(boardId);
  const [attended, setAttended] = useState(() => new Set(training.attendance.filter((a) => a.attended).map((a) => a.memberId)));
  const current = members.filter((m) => m.status !== 'ended');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ trainingId: training.id, version: training.version, attendance: current.map((m) => ({ memberId: m.id, attended: attended.has(m.id) })) });
  };
  return (
    <details className="training-attendance">
      <summary>{t('meetings.trainingAttendance')}</summary>
      <form onSubmit={submit} className="meeting-form">
        <fieldset className="attendance-row">
          <legend className="visually-hidden">{t('meetings.trainingAttendanceOf', { topic: training.topic })}</legend>
          <div className="attendance-choices">
            {current.map((m) => (
              <label key={m.id} className="attendance-choice">
                <input
                  type="checkbox"
                  checked={attended.has(m.id)}
                  onChange={(e) => {
                    const next = new Set(attended);
                    if (e.target.checked) next.add(m.id);
                    else next.delete(m.id);
                    setAttended(next);
                  }}
                />
                {m.name}
              </label>
            ))}
          </div>
        </fieldset>
        {update.isError && <Alert tone="danger">{errorMessage(update.error, t)}</Alert>}
        <div>
          <Button type="submit" size="sm" variant="secondary" loading={update.isPending}>
            {t('meetings.saveAttendance')}
          </Button>
        </div>
      </form>
    </details>
  );
}

function Trainings({ boardId }: { boardId: string }) {
  const { t, locale } = useI18n();
  const trainings = useQuery(meetingQueries.trainings(boardId));
  const members = useQuery(meetingQueries.members(boardId));
  const create = useCreateTraining(boardId);
  const [topic, setTopic] = useState('');
  const [trainer, setTrainer] = useState('');
  const [date, setDate] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ topic, trainer, date }, { onSuccess: () => [setTopic, setTrainer, setDate].forEach((f) => f('')) });
  };
  return (
    <Card title={t('meetings.trainings')} headingLevel={2}>
      {trainings.isPending && <Spinner label={t('app.loading')} />}
      {trainings.error && <Alert tone="danger">{errorMessage(trainings.error, t)}</Alert>}
      {trainings.data &&
        (trainings.data.data.length === 0 ? (
          <EmptyState title={t('meetings.noTrainings')} />
        ) : (
          <ul className="meeting-list">
            {trainings.data.data.map((tr) => (
              <li key={tr.id} className="meeting-list-item">
                <span className="meeting-list-title">{tr.topic}</span>
                <span className="board-muted">
                  {formatCalendarDate(tr.date, locale)} · {tr.trainer} · {t('meetings.attendedCount', { n: tr.attendance.filter((a) => a.attended).length, of: tr.attendance.length })}
                </span>
                {members.data && <TrainingAttendance key={tr.version} boardId={boardId} training={tr} members={members.data.data} />}
              </li>
            ))}
          </ul>
        ))}
      <form className="meeting-form" onSubmit={submit}>
        <h3 className="meeting-subtitle">{t('meetings.addTraining')}</h3>
        <TextField label={t('meetings.topic')} required value={topic} onChange={(e) => setTopic(e.target.value)} />
        <TextField label={t('meetings.trainer')} required value={trainer} onChange={(e) => setTrainer(e.target.value)} />
        <TextField label={t('meetings.date')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        {create.isError && <Alert tone="danger">{errorMessage(create.error, t)}</Alert>}
        <div>
          <Button type="submit" variant="secondary" loading={create.isPending}>
            {t('meetings.addTraining')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** A board's meetings (newest first, with quorum) and its trainings. */
export function BoardMeetingsPage({ boardId }: { boardId: string }) {
  const { t, locale } = useI18n();
  const board = useQuery(boardQueries.detail(boardId));
  const meetings = useQuery(meetingQueries.list(boardId));
  const failed = board.error ?? meetings.error;
  return (
    <>
      <p className="board-muted">{t('meetings.intro')}</p>
      {meetings.isPending && !failed && <Spinner label={t('app.loading')} />}
      {failed && <Alert tone="danger">{errorMessage(failed, t)}</Alert>}
      {meetings.data && (
        <Card title={t('meetings.title')} headingLevel={2}>
          {meetings.data.data.length === 0 ? (
            <EmptyState title={t('meetings.none')} />
          ) : (
            <Table
              label={t('meetings.title')}
              head={
                <>
                  <th scope="col">{t('meetings.startsAt')}</th>
                  <th scope="col">{t('meetings.where')}</th>
                  <th scope="col">{t('boards.status')}</th>
                  <th scope="col">{t('meetings.quorum')}</th>
                </>
              }
            >
              {meetings.data.data.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={paths.boardMeeting.href(boardId, m.id)}>{formatDateTime(m.startsAt, locale)}</Link>
                  </td>
                  <td className="meeting-where">{m.place ?? t('meetings.virtual')}</td>
                  <td>
                    <Badge tone={m.status === 'held' ? 'success' : m.status === 'cancelled' ? 'neutral' : 'info'}>{t(`meetings.status.${m.status}` as MessageKey)}</Badge>
                  </td>
                  <td>
                    <QuorumBadge quorum={m.quorum} />
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      )}
      {board.data && (
        <div className="meeting-cards">
          <NewMeeting boardId={boardId} />
          <Trainings boardId={boardId} />
        </div>
      )}
    </>
  );
}
