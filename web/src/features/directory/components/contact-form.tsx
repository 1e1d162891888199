import { useState, type FormEvent } from 'react';
import type { Contact } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { InlineConfirm } from '../../../components/ui/inline-confirm';
import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { orNull } from '../../../lib/labels';
import { useDeleteContact } from '../api/use-delete-contact';
import { useSaveContact } from '../api/use-save-contact';
import './directory.css';

const keys = ['name', 'title', 'department', 'email', 'phone'] as const;

type Props = { organizationId: string; contact?: Contact; onDone: () => void; onRemoved?: () => void };

/** Adds a named contact, or edits (or removes, after asking) `contact` when given. */
export function ContactForm({ organizationId, contact, onDone, onRemoved = onDone }: Props) {
  const t = useT();
  const save = useSaveContact(organizationId, contact?.id);
  const remove = useDeleteContact();
  const error = save.error ?? remove.error;
  const formRef = useFocusFirstError(error);
  const [d, setD] = useState<Record<(typeof keys)[number], string>>(
    () => Object.fromEntries(keys.map((k) => [k, contact?.[k] ?? ''])) as Record<(typeof keys)[number], string>,
  );
  const [isPublic, setPublic] = useState(contact?.isPublic ?? true);
  const [isReferralContact, setReferral] = useState(contact?.isReferralContact ?? false);
  const errors = fieldErrorsOf(save.error);
  const opt = t('common.optional');
  const field = (k: (typeof keys)[number]) => ({ name: k, value: d[k], onChange: (e: { target: { value: string } }) => setD((x) => ({ ...x, [k]: e.target.value })), error: errors[k] });
  const title = contact ? t('contactForm.editTitle', { name: contact.name }) : t('contactForm.addTitle');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { name: d.name, title: orNull(d.title), department: orNull(d.department), email: orNull(d.email), phone: orNull(d.phone), isPublic, isReferralContact };
    remove.reset();
    save.mutate(body, { onSuccess: onDone });
  };

  return (
    <form ref={formRef} className="form inline-form" onSubmit={submit} noValidate aria-label={title}>
      <h3 className="subheading">{title}</h3>
      {error && <Alert tone="danger">{errorMessage(error, t)}</Alert>}
      <TextField label={t('contactForm.name')} required autoComplete="off" {...field('name')} />
      <div className="form-grid">
        <TextField label={t('contactForm.title')} optionalLabel={opt} {...field('title')} />
        <TextField label={t('contactForm.department')} optionalLabel={opt} {...field('department')} />
        <TextField label={t('orgForm.phone')} optionalLabel={opt} type="tel" inputMode="tel" {...field('phone')} />
        <TextField label={t('orgForm.email')} optionalLabel={opt} type="email" inputMode="email" {...field('email')} />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={isReferralContact} onChange={(e) => setReferral(e.target.checked)} />
        <span className="checkbox-label">{t('contactForm.isReferralContact')}</span>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} />
        <span className="checkbox-label">{t('contactForm.isPublic')}</span>
      </label>
      <div className="form-actions">
        <Button type="submit" loading={save.isPending} disabled={remove.isPending}>
          {t('contactForm.save')}
        </Button>
        <Button variant="secondary" onClick={onDone} disabled={remove.isPending}>
          {t('common.cancel')}
        </Button>
        {contact && (
          <InlineConfirm
            label={t('contactForm.remove')}
            question={t('contactForm.confirmRemove')}
            confirmLabel={t('contactForm.removeYes')}
            cancelLabel={t('common.cancel')}
            loading={remove.isPending}
            onConfirm={() => {
              save.reset();
              // Not mutate's onSuccess: the refetched list drops this form before it would run
              // (react-query skips callbacks of an unmounted caller), and the notice is lost.
              remove.mutateAsync(contact.id).then(onRemoved, () => undefined);
            }}
          />
        )}
      </div>
    </form>
  );
}
