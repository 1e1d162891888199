import { useState, type FormEvent } from 'react';
import { CONTACT_METHODS, LANGUAGES, type Client, type ContactMethod } from '@tandem/contract';
import { useQueryClient } from '@tanstack/react-query';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Fact } from '../../../components/ui/fact';
import { FormActions } from '../../../components/ui/form-actions';
import { SelectField } from '../../../components/ui/select-field';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf, isStaleVersion } from '../../../lib/errors';
import { orNull } from '../../../lib/labels';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { clientQueries } from '../api/queries';
import { useUpdateClient } from '../api/use-update-client';

type Language = (typeof LANGUAGES)[number];

type Draft = Record<
  | 'givenName'
  | 'familyName'
  | 'preferredName'
  | 'dateOfBirth'
  | 'phone'
  | 'email'
  | 'preferredLanguage'
  | 'preferredContactMethod'
  | 'preferredContactTimes'
  | 'safeContactNotes',
  string
>;
const draftOf = (c: Client): Draft => ({
  givenName: c.givenName,
  familyName: c.familyName,
  preferredName: c.preferredName ?? '',
  dateOfBirth: c.dateOfBirth ?? '',
  phone: c.phones.join(', '),
  email: c.email ?? '',
  preferredLanguage: c.preferredLanguage ?? '',
  preferredContactMethod: c.preferredContactMethod ?? '',
  preferredContactTimes: c.preferredContactTimes ?? '',
  safeContactNotes: c.safeContactNotes ?? '',
});

/** Contact details, edited against the version the form opened on; a colleague's save first shows the stale alert. */
function EditForm({ client, onDone }: { client: Client; onDone: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const update = useUpdateClient(client.id);
  const formRef = useFocusFirstError(update.error);
  const [d, setD] = useState(() => draftOf(client));
  const [version, setVersion] = useState(client.version);
  const errors = fieldErrorsOf(update.error);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD((x) => ({ ...x, [k]: e.target.value }));

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...clientQueries.detail(client.id), staleTime: 0 });
    setD(draftOf(fresh));
    setVersion(fresh.version);
    update.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      {
        version,
        givenName: d.givenName,
        familyName: d.familyName,
        preferredName: orNull(d.preferredName),
        dateOfBirth: orNull(d.dateOfBirth),
        phones: d.phone
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
        email: orNull(d.email),
        preferredLanguage: orNull(d.preferredLanguage) as Language | null,
        preferredContactMethod: orNull(d.preferredContactMethod) as ContactMethod | null,
        preferredContactTimes: orNull(d.preferredContactTimes),
        safeContactNotes: orNull(d.safeContactNotes),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={t('client.editDetails')}>
      {isStaleVersion(update.error) ? (
        <StaleVersionAlert body={t('client.staleBody')} onReload={reload} />
      ) : (
        update.error && <Alert tone="danger">{errorMessage(update.error, t)}</Alert>
      )}
      <div className="form-grid">
        <TextField label={t('ref.givenName')} required value={d.givenName} onChange={set('givenName')} error={errors.givenName} />
        <TextField label={t('ref.familyName')} required value={d.familyName} onChange={set('familyName')} error={errors.familyName} />
        <TextField
          label={t('client.preferredName')}
          optionalLabel={t('common.optional')}
          value={d.preferredName}
          onChange={set('preferredName')}
          error={errors.preferredName}
        />
        <TextField
          label={t('ref.dateOfBirth')}
          type="date"
          value={d.dateOfBirth}
          onChange={set('dateOfBirth')}
          error={errors.dateOfBirth}
        />
        <TextField
          label={t('client.phones')}
          hint={t('client.phonesHint')}
          type="tel"
          inputMode="tel"
          value={d.phone}
          onChange={set('phone')}
          error={errors.phones}
        />
        <TextField label={t('ref.email')} type="email" inputMode="email" value={d.email} onChange={set('email')} error={errors.email} />
        <SelectField
          label={t('ref.preferredLanguage')}
          value={d.preferredLanguage}
          placeholder={t('ref.choose')}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          onChange={set('preferredLanguage')}
          error={errors.preferredLanguage}
        />
        <SelectField
          label={t('ref.contactMethod')}
          value={d.preferredContactMethod}
          placeholder={t('ref.choose')}
          options={CONTACT_METHODS.map((m) => ({ value: m, label: t(`contactMethod.${m}`) }))}
          onChange={set('preferredContactMethod')}
          error={errors.preferredContactMethod}
        />
        <TextField
          label={t('client.contactTimes')}
          optionalLabel={t('common.optional')}
          value={d.preferredContactTimes}
          onChange={set('preferredContactTimes')}
          error={errors.preferredContactTimes}
        />
      </div>
      <TextAreaField
        label={t('client.safeContactNotes')}
        optionalLabel={t('common.optional')}
        rows={2}
        value={d.safeContactNotes}
        onChange={set('safeContactNotes')}
        error={errors.safeContactNotes}
      />
      <FormActions submitLabel={t('ref.saveChanges')} cancelLabel={t('common.cancel')} onCancel={onDone} loading={update.isPending} />
    </form>
  );
}

export function ClientDetails({ client }: { client: Client }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  if (editing) return <EditForm client={client} onDone={() => setEditing(false)} />;
  const none = <span className="muted">—</span>;
  return (
    <div className="stack">
      <dl className="facts">
        <Fact label={t('ref.dateOfBirth')}>{client.dateOfBirth ?? none}</Fact>
        <Fact label={t('client.phones')}>{client.phones.length ? client.phones.join(', ') : none}</Fact>
        <Fact label={t('ref.email')}>{client.email ?? none}</Fact>
        <Fact label={t('ref.preferredLanguage')}>{client.preferredLanguage ? t(`language.${client.preferredLanguage}`) : none}</Fact>
        <Fact label={t('ref.contactMethod')}>
          {client.preferredContactMethod ? t(`contactMethod.${client.preferredContactMethod}`) : none}
        </Fact>
        <Fact label={t('client.contactTimes')}>{client.preferredContactTimes ?? none}</Fact>
        <Fact label={t('client.safeContactNotes')}>{client.safeContactNotes ?? none}</Fact>
      </dl>
      <div>
        <Button variant="secondary" onClick={() => setEditing(true)}>
          {t('client.editDetails')}
        </Button>
      </div>
    </div>
  );
}
