import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { isLoopClosable, isOpen, type ReferralDetail } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { FormActions } from '../../../components/ui/form-actions';
import { SelectField } from '../../../components/ui/select-field';
import { TextAreaField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf, isStaleVersion } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { partnerQueries } from '../api/queries';
import { useChangeReferral } from '../api/use-change-referral';
import { PartnerSelect } from './draft-form';
import { FirstContactForm } from './first-contact-form';
import { StaleNotice } from './stale-notice';
import { Fact } from '../../../components/ui/fact';
import './referrals.css';

export interface Viewer {
  userId: string;
  userName: string;
  /** Organizations the viewer belongs to, and those they administer. */
  orgIds: string[];
  adminOf: string[];
}

function Due({ label, at, done, late }: { label: string; at: string | null; done: string | null; late: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Fact label={label}>
      {at ? t('ref.dueBy', { when: formatDateTime(at, locale) }) : '—'}{' '}
      {done ? (
        <Badge tone={late ? 'warning' : 'success'}>{t(late ? 'ref.doneLate' : 'ref.done')}</Badge>
      ) : (
        late && <Badge tone="danger">{t('ref.overdue')}</Badge>
      )}
    </Fact>
  );
}

/** The receiving organization's active staff (its colleagues list), "me" first. */
function AssigneeSelect({ r, viewer }: { r: ReferralDetail; viewer: Viewer }) {
  const { t } = useI18n();
  const orgId = r.receivingOrganizationId ?? '';
  const members = useQuery({ ...partnerQueries.members(orgId), enabled: Boolean(orgId) });
  const change = useChangeReferral(r.id);
  const options = new Map<string, string>([[viewer.userId, `${viewer.userName} (${t('ref.me')})`]]);
  for (const m of members.data?.data ?? []) if (m.userId !== viewer.userId) options.set(m.userId, m.name);
  // Someone no longer on the staff list still shows by name; the viewer keeps "(me)".
  if (r.assigneeId && r.assigneeName && !options.has(r.assigneeId)) options.set(r.assigneeId, r.assigneeName);
  return (
    <div className="stack">
      {isStaleVersion(change.error) && <StaleNotice id={r.id} onReload={() => change.reset()} />}
      {change.error && !isStaleVersion(change.error) && <Alert tone="danger">{errorMessage(change.error, t)}</Alert>}
      <SelectField
        label={t('ref.assignee')}
        value={r.assigneeId ?? ''}
        placeholder={t('ref.unassigned')}
        disabled={change.isPending}
        options={[...options].map(([value, label]) => ({ value, label }))}
        onChange={(e) => change.mutate({ kind: 'assign', assigneeId: e.target.value || null, version: r.version })}
      />
    </div>
  );
}

function ForwardForm({ r, onDone }: { r: ReferralDetail; onDone: () => void }) {
  const { t } = useI18n();
  const change = useChangeReferral(r.id);
  const [orgId, setOrgId] = useState('');
  const [svcId, setSvcId] = useState('');
  const [note, setNote] = useState('');
  const errors = fieldErrorsOf(change.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate(
      { kind: 'forward', body: { receivingOrganizationId: orgId, receivingServiceId: svcId || null, note, version: r.version } },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-label={t('ref.forward')}>
      <p className="muted">{t('ref.forwardHint')}</p>
      {isStaleVersion(change.error) ? (
        <StaleNotice id={r.id} onReload={() => change.reset()} />
      ) : (
        change.error && <Alert tone="danger">{errorMessage(change.error, t)}</Alert>
      )}
      <PartnerSelect
        orgId={orgId}
        serviceId={svcId}
        onOrg={setOrgId}
        onService={setSvcId}
        excludeOrgId={r.receivingOrganizationId}
        errors={errors}
      />
      <TextAreaField label={t('ref.forwardNote')} rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} />
      <FormActions submitLabel={t('ref.forward')} cancelLabel={t('common.cancel')} onCancel={onDone} loading={change.isPending} disabled={!orgId || !note.trim()} />
    </form>
  );
}

/**
 * SLA clocks for both sides, and when and how the client was first reached; for the receiver also
 * assignee, recording or correcting first contact (until the sender closes the loop), forwarding.
 */
export function WorkPanel({ r, viewer }: { r: ReferralDetail; viewer: Viewer }) {
  const { t, locale } = useI18n();
  const [forwarding, setForwarding] = useState(false);
  const [contactForm, setContactForm] = useState<'record' | 'correct' | null>(null);
  const receiver = !!r.receivingOrganizationId && viewer.orgIds.includes(r.receivingOrganizationId);
  const open = isOpen(r.status);
  const mayCorrect = receiver && !!r.firstContactAt && !r.loopClosedAt && (open || isLoopClosable(r.status));
  return (
    <div className="stack">
      <dl className="facts">
        <Due label={t('ref.slaAck')} at={r.acknowledgeBy} done={r.acknowledgedAt} late={r.overdue.acknowledge} />
        <Due label={t('ref.slaFirstContact')} at={r.firstContactBy} done={r.firstContactAt} late={r.overdue.firstContact} />
      </dl>
      {r.firstContactAt && (
        <p className="muted">
          {r.firstContactMethod
            ? t('ref.firstContactWith', { when: formatDateTime(r.firstContactAt, locale), method: t(`firstContactMethod.${r.firstContactMethod}`) })
            : t('ref.firstContactAt', { when: formatDateTime(r.firstContactAt, locale) })}
        </p>
      )}
      {contactForm && <FirstContactForm r={r} mode={contactForm} onDone={() => setContactForm(null)} />}
      {mayCorrect && !open && !contactForm && (
        <div className="ref-actions">
          <Button variant="secondary" onClick={() => setContactForm('correct')}>
            {t('ref.correctFirstContact')}
          </Button>
        </div>
      )}
      {receiver && open && (
        <>
          <AssigneeSelect r={r} viewer={viewer} />
          <div className="ref-actions">
            {!r.firstContactAt && !contactForm && (
              <Button variant="secondary" onClick={() => setContactForm('record')}>
                {t('ref.recordFirstContact')}
              </Button>
            )}
            {mayCorrect && !contactForm && (
              <Button variant="secondary" onClick={() => setContactForm('correct')}>
                {t('ref.correctFirstContact')}
              </Button>
            )}
            {!forwarding && r.allowedTransitions.includes('declined') && (
              <Button variant="secondary" onClick={() => setForwarding(true)}>
                {t('ref.forward')}
              </Button>
            )}
          </div>
          {forwarding && <ForwardForm r={r} onDone={() => setForwarding(false)} />}
        </>
      )}
    </div>
  );
}
