import { useState, type FormEvent } from 'react';
import { LOCALES, type Locale, type Role } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { useInviteMember } from '../api/use-invite-member';
import { InvitationLink } from './invitation-link';

const blank = { email: '', name: '', role: 'staff' as Role, locale: 'en' as Locale };

export function InviteMemberForm({ organizationId, roles }: { organizationId: string; roles: readonly Role[] }) {
  const t = useT();
  const invite = useInviteMember(organizationId);
  const formRef = useFocusFirstError(invite.error);
  const [draft, setDraft] = useState(blank);
  const errors = fieldErrorsOf(invite.error);
  const result = invite.data;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate(draft, { onSuccess: () => setDraft(blank) });
  };

  return (
    <>
      {result?.invitation && (
        <InvitationLink
          name={result.member.name}
          acceptPath={result.invitation.acceptPath}
          expiresAt={result.invitation.expiresAt}
          onDone={() => invite.reset()}
        />
      )}
      {result && !result.invitation && (
        <Alert tone="success" onClose={() => invite.reset()} closeLabel={t('common.close')}>
          {t('inviteForm.added', { name: result.member.name })}
        </Alert>
      )}
      <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={t('inviteForm.title')}>
        {invite.error && <Alert tone="danger">{errorMessage(invite.error, t)}</Alert>}
        <div className="form-grid">
          <TextField
            label={t('inviteForm.email')}
            type="email"
            name="email"
            autoComplete="off"
            required
            value={draft.email}
            onChange={(e) => setDraft({ ...draft, email: e.target.value })}
            error={errors.email}
          />
          <TextField
            label={t('inviteForm.name')}
            name="name"
            autoComplete="off"
            required
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            error={errors.name}
          />
          <SelectField
            label={t('inviteForm.role')}
            name="role"
            value={draft.role}
            error={errors.role}
            options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
          />
          <SelectField
            label={t('inviteForm.locale')}
            name="locale"
            value={draft.locale}
            error={errors.locale}
            options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            onChange={(e) => setDraft({ ...draft, locale: e.target.value as Locale })}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" loading={invite.isPending}>
            {invite.isPending ? t('inviteForm.submitting') : t('inviteForm.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
