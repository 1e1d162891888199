import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '@tandem/contract/client';
import { EMAIL_NOTIFICATION_KINDS, NOTIFICATION_KINDS, type EmailNotificationKind, type NotificationKind } from '@tandem/contract';
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

/**
 * Which kinds of notification the signed-in user gets, and which of them also come by email: one
 * checkbox per kind, saved together with the version read.
 */
export function NotificationSettingsPanel() {
  const t = useT();
  const settings = useQuery(notificationQueries.settings());
  const save = useUpdateNotificationSettings();
  // The person's unsaved choice; null shows what is saved (after a save, or a stale save reloaded it).
  const [draft, setDraft] = useState<string[] | null>(null);
  const [emailDraft, setEmailDraft] = useState<string[] | null>(null);

  if (settings.isPending) return <Spinner label={t('app.loading')} />;
  if (settings.isError) return <Alert tone="danger">{errorMessage(settings.error, t)}</Alert>;
  const on = draft ?? NOTIFICATION_KINDS.filter((k) => settings.data.enabled[k]);
  const emailOn = emailDraft ?? EMAIL_NOTIFICATION_KINDS.filter((k) => settings.data.email[k]);
  const stale = save.error instanceof ApiError && save.error.code === 'stale_version';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const enabled = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, on.includes(k)])) as Record<NotificationKind, boolean>;
    const email = Object.fromEntries(EMAIL_NOTIFICATION_KINDS.map((k) => [k, emailOn.includes(k)])) as Record<EmailNotificationKind, boolean>;
    save.mutate(
      { enabled, email, version: settings.data.version },
      {
        onSettled: () => {
          setDraft(null);
          setEmailDraft(null);
        },
      },
    );
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
        <div className="notif-settings-email">
          <CheckboxGroup
            legend={t('notifications.settings.emailTitle')}
            hint={t('notifications.settings.emailIntro')}
            name="notification-email-kinds"
            options={EMAIL_NOTIFICATION_KINDS.map((k) => ({ value: k, label: t(NOTIFICATION_KIND_KEYS[k]) }))}
            value={emailOn}
            onChange={setEmailDraft}
            columns={1}
          />
        </div>
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
