import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { RATIONALE_REQUIRED, RECOMMENDATION_STATUSES, canMoveRecommendation, isDecided, type RecommendationStatus } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf, isStaleVersion } from '../../../lib/errors';
import { formatCalendarDate, formatDateTime, todayInput } from '../../../lib/format';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { recommendationQueries, useAddImplementationUpdate, useUpdateRecommendation, type Recommendation } from '../api/recommendations';
import { RecommendationProgress, RecommendationStatusBadges } from './recommendation-status';
import '../boards.css';

/**
 * The health system's response: a decision (or "under review"), what was decided, and why. The
 * rationale is required for partially or not adopted, here before sending and by the API.
 */
function Respond({ boardId, rec }: { boardId: string; rec: Recommendation }) {
  const { t } = useI18n();
  const update = useUpdateRecommendation(boardId, rec.id);
  const options = RECOMMENDATION_STATUSES.filter((s) => s !== rec.status && canMoveRecommendation(rec.status, s));
  const [status, setStatus] = useState<RecommendationStatus | ''>('');
  const [response, setResponse] = useState(rec.response ?? '');
  const [rationale, setRationale] = useState(rec.rationale ?? '');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(update.error ?? (Object.keys(missing).length ? missing : null));
  const errors = { ...fieldErrorsOf(update.error, t), ...missing };
  const next = status || rec.status;
  const rationaleRequired = RATIONALE_REQUIRED.includes(next);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (isDecided(next) && !response.trim()) found.response = t('recs.responseRequired');
    if (rationaleRequired && !rationale.trim()) found.rationale = t('recs.rationaleRequired');
    setMissing(found);
    if (Object.keys(found).length) return;
    update.mutate(
      {
        version: rec.version,
        body: { ...(status ? { status } : {}), response: response.trim() || null, rationale: rationale.trim() || null },
      },
      { onSuccess: () => setStatus('') },
    );
  };

  return (
    <form ref={formRef} className="rec-form" onSubmit={onSubmit} noValidate>
      {options.length > 0 ? (
        <SelectField
          label={t('recs.decision')}
          value={status}
          onChange={(e) => setStatus(e.target.value as RecommendationStatus | '')}
          placeholder={t('recs.keepStatus', { status: t(`recs.status.${rec.status}` as MessageKey) })}
          options={options.map((s) => ({ value: s, label: t(`recs.status.${s}` as MessageKey) }))}
        />
      ) : (
        <p className="board-muted">{t('recs.final')}</p>
      )}
      <TextAreaField
        label={t('recs.response')}
        hint={t('recs.responseHint')}
        value={response}
        onChange={(e) => setResponse(e.target.value)}
        error={errors.response}
        {...(isDecided(next) ? { required: true } : { optionalLabel: t('common.optional') })}
      />
      <TextAreaField
        label={t('recs.rationale')}
        hint={t('recs.rationaleHint')}
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
        error={errors.rationale}
        {...(rationaleRequired ? { required: true } : { optionalLabel: t('common.optional') })}
      />
      {update.isError && !isStaleVersion(update.error) && <Alert tone="danger">{errorMessage(update.error, t)}</Alert>}
      {update.isError && isStaleVersion(update.error) && <StaleVersionAlert body={t('recs.stale')} onReload={() => update.reset()} />}
      <div className="rec-form-actions">
        <Button type="submit" loading={update.isPending}>
          {t('recs.saveResponse')}
        </Button>
      </div>
    </form>
  );
}

/** A dated implementation update with its progress, 0 to 100. */
function AddUpdate({ boardId, rec }: { boardId: string; rec: Recommendation }) {
  const { t } = useI18n();
  const add = useAddImplementationUpdate(boardId, rec.id);
  const [date, setDate] = useState(todayInput());
  const [text, setText] = useState('');
  const [progress, setProgress] = useState(String(rec.progress ?? 0));
  const errors = fieldErrorsOf(add.error, t);
  const formRef = useFocusFirstError(add.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ date: date || undefined, text, progress: Number(progress) }, { onSuccess: () => setText('') });
  };
  return (
    <form ref={formRef} className="rec-form" onSubmit={onSubmit} noValidate>
      <div className="rec-form-row">
        <TextField label={t('recs.updateDate')} type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.date} />
        <TextField
          label={t('recs.progressPercent')}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          value={progress}
          onChange={(e) => setProgress(e.target.value)}
          error={errors.progress}
        />
      </div>
      <TextAreaField label={t('recs.updateText')} value={text} onChange={(e) => setText(e.target.value)} error={errors.text} required />
      {add.isError && <Alert tone="danger">{errorMessage(add.error, t)}</Alert>}
      <div className="rec-form-actions">
        <Button type="submit" loading={add.isPending}>
          {t('recs.addUpdate')}
        </Button>
      </div>
    </form>
  );
}

export function Timeline({ updates }: { updates: { date: string; text: string; progress: number }[] }) {
  const { t, locale } = useI18n();
  if (updates.length === 0) return <p className="board-muted">{t('recs.noUpdates')}</p>;
  return (
    <ol className="rec-timeline">
      {updates.map((u, i) => (
        <li key={`${u.date}-${i}`}>
          <time dateTime={u.date}>{formatCalendarDate(u.date, locale)}</time>
          <span className="rec-timeline-progress">{t('recs.progressText', { percent: u.progress })}</span>
          <p>{u.text}</p>
        </li>
      ))}
    </ol>
  );
}

/** One recommendation for its coordinators: what was asked, the response (and giving it), follow-ups, the implementation timeline. */
export function RecommendationPage({ boardId, recommendationId }: { boardId: string; recommendationId: string }) {
  const { t, locale } = useI18n();
  const q = useQuery(recommendationQueries.detail(boardId, recommendationId));
  const r = q.data;
  return (
    <>
      <PageHeader
        title={r?.title ?? t('recs.heading')}
        actions={<Link to={paths.advisoryBoardRecommendations.href(boardId)}>{t('recs.backToList')}</Link>}
      />
      {q.isPending && <Spinner label={t('app.loading')} />}
      {q.isError && <Alert tone="danger">{errorMessage(q.error, t)}</Alert>}
      {r && (
        <div className="rec-page">
          <Card title={t('recs.whatWasAsked')} headingLevel={2}>
            {/* Announced when a response changes it. */}
            <p aria-live="polite">
              <RecommendationStatusBadges status={r.status} overdue={r.overdue} />
            </p>
            <p className="rec-text">{r.text}</p>
            <dl className="rec-facts">
              <div>
                <dt>{t('recs.topic')}</dt>
                <dd>{r.topic}</dd>
              </div>
              <div>
                <dt>{t('recs.addressedTo')}</dt>
                <dd>{r.addressedTo}</dd>
              </div>
              <div>
                <dt>{t('recs.submittedOn')}</dt>
                <dd>{formatCalendarDate(r.submittedOn, locale)}</dd>
              </div>
              <div>
                <dt>{t('recs.responseDue')}</dt>
                <dd>{formatCalendarDate(r.responseDue, locale)}</dd>
              </div>
              {r.respondedAt && (
                <div>
                  <dt>{t('recs.respondedBy')}</dt>
                  <dd>
                    {r.respondedBy?.name ?? '—'}, {formatDateTime(r.respondedAt, locale)}{' '}
                    {r.answeredOnTime ? `(${t('recs.onTime')})` : `(${t('recs.late')})`}
                  </dd>
                </div>
              )}
            </dl>
          </Card>
          <Card title={t('recs.responseHeading')} headingLevel={2}>
            <Respond key={r.version} boardId={boardId} rec={r} />
          </Card>
          {r.followUps.length > 0 && (
            <Card title={t('recs.followUps')} headingLevel={2}>
              <ul className="rec-followups">
                {r.followUps.map((f, i) => (
                  <li key={i}>
                    {f.text}
                    {f.owner && ` · ${f.owner}`}
                    {f.due && ` · ${t('recs.dueOn', { date: formatCalendarDate(f.due, locale) })}`}
                    {` · ${f.done ? t('recs.done') : t('recs.notDone')}`}
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <Card title={t('recs.implementation')} headingLevel={2}>
            <p>
              <RecommendationProgress progress={r.progress} />
            </p>
            <Timeline updates={r.updates} />
            {['adopted', 'partially_adopted', 'implemented'].includes(r.status) ? (
              <AddUpdate boardId={boardId} rec={r} />
            ) : (
              <p className="board-muted">{t('recs.updatesAfterAdoption')}</p>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
