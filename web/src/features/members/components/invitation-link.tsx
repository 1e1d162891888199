import { useId } from 'react';
import { CopyButton } from '../../../components/ui/copy-button';
import { useI18n } from '../../../i18n/i18n-provider';
import { formatDate } from '../../../lib/format';

type Props = { name: string; acceptPath: string; expiresAt: string; onDone: () => void };

/** The invitation link, shown once: the API keeps only a hash of the token. */
export function InvitationLink({ name, acceptPath, expiresAt, onDone }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const url = new URL(acceptPath, window.location.origin).toString();
  return (
    <div className="secret-box" role="status">
      <p className="secret-title">{t('inviteForm.linkTitle', { name })}</p>
      <p id={`${id}-help`}>{t('inviteForm.linkHelp', { name, date: formatDate(expiresAt, locale) })}</p>
      <div className="secret-row">
        <label className="visually-hidden" htmlFor={id}>
          {t('inviteForm.linkLabel')}
        </label>
        <input id={id} className="input secret-value" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={url} label={t('common.copy')} copiedLabel={t('common.copied')} failedLabel={t('common.copyFailed')} />
      </div>
      <button type="button" className="link-button" onClick={onDone}>
        {t('common.close')}
      </button>
    </div>
  );
}
