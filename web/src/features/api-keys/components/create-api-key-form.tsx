import { useState, type FormEvent } from 'react';
import { API_SCOPES, type ApiScope } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxGroup } from '../../../components/ui/checkbox-group';
import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { useCreateApiKey } from '../api/use-create-api-key';
import { SecretReveal } from '../../../components/ui/secret-reveal';

export function CreateApiKeyForm({ organizationId }: { organizationId: string }) {
  const t = useT();
  const create = useCreateApiKey(organizationId);
  const formRef = useFocusFirstError(create.error);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const errors = fieldErrorsOf(create.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name, scopes },
      {
        onSuccess: () => {
          setName('');
          setScopes([]);
        },
      },
    );
  };

  return (
    <>
      {create.data && (
        <SecretReveal
          secret={create.data.secret}
          texts={{ title: t('apiKeys.secretTitle', { name: create.data.name }), warning: t('apiKeys.secretWarning'), label: t('apiKeys.secretLabel'), done: t('apiKeys.secretDone') }}
          onDone={() => create.reset()}
        />
      )}
      <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label={t('apiKeys.new')}>
        {create.error && <Alert tone="danger">{errorMessage(create.error, t)}</Alert>}
        <TextField
          label={t('apiKeys.name')}
          hint={t('apiKeys.nameHint')}
          name="name"
          autoComplete="off"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <CheckboxGroup
          legend={t('apiKeys.scopes')}
          name="scopes"
          value={scopes}
          onChange={(v) => setScopes(v as ApiScope[])}
          error={errors.scopes}
          options={API_SCOPES.map((s) => ({ value: s, label: s, description: t(`scope.${s}`) }))}
        />
        <div className="form-actions">
          <Button type="submit" loading={create.isPending}>
            {create.isPending ? t('apiKeys.creating') : t('apiKeys.create')}
          </Button>
        </div>
      </form>
    </>
  );
}
