import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { Spinner } from '../../../components/ui/spinner';
import { Table } from '../../../components/ui/table';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { formatCalendarDate, todayInput } from '../../../lib/format';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { boardQueries } from '../api/queries';
import { recommendationQueries, useCreateRecommendation } from '../api/recommendations';
import { RecommendationProgress, RecommendationStatusBadges } from './recommendation-status';
import '../boards.css';

/** Records a recommendation the board made: status submitted, response due 90 days later unless given. */
function NewRecommendation({ boardId, onDone }: { boardId: string; onDone: () => void }) {
  const { t } = useI18n();
  const create = useCreateRecommendation(boardId);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [topic, setTopic] = useState('');
  const [addressedTo, setAddressedTo] = useState('');
  const [submittedOn, setSubmittedOn] = useState(todayInput());
  const [responseDue, setResponseDue] = useState('');
  const errors = fieldErrorsOf(create.error, t);
  const formRef = useFocusFirstError(create.error);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { title, text, topic, addressedTo, submittedOn: submittedOn || undefined, responseDue: responseDue || undefined },
      { onSuccess: onDone },
    );
  };
  return (
    <form ref={formRef} className="rec-form" onSubmit={onSubmit} noValidate>
      <TextField label={t('recs.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} required />
      <TextAreaField label={t('recs.text')} value={text} onChange={(e) => setText(e.target.value)} error={errors.text} required />
      <TextField label={t('recs.topic')} value={topic} onChange={(e) => setTopic(e.target.value)} error={errors.topic} required />
      <TextField
        label={t('recs.addressedTo')}
        hint={t('recs.addressedToHint')}
        value={addressedTo}
        onChange={(e) => setAddressedTo(e.target.value)}
        error={errors.addressedTo}
        required
      />
      <div className="rec-form-row">
        <TextField
          label={t('recs.submittedOn')}
          type="date"
          value={submittedOn}
          onChange={(e) => setSubmittedOn(e.target.value)}
          error={errors.submittedOn}
        />
        <TextField
          label={t('recs.responseDue')}
          hint={t('recs.responseDueHint')}
          type="date"
          value={responseDue}
          onChange={(e) => setResponseDue(e.target.value)}
          error={errors.responseDue}
          optionalLabel={t('common.optional')}
        />
      </div>
      {create.isError && <Alert tone="danger">{errorMessage(create.error, t)}</Alert>}
      <div className="rec-form-actions">
        <Button type="submit" loading={create.isPending}>
          {t('recs.create')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * A board's recommendations for its coordinators (issue 26): responses overdue first (the API
 * orders them so) with their count above, then the newest; each links to its page.
 */
export function RecommendationListPage({ boardId }: { boardId: string }) {
  const { t, locale } = useI18n();
  const board = useQuery(boardQueries.detail(boardId));
  const list = useQuery(recommendationQueries.list(boardId));
  const [adding, setAdding] = useState(false);
  const failed = board.error ?? list.error;
  return (
    <>
      <p className="board-muted">{t('recs.intro')}</p>
      <p className="recs-actions">
        <Link to={paths.boardPublic.href(boardId)}>{t('recs.publicLink')}</Link>
        {!adding && <Button onClick={() => setAdding(true)}>{t('recs.new')}</Button>}
      </p>
      {(board.isPending || list.isPending) && !failed && <Spinner label={t('app.loading')} />}
      {failed && <Alert tone="danger">{errorMessage(failed, t)}</Alert>}
      {adding && (
        <Card title={t('recs.new')} headingLevel={2}>
          <NewRecommendation boardId={boardId} onDone={() => setAdding(false)} />
        </Card>
      )}
      {list.data && (
        <Card title={t('recs.heading')} headingLevel={2}>
          {list.data.overdueCount > 0 && <Alert tone="warning">{t('recs.overdueCount', { count: list.data.overdueCount })}</Alert>}
          {list.data.data.length === 0 ? (
            <EmptyState title={t('recs.none')} />
          ) : (
            <Table
              label={t('recs.heading')}
              head={
                <>
                  <th scope="col">{t('recs.title')}</th>
                  <th scope="col">{t('recs.status')}</th>
                  <th scope="col">{t('recs.submittedOn')}</th>
                  <th scope="col">{t('recs.responseDue')}</th>
                  <th scope="col">{t('recs.progress')}</th>
                </>
              }
            >
              {list.data.data.map((r) => (
                <tr key={r.id} className={r.overdue ? 'rec-row-overdue' : undefined}>
                  <td>
                    <Link to={paths.advisoryBoardRecommendation.href(boardId, r.id)}>{r.title}</Link>
                    <span className="board-muted rec-topic">{r.topic}</span>
                  </td>
                  <td>
                    <RecommendationStatusBadges status={r.status} overdue={r.overdue} />
                  </td>
                  <td>{formatCalendarDate(r.submittedOn, locale)}</td>
                  <td>{formatCalendarDate(r.responseDue, locale)}</td>
                  <td>
                    <RecommendationProgress progress={r.progress} />
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      )}
    </>
  );
}
