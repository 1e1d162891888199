import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Spinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/i18n-provider';
import { formatCalendarDate } from '../../../lib/format';
import { boardQueries } from '../api/queries';
import type { PublicBoardPage as PublicPage } from '../api/recommendations';
import { RecommendationProgress } from './recommendation-status';
import '../boards.css';

type PublicRecommendation = PublicPage['recommendations'][number];

const percent = (x: number) => Math.round(x * 100);

/** The board's figures as a list of terms and values (a screen reader reads each pair). */
function Figures({ page }: { page: PublicPage }) {
  const { t } = useI18n();
  const f = page.figures;
  const rows: [string, string][] = [
    [t('recs.public.made'), String(f.recommendationsMade)],
    [t('recs.public.answeredOnTime'), t('recs.public.ofAnswered', { count: f.answeredOnTime, total: f.answered })],
    [t('recs.public.overdue'), String(f.overdue)],
    [t('recs.public.adopted'), String(f.adopted)],
    [t('recs.public.implemented'), String(f.implemented)],
    [
      t('recs.public.retention'),
      f.memberRetention === null
        ? t('recs.public.notYet')
        : t('recs.public.retentionValue', { percent: percent(f.memberRetention), count: f.membersRetained, total: f.membersSeated }),
    ],
  ];
  rows.push([t('recs.public.meetingsHeld'), String(f.meetingsHeld)]);
  if (f.attendanceRate !== null) rows.push([t('recs.public.attendance'), `${percent(f.attendanceRate)}%`]);
  return (
    <dl className="board-figures">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One recommendation: what the board said, what was decided and why, what was done. */
function YouSaidWeDid({ r }: { r: PublicRecommendation }) {
  const { t, locale } = useI18n();
  const id = `rec-${r.id}`;
  return (
    <article className="public-rec" aria-labelledby={id}>
      <h3 id={id}>{r.title}</h3>
      <p className="public-rec-meta">
        <strong>{t(`recs.status.${r.status}` as MessageKey)}</strong>
        {r.overdue && (
          <strong className="public-rec-overdue">
            {' '}
            · {t('recs.public.overdueSince', { date: formatCalendarDate(r.responseDue, locale) })}
          </strong>
        )}
        {' · '}
        {r.topic}
      </p>
      <h4>{t('recs.public.youSaid')}</h4>
      <p className="rec-text">{r.text}</p>
      <p className="board-muted">
        {t('recs.public.submitted', { date: formatCalendarDate(r.submittedOn, locale), to: r.addressedTo })}{' '}
        {r.respondedOn
          ? t(r.answeredOnTime ? 'recs.public.answeredOn' : 'recs.public.answeredLate', { date: formatCalendarDate(r.respondedOn, locale) })
          : t('recs.public.dueBy', { date: formatCalendarDate(r.responseDue, locale) })}
      </p>
      <h4>{t('recs.public.weDecided')}</h4>
      {r.response ? <p className="rec-text">{r.response}</p> : <p className="board-muted">{t('recs.public.noResponse')}</p>}
      {r.rationale && (
        <>
          <h4>{t('recs.public.why')}</h4>
          <p className="rec-text">{r.rationale}</p>
        </>
      )}
      {(r.updates.length > 0 || r.progress !== null) && (
        <>
          <h4>{t('recs.public.weDid')}</h4>
          <p>
            <RecommendationProgress progress={r.progress} />
          </p>
          <ol className="rec-timeline">
            {r.updates.map((u, i) => (
              <li key={`${u.date}-${i}`}>
                <time dateTime={u.date}>{formatCalendarDate(u.date, locale)}</time>
                <span className="rec-timeline-progress">{t('recs.progressText', { percent: u.progress })}</span>
                <p>{u.text}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </article>
  );
}

/**
 * A board's public page, "you said, we did" (issue 26): no sign-in, English or Spanish (the header's
 * language switch), a phone first. Each recommendation, what the health system decided and why,
 * what it did; the board's figures. No member's personal data: the API sends none.
 */
export function PublicBoardPage({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  const q = useQuery(boardQueries.publicPage(boardId));
  if (q.isPending)
    return (
      <div className="center-page">
        <Spinner label={t('app.loading')} />
      </div>
    );
  if (q.isError)
    return (
      <section className="board-apply">
        <h1>{t('recs.public.notFoundTitle')}</h1>
        <p>{t('recs.public.notFound')}</p>
      </section>
    );
  const page = q.data as PublicPage;
  return (
    <section className="board-apply" aria-labelledby="board-public-title">
      <h1 id="board-public-title">{page.name}</h1>
      <p className="board-apply-purpose">{page.purpose}</p>
      {page.acceptingApplications && (
        <p>
          <Link to={paths.boardApply.href(page.id)}>{t('recs.public.apply')}</Link>
        </p>
      )}
      <h2>{t('recs.public.figures')}</h2>
      <Figures page={page} />
      <h2>{t('recs.public.heading')}</h2>
      <p>{t('recs.public.intro')}</p>
      {page.recommendations.length === 0 ? (
        <p className="board-muted">{t('recs.public.none')}</p>
      ) : (
        page.recommendations.map((r) => <YouSaidWeDid key={r.id} r={r} />)
      )}
    </section>
  );
}
