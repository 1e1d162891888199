import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Spinner } from '../../../components/ui/spinner';
import { TextAreaField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/i18n-provider';
import type { MessageKey } from '../../../i18n/en';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { gapQueries } from '../api/queries';
import { useAddGapNote } from '../api/use-gap-mutations';

/** The gap's history, newest first, and (writers) a note: CHW feedback the evidence counts. */
export function GapHistory({ id, canWrite }: { id: string; canWrite: boolean }) {
  const { t, locale } = useI18n();
  const history = useQuery(gapQueries.history(id));
  const add = useAddGapNote(id);
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (note.trim()) add.mutate(note.trim(), { onSuccess: () => setNote('') });
  };
  return (
    <Card title={t('gaps.history')}>
      {canWrite && (
        <form className="stack" onSubmit={submit}>
          {add.isError && <Alert tone="danger">{errorMessage(add.error, t)}</Alert>}
          <TextAreaField label={t('gaps.note')} hint={t('gaps.noteHint')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} rows={2} />
          <div>
            <Button type="submit" variant="secondary" loading={add.isPending}>
              {t('gaps.addNote')}
            </Button>
          </div>
        </form>
      )}
      {history.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : history.isError ? (
        <Alert tone="danger">{errorMessage(history.error, t)}</Alert>
      ) : (
        <ol className="gap-history">
          {history.data.data.map((e) => (
            <li key={e.id}>
              <span className="gap-history-what">
                {e.kind === 'status_changed' && e.toStatus
                  ? t('gaps.evStatus', { to: t(`gapStatus.${e.toStatus}` as MessageKey) })
                  : t(`gapEvent.${e.kind}` as MessageKey)}
              </span>{' '}
              <span className="gap-history-meta">
                {formatDateTime(e.at, locale)}
                {e.actorName ? ` · ${e.actorName}` : ''}
              </span>
              {e.note && <p className="gap-history-note">{e.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
