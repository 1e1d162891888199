import type { ReferralDetail } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { useI18n } from '../../../i18n/i18n-provider';
import { formatDate } from '../../../lib/format';
import { clientDisplayName, NeedTags } from './labels';
import { Fact } from '../../../components/ui/fact';
import { consentTone } from '../../../lib/labels';
import './referrals.css';

/** What the receiver needs to reach the client and act: contact, language, consent, needs, reason, both contacts. */
export function PacketCard({ r }: { r: ReferralDetail }) {
  const { t, locale } = useI18n();
  const c = r.client;
  const consent = r.consent;
  return (
    <Card title={t('ref.packet')}>
      {consent && consent.status !== 'active' && (
        <Alert tone="danger" title={t(consent.status === 'revoked' ? 'ref.consentRevoked' : 'ref.consentExpired')}>
          {consent.revokedReason ?? t('ref.consentProblemHint')}
        </Alert>
      )}
      <dl className="facts ref-facts">
        <Fact label={t('ref.client')}>
          {c ? clientDisplayName(c) : (r.clientName ?? t('ref.noClient'))}
          {c?.dateOfBirth && <span className="muted"> · {t('ref.born', { date: c.dateOfBirth })}</span>}
        </Fact>
        {c && (
          <Fact label={t('ref.contact')}>
            {c.phones.map((p) => (
              <a key={p} href={`tel:${p}`} className="ref-contact-link">
                {p}
              </a>
            ))}
            {c.email && (
              <a href={`mailto:${c.email}`} className="ref-contact-link">
                {c.email}
              </a>
            )}
            {c.preferredContactMethod && (
              <span className="muted">{t('ref.prefers', { method: t(`contactMethod.${c.preferredContactMethod}`) })}</span>
            )}
            {c.safeContactNotes && <span className="ref-safe-note">{c.safeContactNotes}</span>}
          </Fact>
        )}
        <Fact label={t('ref.preferredLanguage')}>{c?.preferredLanguage ? t(`language.${c.preferredLanguage}`) : '—'}</Fact>
        <Fact label={t('ref.consent')}>
          {consent ? (
            <>
              <Badge tone={consentTone[consent.status]}>{t(`consentStatus.${consent.status}`)}</Badge> {t(`consentScope.${consent.scope}`)}{' '}
              · {t('ref.signed', { date: formatDate(consent.signedAt, locale) })}
              {consent.expiresAt && ` · ${t('ref.expires', { date: formatDate(consent.expiresAt, locale) })}`}
            </>
          ) : (
            t('ref.noConsentLinked')
          )}
        </Fact>
        <Fact label={t('ref.needs')}>
          <NeedTags needs={r.needs} />
        </Fact>
        <Fact label={t('ref.urgency')}>{t(`urgency.${r.urgency}`)}</Fact>
        <Fact label={t('ref.reason')}>{r.reason ?? '—'}</Fact>
        <Fact label={t('ref.senderContact')}>
          {r.senderContactName ?? '—'} · {r.sendingOrganizationName}
          {r.senderContactPhone && <span className="muted"> · {r.senderContactPhone}</span>}
          {r.senderContactEmail && <span className="muted"> · {r.senderContactEmail}</span>}
        </Fact>
        <Fact label={t('ref.receiverContact')}>
          {r.assigneeName ?? t('ref.unassigned')} · {r.receivingOrganizationName ?? '—'}
          {r.receivingServiceName && <span className="muted"> · {r.receivingServiceName}</span>}
        </Fact>
      </dl>
    </Card>
  );
}
