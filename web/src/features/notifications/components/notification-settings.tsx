import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@tandem/contract/client';
import { NOTIFICATION_KINDS, type NotificationKind } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { CheckboxGroup } from '../../../components/ui/checkbox-group';
import { Spinner } from '../../../components/ui/spinner';
import { NOTIFICATION_KIND_KEYS } from '../../../i18n/codes';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { notificationQueries } from '../api/queries';
import { useUpdateNotificationSettings } from '../api/use-update-notification-settings';
import './notifications.css';

/** Which kinds of notification the signed-in user gets: one checkbox per kind, saved with the version read. */
export function NotificationSettingsPanel() {
  const t = useT();
  const settings = useQuery(notificationQueries.settings());
  const save = useUpdateNotificationSettings();
  // The person's unsaved choice; null shows what is saved (after a save, or a stale save reloaded it).
  const [draft, setDraft] = useState<string[] | null>(null);

  if (settings.isPending) return <Spinner label={t('app.loading')} />;
  if (settings.isError) return <Alert tone="danger">{errorMessage(settings.error, t)}</Alert>;
  const on = draft ?? NOTIFICATION_KINDS.filter((k) => settings.data.enabled[k]);
  const stale = save.error instanceof ApiError && save.error.code === 'stale_version';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const enabled = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, on.includes(k)])) as Record<NotificationKind, boolean>;
    save.mutate({ enabled, version: settings.data.version }, { onSettled: () => setDraft(null) });
  };
  return (
    <Card className="notif-settings" title={t('notifications.settings.title')}>
      <form onSubmit={submit}>
        <CheckboxGroup
          legend={t('notifications.settings.title')}
          hint={t('notifications.settings.intro')}
          name="notification-kinds"
          options={NOTIFICATION_KINDS.map((k) => ({ value: k, label: t(NOTIFICATION_KIND_KEYS[k]) }))}
          value={on}
          onChange={setDraft}
          columns={1}
        />
        {save.isSuccess && <Alert tone="success">{t('notifications.settings.saved')}</Alert>}
        {save.isError && <Alert tone={stale ? 'warning' : 'danger'}>{stale ? t('notifications.settings.stale') : errorMessage(save.error, t)}</Alert>}
        <div className="form-actions">
          <Button type="submit" loading={save.isPending}>
            {t('notifications.settings.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
