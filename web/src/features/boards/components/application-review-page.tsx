import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { APPLICATION_DECISIONS, canDecide, SPAS, type ApplicationDecision } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { TextAreaField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { en, type MessageKey } from '../../../i18n/en';
import { es } from '../../../i18n/es';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage, isStaleVersion } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useMe } from '../../../app/routes/protected-layout';
import { boardQueries } from '../api/queries';
import { coordinationQueries, useDecide, usePutReview, type Application, type Board } from '../api/coordination';
import '../boards.css';
import './board-coordination.css';

const spaName = (code: string) => {
  const s = SPAS.find((x) => x.code === code);
  return s ? `SPA ${s.number} · ${s.name}` : code;
};
const total = (scores: Record<string, number>) => Object.values(scores).reduce((a, b) => a + b, 0);

/** One application: what the applicant wrote, the reviews, your own review against the rubric, and the decision with its printable letter. */
export function ApplicationReviewPage({ boardId, applicationId }: { boardId: string; applicationId: string }) {
  const { t, locale } = useI18n();
  const board = useQuery(boardQueries.detail(boardId));
  const app = useQuery(coordinationQueries.application(boardId, applicationId));
  const failed = board.error ?? app.error;
  if (failed) return <Alert tone="danger">{errorMessage(failed, t)}</Alert>;
  if (!board.data || !app.data) return <Spinner label={t('app.loading')} />;
  const a = app.data;
  const b = board.data;
  const fact = (label: string, value: string | null | undefined) =>
    value ? (
      <div>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    ) : null;
  return (
    <div className="board-review">
      <p className="board-back no-print">
        <Link to={paths.advisoryBoardTab.href(boardId, 'applications')}>← {t('boards.tab.applications')}</Link>
      </p>
      <div className="no-print">
        <PageHeader
          title={a.name}
          description={`${b.name} · ${a.reference} · ${formatDate(a.createdAt, locale)}`}
          actions={<Badge tone={a.status === 'selected' ? 'success' : a.status === 'waitlisted' ? 'warning' : a.status === 'declined' ? 'neutral' : 'info'}>{t(`boards.applicationStatus.${a.status}` as MessageKey)}</Badge>}
        />
        <Card title={t('boards.review.application')}>
          <dl className="board-facts">
            {fact(t('boards.apply.phone'), a.phone)}
            {fact(t('boards.apply.email'), a.email)}
            {fact(t('boards.review.language'), t(`language.${a.locale}` as MessageKey))}
            {fact(t('boards.spa'), a.spa ? spaName(a.spa) : null)}
            {fact(t('boards.apply.zip'), a.zip)}
            {fact(t('boards.apply.languages'), a.languages.map((l) => t(`language.${l}` as MessageKey)).join(', '))}
            {fact(t('boards.apply.populations'), a.populations.map((p) => t(`focus.${p}` as MessageKey)).join(', '))}
            {fact(t('boards.apply.availability'), a.availability)}
            {fact(t('boards.apply.needs'), [...a.accessibilityNeeds.map((n) => t(`boards.need.${n}` as MessageKey)), a.accessibilityNotes].filter(Boolean).join(' · '))}
            {fact(t('boards.apply.stipend'), a.stipendMethod ? t(`boards.stipend.${a.stipendMethod}` as MessageKey) : null)}
          </dl>
          {b.questions.map((q) =>
            a.answers[q.key] ? (
              <div key={q.key} className="board-answer">
                <h3 className="board-subtitle">{q.prompt[locale]}</h3>
                <p className="board-pre">{a.answers[q.key]}</p>
              </div>
            ) : null,
          )}
        </Card>
        <Reviews board={b} app={a} />
        <Decision board={b} app={a} />
      </div>
      {a.decisionMessage && <Letter board={b} app={a} />}
    </div>
  );
}

function Reviews({ board, app }: { board: Board; app: Application }) {
  const { t } = useI18n();
  const me = useMe();
  const mine = app.reviews.find((r) => r.reviewerUserId === me.user.id);
  const others = app.reviews.filter((r) => r !== mine);
  const put = usePutReview(board.id, app.id);
  const [scores, setScores] = useState<Record<string, number>>(() => mine?.scores ?? {});
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [conflict, setConflict] = useState(mine?.conflict ?? false);
  const [saved, setSaved] = useState(false);
  const max = board.criteria.reduce((s, c) => s + c.maxScore, 0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    put.mutate({ scores: conflict ? {} : scores, comment: comment.trim() || null, conflict, ...(mine ? { version: mine.version } : {}) }, { onSuccess: () => setSaved(true) });
  };
  return (
    <Card title={t('boards.review.reviews', { count: app.reviews.length })}>
      {others.length > 0 && (
        <ul className="board-list">
          {others.map((r) => (
            <li key={r.reviewerUserId}>
              <strong>{r.reviewerName ?? '—'}</strong>{' '}
              {r.conflict ? <Badge tone="warning">{t('boards.review.conflictDeclared')}</Badge> : <span>{t('boards.review.total', { score: total(r.scores), max })}</span>}
              {r.comment && <p className="board-muted">{r.comment}</p>}
            </li>
          ))}
        </ul>
      )}
      <form className="board-form" onSubmit={submit}>
        <h3 className="board-subtitle">{mine ? t('boards.review.yours') : t('boards.review.add')}</h3>
        <label className="checkbox">
          <input type="checkbox" checked={conflict} onChange={(e) => setConflict(e.target.checked)} />
          <span className="checkbox-label">{t('boards.review.conflict')}</span>
        </label>
        {!conflict && (
          <div className="board-scores">
            {board.criteria.map((c) => (
              <SelectField
                key={c.key}
                label={`${c.label} (0–${c.maxScore})`}
                value={scores[c.key] === undefined ? '' : String(scores[c.key])}
                placeholder="—"
                onChange={(e) => setScores((s) => {
                  const next = { ...s };
                  if (e.target.value === '') delete next[c.key];
                  else next[c.key] = Number(e.target.value);
                  return next;
                })}
                options={Array.from({ length: c.maxScore + 1 }, (_, i) => ({ value: String(i), label: String(i) }))}
              />
            ))}
          </div>
        )}
        <TextAreaField label={t('boards.review.comment')} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={4000} optionalLabel={t('common.optional')} />
        {put.isError && !isStaleVersion(put.error) && <Alert tone="danger">{errorMessage(put.error, t)}</Alert>}
        {put.isError && isStaleVersion(put.error) && <StaleVersionAlert body={t('boards.review.stale')} onReload={() => put.reset()} />}
        {saved && <Alert tone="success">{t('boards.review.saved')}</Alert>}
        <div className="board-form-actions">
          <Button type="submit" loading={put.isPending}>
            {t('boards.review.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Decision({ board, app }: { board: Board; app: Application }) {
  const { t } = useI18n();
  const options = APPLICATION_DECISIONS.filter((d) => canDecide(app.status, d));
  const decide = useDecide(board.id, app.id);
  const [decision, setDecision] = useState<ApplicationDecision>(options[0] ?? 'selected');
  const [message, setMessage] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    decide.mutate({ version: app.version, decision, ...(message.trim() ? { message: message.trim() } : {}) }, { onSuccess: () => setMessage('') });
  };
  const applicantLanguage = t(`language.${app.locale}` as MessageKey);
  return (
    <Card title={t('boards.review.decision')}>
      {app.decisionMessage && (
        <>
          <p className="board-muted">{t('boards.review.messageSent', { language: applicantLanguage })}</p>
          <blockquote className="board-message" lang={app.locale}>
            {app.decisionMessage}
          </blockquote>
          <div className="board-form-actions">
            <Button type="button" variant="secondary" onClick={() => window.print()}>
              {t('boards.review.printLetter')}
            </Button>
            {!app.email && <span className="board-muted">{t('boards.review.noEmail')}</span>}
          </div>
        </>
      )}
      {options.length > 0 && (
        <form className="board-form" onSubmit={submit}>
          <SelectField label={t('boards.decisionFor', { name: app.name })} value={decision} onChange={(e) => setDecision(e.target.value as ApplicationDecision)} options={options.map((d) => ({ value: d, label: t(`boards.decision.${d}` as MessageKey) }))} />
          <TextAreaField
            label={t('boards.review.message', { language: applicantLanguage })}
            hint={t('boards.review.messageHint', { language: applicantLanguage })}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            maxLength={4000}
            lang={app.locale}
            optionalLabel={t('common.optional')}
          />
          {decide.isError && !isStaleVersion(decide.error) && <Alert tone="danger">{errorMessage(decide.error, t)}</Alert>}
          {decide.isError && isStaleVersion(decide.error) && <StaleVersionAlert body={t('boards.staleDecision')} onReload={() => decide.reset()} />}
          <div className="board-form-actions">
            <Button type="submit" loading={decide.isPending}>
              {t('boards.decide')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}

/** The letter for an applicant without email: only this prints (print CSS), in the applicant's language. */
function Letter({ board, app }: { board: Board; app: Application }) {
  const L = app.locale === 'es' ? es : en;
  const date = formatDate(app.decidedAt ?? new Date().toISOString(), app.locale);
  return (
    <article className="board-letter" lang={app.locale} aria-hidden="true">
      <p className="board-letter-from">{board.name}</p>
      <p>{date}</p>
      <p>{L['boards.letter.greeting'].replace('{name}', app.name)}</p>
      <p className="board-pre">{app.decisionMessage}</p>
      <p>{L['boards.letter.reference'].replace('{reference}', app.reference)}</p>
      <p>{L['boards.letter.closing']}</p>
      <p>{L['boards.letter.signature'].replace('{board}', board.name)}</p>
    </article>
  );
}
