import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { useT } from '../../../i18n/i18n-provider';
import './directory.css';

type Props = {
  /** The page's own address: the search or the service, so whoever opens it sees the same. */
  url: string;
  /** Subject and body for a text or an email; none on a search page (the link is the message). */
  message?: { subject: string; body: string };
};

/**
 * Print, copy the link, or hand the details to the phone's own text or email app (sms: and
 * mailto: links: nothing is sent by Tandem, and nobody's number or address reaches the server).
 */
export function ShareActions({ url, message }: Props) {
  const t = useT();
  const body = message ? `${message.body}\n${url}` : url;
  const subject = message?.subject ?? t('share.searchSubject');
  return (
    <div className="share-actions" role="group" aria-label={t('share.label')}>
      <Button variant="secondary" size="sm" onClick={() => window.print()}>
        {t('share.print')}
      </Button>
      <CopyButton text={url} label={t('share.copyLink')} copiedLabel={t('share.linkCopied')} failedLabel={t('common.copyFailed')} />
      <a className="btn btn-secondary btn-sm" href={`sms:?body=${encodeURIComponent(body)}`}>
        {t('share.text')}
      </a>
      <a className="btn btn-secondary btn-sm" href={`mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`}>
        {t('share.email')}
      </a>
    </div>
  );
}
