import { useState } from 'react';
import { ApiError } from '@tandem/contract/client';
import type { DuplicateHolder, ReferralDetail } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextAreaField } from '../../../components/ui/text-field';
import { packetCheckText } from '../../../i18n/codes';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { useSendReferral } from '../api/use-send-referral';
import './referrals.css';

type Missing = { field: string; code?: string; message: string };

const problemList = <T,>(error: unknown, code: string, key: string): T[] | null =>
  error instanceof ApiError && error.code === code && Array.isArray(error.problem[key]) ? (error.problem[key] as T[]) : null;

function Checklist({ missing }: { missing: Missing[] }) {
  const { t } = useI18n();
  if (missing.length === 0) return <Alert tone="success">{t('ref.packetComplete')}</Alert>;
  return (
    <div className="ref-checklist" role="group" aria-label={t('ref.packetMissing')}>
      <p className="field-label">{t('ref.packetMissing')}</p>
      <ul>
        {missing.map((m) => (
          <li key={m.field}>{packetCheckText(m, t)}</li>
        ))}
      </ul>
    </div>
  );
}

/** What the draft still lacks, and Send; a duplicate elsewhere can be overridden with a reason. */
/** A new packet state (saved edits, a consent recorded) starts a fresh attempt: old refusals no longer apply. */
export const sendAttemptKey = (d: ReferralDetail) => `${d.version}:${d.packetMissing.map((m) => m.field).join(',')}`;

// Success needs no callback: the cached detail turns "sent", and the page showing it moves on.
export function SendPanel({ draft }: { draft: ReferralDetail }) {
  const { t, locale } = useI18n();
  const send = useSendReferral(draft.id);
  const [why, setWhy] = useState('');
  const refused = problemList<Missing>(send.error, 'packet_incomplete', 'missing');
  const holders = problemList<DuplicateHolder>(send.error, 'duplicate_referral', 'duplicates');
  const missing = refused ?? draft.packetMissing;

  const go = (confirm: boolean) =>
    send.mutate(confirm ? { version: draft.version, confirmDuplicate: true, duplicateReason: why } : { version: draft.version });

  return (
    <div className="stack">
      <Checklist missing={missing} />
      {send.error && !refused && !holders && <Alert tone="danger">{errorMessage(send.error, t)}</Alert>}
      {holders ? (
        <div className="stack">
          <Alert tone="warning" title={t('ref.duplicateTitle')}>
            <ul>
              {holders.map((h) => (
                <li key={h.referralId}>
                  {t('ref.duplicateHolder', {
                    org: h.organizationName,
                    contact: h.contactName ?? t('ref.noNamedContact'),
                    status: t(`refStatus.${h.status}`),
                    since: h.sentAt ? formatDate(h.sentAt, locale) : '—',
                  })}
                </li>
              ))}
            </ul>
          </Alert>
          <TextAreaField label={t('ref.duplicateReason')} value={why} onChange={(e) => setWhy(e.target.value)} rows={2} />
          <Button disabled={!why.trim()} loading={send.isPending} onClick={() => go(true)}>
            {t('ref.sendAnyway')}
          </Button>
        </div>
      ) : (
        <Button loading={send.isPending} onClick={() => go(false)}>
          {t('ref.send')}
        </Button>
      )}
    </div>
  );
}
