import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { WEBHOOK_EVENTS, type WebhookEvent, type WebhookSubscription } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { CheckboxGroup } from '../../../components/ui/checkbox-group';
import { EmptyState } from '../../../components/ui/empty-state';
import { InlineConfirm } from '../../../components/ui/inline-confirm';
import { SecretReveal, type SecretTexts } from '../../../components/ui/secret-reveal';
import { Spinner } from '../../../components/ui/spinner';
import { Table } from '../../../components/ui/table';
import { TextField } from '../../../components/ui/text-field';
import { useI18n, useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { webhookQueries } from '../api/queries';
import { useCreateWebhook, useWebhookActions } from '../api/use-webhook-actions';
import './webhooks.css';

const useSecretTexts = (): SecretTexts => {
  const t = useT();
  return { title: t('webhooks.secretTitle'), warning: t('webhooks.secretWarning'), label: t('webhooks.secretLabel'), done: t('webhooks.secretDone') };
};

function CreateWebhookForm({ organizationId }: { organizationId: string }) {
  const t = useT();
  const create = useCreateWebhook(organizationId);
  const formRef = useFocusFirstError(create.error);
  const texts = useSecretTexts();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const errors = fieldErrorsOf(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ url, events }, { onSuccess: () => (setUrl(''), setEvents([])) });
  };
  return (
    <>
      {create.data && <SecretReveal secret={create.data.secret} texts={texts} onDone={() => create.reset()} />}
      <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={t('webhooks.new')}>
        {create.error && <Alert tone="danger">{errorMessage(create.error, t)}</Alert>}
        <TextField
          label={t('webhooks.url')}
          hint={t('webhooks.urlHint')}
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          required
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={errors.url}
        />
        <CheckboxGroup
          legend={t('webhooks.events')}
          name="events"
          value={events}
          onChange={(v) => setEvents(v as WebhookEvent[])}
          error={errors.events}
          options={WEBHOOK_EVENTS.map((e) => ({ value: e, label: e, lang: 'en', description: t(`webhooks.event.${e}`) }))}
        />
        <div className="form-actions">
          <Button type="submit" loading={create.isPending}>
            {t('webhooks.create')}
          </Button>
        </div>
      </form>
    </>
  );
}

function DeliveryLog({ sub }: { sub: WebhookSubscription }) {
  const { t, locale } = useI18n();
  const attempts = useQuery(webhookQueries.attempts(sub.id));
  const { redeliver } = useWebhookActions(sub);
  if (attempts.isPending) return <Spinner label={t('app.loading')} />;
  if (attempts.isError) return <Alert tone="danger">{errorMessage(attempts.error, t)}</Alert>;
  if (!attempts.data.data.length) return <p className="muted">{t('webhooks.noAttempts')}</p>;
  return (
    <>
      {redeliver.error && <Alert tone="danger">{errorMessage(redeliver.error, t)}</Alert>}
      {redeliver.isSuccess && <Alert tone="success">{t('webhooks.redelivering')}</Alert>}
      <Table
        label={t('webhooks.logOf', { url: sub.url })}
        head={
          <>
            <th scope="col">{t('webhooks.colAt')}</th>
            <th scope="col">{t('webhooks.colEvent')}</th>
            <th scope="col">{t('webhooks.colResult')}</th>
            <th scope="col">{t('webhooks.colLatency')}</th>
            <th scope="col">{t('webhooks.colResponse')}</th>
            <th scope="col">{t('common.actions')}</th>
          </>
        }
      >
        {attempts.data.data.map((a) => (
          <tr key={a.id}>
            <th scope="row">{formatDateTime(a.at, locale)}</th>
            <td data-label={t('webhooks.colEvent')}>
              <code className="code" lang="en">
                {a.event}
              </code>{' '}
              <span className="muted">#{a.attempt}</span>
            </td>
            <td data-label={t('webhooks.colResult')}>
              <Badge tone={a.statusCode !== null && a.statusCode < 300 ? 'success' : 'danger'}>{a.statusCode ?? t('webhooks.noAnswer')}</Badge>{' '}
              <span className="muted">{t(`webhooks.state.${a.deliveryState}`)}</span>
            </td>
            <td data-label={t('webhooks.colLatency')}>{t('webhooks.ms', { ms: a.latencyMs })}</td>
            <td data-label={t('webhooks.colResponse')} className="webhook-excerpt">
              {a.error ?? a.responseExcerpt ?? ''}
            </td>
            <td data-label={t('common.actions')} className="cell-actions">
              {a.deliveryState !== 'pending' && (
                <Button variant="secondary" size="sm" loading={redeliver.isPending && redeliver.variables === a.deliveryId} onClick={() => redeliver.mutate(a.deliveryId)}>
                  {t('webhooks.redeliver')}
                </Button>
              )}
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function Subscription({ sub }: { sub: WebhookSubscription }) {
  const { t, locale } = useI18n();
  const actions = useWebhookActions(sub);
  const texts = useSecretTexts();
  const [log, setLog] = useState(false);
  const failed = [actions.rotate, actions.resume, actions.remove, actions.test].find((m) => m.error)?.error;
  return (
    <li className="webhook">
      <div className="webhook-head">
        <code className="code webhook-url">{sub.url}</code>
        {sub.status === 'paused' ? (
          <Badge tone="danger">{sub.pausedAt ? t('webhooks.pausedOn', { date: formatDateTime(sub.pausedAt, locale) }) : t('webhooks.paused')}</Badge>
        ) : (
          <Badge tone="success">{t('webhooks.active')}</Badge>
        )}
      </div>
      <p className="badge-list">
        {sub.events.map((e) => (
          <span key={e} className="tag" lang="en" title={t(`webhooks.event.${e}`)}>
            {e}
          </span>
        ))}
      </p>
      {sub.status === 'paused' && <Alert tone="warning">{t('webhooks.pausedHelp')}</Alert>}
      {sub.previousSecretExpiresAt && <p className="muted">{t('webhooks.overlap', { date: formatDateTime(sub.previousSecretExpiresAt, locale) })}</p>}
      {failed && <Alert tone="danger">{errorMessage(failed, t)}</Alert>}
      {actions.test.isSuccess && <Alert tone="success">{t('webhooks.testQueued')}</Alert>}
      {actions.rotate.data && <SecretReveal secret={actions.rotate.data.secret} texts={texts} onDone={() => actions.rotate.reset()} />}
      <div className="webhook-actions">
        {sub.status === 'paused' && (
          <Button size="sm" loading={actions.resume.isPending} onClick={() => actions.resume.mutate(undefined)}>
            {t('webhooks.resume')}
          </Button>
        )}
        <Button variant="secondary" size="sm" loading={actions.test.isPending} onClick={() => actions.test.mutate(undefined)}>
          {t('webhooks.sendTest')}
        </Button>
        <InlineConfirm
          label={t('webhooks.rotate')}
          question={t('webhooks.confirmRotate')}
          confirmLabel={t('webhooks.rotateYes')}
          cancelLabel={t('common.cancel')}
          loading={actions.rotate.isPending}
          onConfirm={() => actions.rotate.mutate(undefined)}
        />
        <Button variant="secondary" size="sm" aria-expanded={log} onClick={() => setLog(!log)}>
          {log ? t('webhooks.hideLog') : t('webhooks.showLog')}
        </Button>
        <InlineConfirm
          label={t('webhooks.delete')}
          question={t('webhooks.confirmDelete', { url: sub.url })}
          confirmLabel={t('webhooks.deleteYes')}
          cancelLabel={t('common.cancel')}
          loading={actions.remove.isPending}
          onConfirm={() => actions.remove.mutate(undefined)}
        />
      </div>
      {log && <DeliveryLog sub={sub} />}
    </li>
  );
}

/** An organization's webhook subscriptions: subscribe, the secret once, test, rotate, resume, the delivery log. */
export function WebhooksPanel({ organizationId }: { organizationId: string }) {
  const t = useT();
  const list = useQuery(webhookQueries.list());
  const mine = list.data?.data.filter((s) => s.organizationId === organizationId) ?? [];
  return (
    <div className="stack">
      <Card title={t('webhooks.new')}>
        <CreateWebhookForm organizationId={organizationId} />
      </Card>
      <Card title={t('webhooks.listLabel')}>
        {list.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : list.isError ? (
          <Alert tone="danger">{errorMessage(list.error, t)}</Alert>
        ) : mine.length === 0 ? (
          <EmptyState title={t('webhooks.empty')} />
        ) : (
          <ul className="webhook-list">
            {mine.map((s) => (
              <Subscription key={s.id} sub={s} />
            ))}
          </ul>
        )}
        <p className="muted">{t('webhooks.docs')}</p>
      </Card>
    </div>
  );
}
