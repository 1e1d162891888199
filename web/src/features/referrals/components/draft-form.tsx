import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { SDOH_CATEGORIES, URGENCIES, type ReferralDetail, type SdohCategory, type Urgency } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxGroup } from '../../../components/ui/checkbox-group';
import { SelectField } from '../../../components/ui/select-field';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { partnerQueries } from '../api/queries';
import { useSaveReferralDraft } from '../api/use-save-referral-draft';

export interface Sender {
  organizationId: string;
  name: string;
  email: string;
}

/** The directory service the referral started from, if any: its organization and needs prefill the form. */
export interface Preset {
  organizationId: string;
  serviceId: string;
  needs: SdohCategory[];
}

type Props = {
  clientId: string | null;
  draft: ReferralDetail | null;
  preset: Preset | null;
  sender: Sender;
  onSaved: (d: ReferralDetail) => void;
};

/** Organization select plus that organization's services (a partner list is short enough to select from). */
export function PartnerSelect(props: {
  orgId: string;
  serviceId: string;
  onOrg: (id: string) => void;
  onService: (id: string) => void;
  excludeOrgId?: string | null;
  errors?: Record<string, string>;
}) {
  const t = useT();
  const orgs = useQuery(partnerQueries.organizations());
  const services = useQuery(partnerQueries.services(props.orgId));
  return (
    <div className="form-grid">
      <SelectField
        label={t('ref.partnerOrg')}
        required
        value={props.orgId}
        placeholder={orgs.isPending ? t('app.loading') : t('ref.choose')}
        options={(orgs.data?.data ?? []).filter((o) => o.id !== props.excludeOrgId).map((o) => ({ value: o.id, label: o.name }))}
        onChange={(e) => {
          props.onOrg(e.target.value);
          props.onService('');
        }}
        error={props.errors?.receivingOrganizationId}
      />
      <SelectField
        label={t('ref.partnerService')}
        optionalLabel={t('common.optional')}
        value={props.serviceId}
        disabled={!props.orgId}
        placeholder={t('ref.anyService')}
        options={(services.data?.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        onChange={(e) => props.onService(e.target.value)}
        error={props.errors?.receivingServiceId}
      />
    </div>
  );
}

export function DraftForm({ clientId, draft, preset, sender, onSaved }: Props) {
  const t = useT();
  const save = useSaveReferralDraft();
  const formRef = useFocusFirstError(save.error);
  const errors = fieldErrorsOf(save.error);
  const [orgId, setOrgId] = useState(draft?.receivingOrganizationId ?? preset?.organizationId ?? '');
  const [svcId, setSvcId] = useState(draft?.receivingServiceId ?? preset?.serviceId ?? '');
  const [needs, setNeeds] = useState<string[]>(draft?.needs ?? preset?.needs ?? []);
  const [urgency, setUrgency] = useState<Urgency>(draft?.urgency ?? 'routine');
  const [reason, setReason] = useState(draft?.reason ?? '');
  const [contact, setContact] = useState({
    name: draft?.senderContactName ?? sender.name,
    phone: draft?.senderContactPhone ?? '',
    email: draft?.senderContactEmail ?? sender.email,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        draft,
        body: {
          clientId,
          receivingOrganizationId: orgId || null,
          receivingServiceId: svcId || null,
          needs: needs as SdohCategory[],
          urgency,
          reason: reason.trim() || null,
          senderContactName: contact.name.trim() || null,
          senderContactPhone: contact.phone.trim() || null,
          senderContactEmail: contact.email.trim() || null,
          ...(draft ? {} : { sendingOrganizationId: sender.organizationId }),
        },
      },
      { onSuccess: onSaved },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={t('ref.detailsStep')}>
      {save.error && <Alert tone="danger">{errorMessage(save.error, t)}</Alert>}
      <PartnerSelect orgId={orgId} serviceId={svcId} onOrg={setOrgId} onService={setSvcId} errors={errors} />
      <CheckboxGroup
        legend={t('ref.needs')}
        name="needs"
        columns={2}
        value={needs}
        onChange={setNeeds}
        error={errors.needs}
        options={SDOH_CATEGORIES.map((c) => ({ value: c, label: t(`sdoh.${c}`) }))}
      />
      <SelectField
        label={t('ref.urgency')}
        value={urgency}
        options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
        onChange={(e) => setUrgency(e.target.value as Urgency)}
      />
      <TextAreaField
        label={t('ref.reason')}
        hint={t('ref.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.reason}
      />
      <fieldset className="fieldset">
        <legend className="field-label">{t('ref.senderContact')}</legend>
        <div className="form-grid">
          <TextField
            label={t('ref.contactName')}
            value={contact.name}
            onChange={(e) => setContact((c) => ({ ...c, name: e.target.value }))}
            error={errors.senderContactName}
          />
          <TextField
            label={t('ref.phone')}
            type="tel"
            value={contact.phone}
            onChange={(e) => setContact((c) => ({ ...c, phone: e.target.value }))}
            error={errors.senderContactPhone}
          />
          <TextField
            label={t('ref.email')}
            type="email"
            value={contact.email}
            onChange={(e) => setContact((c) => ({ ...c, email: e.target.value }))}
            error={errors.senderContactEmail}
          />
        </div>
      </fieldset>
      <div className="form-actions">
        <Button type="submit" loading={save.isPending}>
          {draft ? t('ref.saveChanges') : t('ref.saveDraft')}
        </Button>
      </div>
    </form>
  );
}
