import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { hasPartnershipEvidence } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Spinner } from '../../../components/ui/spinner';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { TextAreaField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage, isStaleVersion } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { organizationQueries } from '../api/queries';
import { useConfirmPartnership } from '../api/use-confirm-partnership';

/**
 * The partnership stage with the evidence for "partnered" beside the button (issue 25): agreements
 * and referrals received. Without either, the button needs a note saying why. Network staff only.
 */
export function PartnershipCard({ organizationId }: { organizationId: string }) {
  const { t, locale } = useI18n();
  const q = useQuery(organizationQueries.partnership(organizationId));
  const confirm = useConfirmPartnership(organizationId);
  const [note, setNote] = useState('');

  if (q.isPending) return <Spinner label={t('app.loading')} />;
  if (q.isError) return <Alert tone="danger">{errorMessage(q.error, t)}</Alert>;
  const p = q.data;
  const evidence = hasPartnershipEvidence(p.evidence);
  const needsNote = !evidence && note.trim() === '';
  const stageDate = p.stageDates[p.stage];

  return (
    <Card title={t('partnership.title')}>
      <p className="service-status-line">
        <Badge tone={p.stage === 'partnered' ? 'success' : 'info'}>{t(`stage.${p.stage}`)}</Badge>
        {stageDate && <span> {formatDate(`${stageDate}T12:00:00Z`, locale)}</span>}
      </p>
      <dl className="facts partnership-evidence">
        <div>
          <dt>{t('partnership.agreements')}</dt>
          <dd>{p.evidence.agreements}</dd>
        </div>
        <div>
          <dt>{t('partnership.referralsReceived')}</dt>
          <dd>{p.evidence.referralsReceived}</dd>
        </div>
      </dl>
      {p.confirmedAt && (
        <p className="muted">{t('partnership.confirmedBy', { name: p.confirmedBy ?? t('partnership.someone'), date: formatDate(p.confirmedAt, locale) })}</p>
      )}
      {p.canConfirm && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            confirm.mutate({ version: p.version, ...(note.trim() ? { note: note.trim() } : {}) });
          }}
        >
          {!evidence && <p className="muted">{t('partnership.noEvidence')}</p>}
          <TextAreaField
            label={t('partnership.note')}
            hint={evidence ? undefined : t('partnership.noteRequired')}
            optionalLabel={evidence ? t('common.optional') : undefined}
            value={note}
            maxLength={2000}
            rows={2}
            onChange={(e) => setNote(e.target.value)}
          />
          {confirm.isError &&
            (isStaleVersion(confirm.error) ? (
              <StaleVersionAlert body={t('partnership.stale')} onReload={() => void q.refetch().then(() => confirm.reset())} />
            ) : (
              <Alert tone="danger">{errorMessage(confirm.error, t)}</Alert>
            ))}
          <div>
            <Button type="submit" disabled={needsNote || confirm.isPending}>
              {t('partnership.confirm')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
