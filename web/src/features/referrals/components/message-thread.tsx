import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { TextAreaField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { referralQueries } from '../api/queries';
import { useCreateReferralMessage } from '../api/use-create-referral-message';
import { useMarkReferralRead } from '../api/use-mark-referral-read';
import './referrals.css';

/** The thread between both organizations; opening it marks it read for the viewer. */
export function MessageThread({ id, userId, canWrite }: { id: string; userId: string; canWrite: boolean }) {
  const { t, locale } = useI18n();
  const messages = useQuery(referralQueries.messages(id));
  const send = useCreateReferralMessage(id);
  const markRead = useMarkReferralRead(id);
  const [body, setBody] = useState('');
  const count = messages.data?.data.length ?? 0;
  const { mutate: mark } = markRead;
  useEffect(() => {
    if (messages.isSuccess) mark();
  }, [messages.isSuccess, count, mark]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate(body, { onSuccess: () => setBody('') });
  };

  if (messages.isPending) return <Spinner label={t('app.loading')} />;
  if (messages.isError) return <Alert tone="danger">{errorMessage(messages.error, t)}</Alert>;
  return (
    <div className="stack">
      {count === 0 ? (
        <p className="muted">{t('ref.noMessages')}</p>
      ) : (
        <ol className="ref-thread" aria-label={t('ref.messages')}>
          {messages.data.data.map((m) => {
            const mine = m.authorUserId === userId;
            return (
              <li key={m.id} className={mine ? 'ref-msg ref-msg-mine' : 'ref-msg'}>
                <p className="ref-msg-body">{m.body}</p>
                <p className="muted ref-msg-meta">
                  {m.authorName} · {formatDateTime(m.createdAt, locale)}
                  {mine && ` · ${m.readAt ? t('ref.readAt', { when: formatDateTime(m.readAt, locale) }) : t('ref.notRead')}`}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      {canWrite && (
        <form className="form" onSubmit={submit} noValidate aria-label={t('ref.sendMessage')}>
          {send.error && <Alert tone="danger">{errorMessage(send.error, t)}</Alert>}
          <TextAreaField
            label={t('ref.writeMessage')}
            rows={3}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={fieldErrorsOf(send.error).body}
          />
          <div className="form-actions">
            <Button type="submit" loading={send.isPending} disabled={!body.trim()}>
              {t('ref.sendMessage')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
