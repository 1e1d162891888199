import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ACCESSIBILITY_NEEDS, FOCUS_POPULATIONS, LANGUAGES, SPAS, STIPEND_METHODS } from '@tandem/contract';
import { ApiError } from '@tandem/contract/client';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxGroup } from '../../../components/ui/checkbox-group';
import { SelectField } from '../../../components/ui/select-field';
import { Spinner } from '../../../components/ui/spinner';
import { TextAreaField, TextField } from '../../../components/ui/text-field';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { boardQueries, type SubmitApplicationBody } from '../api/queries';
import { useSubmitApplication } from '../api/mutations';
import '../boards.css';

const orNull = (v: string) => (v.trim() ? v.trim() : null);

/**
 * A recruiting board's public application (issue 26): no sign-in, a phone number or an email is
 * enough. The form token is fetched when the page opens (the API refuses an application sent
 * sooner than the board's minimum fill time after it). The `website` field is a honeypot: out of
 * sight, out of the tab order and hidden from screen readers; only a bot fills it.
 */
export function PublicApplicationPage({ boardId }: { boardId: string }) {
  const { t, locale } = useI18n();
  const board = useQuery(boardQueries.publicPage(boardId));
  const form = useQuery({ ...boardQueries.form(boardId), enabled: board.isSuccess && board.data.acceptingApplications });
  const submit = useSubmitApplication(boardId);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [zip, setZip] = useState('');
  const [spa, setSpa] = useState('');
  const [languages, setLanguages] = useState<string[]>([locale]);
  const [populations, setPopulations] = useState<string[]>([]);
  const [needs, setNeeds] = useState<string[]>([]);
  const [stipend, setStipend] = useState('');
  const [availability, setAvailability] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [website, setWebsite] = useState('');
  const errors = fieldErrorsOf(submit.error, t);
  const formRef = useFocusFirstError(submit.error);

  if (board.isPending)
    return (
      <div className="center-page">
        <Spinner label={t('app.loading')} />
      </div>
    );
  // An active board has a public page ("you said, we did") but takes no applications.
  if (board.isError || !board.data.acceptingApplications)
    return (
      <section className="board-apply">
        <h1>{t('boards.apply.notOpenTitle')}</h1>
        <p>{t('boards.apply.notOpen')}</p>
      </section>
    );
  const b = board.data;

  if (submit.isSuccess)
    return (
      <section className="board-apply">
        <h1>{t('boards.apply.thanksTitle')}</h1>
        <div role="status" className="board-apply-receipt">
          <p>{t('boards.apply.thanks', { board: b.name })}</p>
          <p>
            {t('boards.apply.reference')} <strong className="board-reference">{submit.data.reference}</strong>
          </p>
        </div>
      </section>
    );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.data) return;
    const body: SubmitApplicationBody = {
      formToken: form.data.formToken,
      website,
      locale,
      name: name.trim(),
      phone: orNull(phone),
      email: orNull(email),
      zip: orNull(zip),
      spa: (orNull(spa) as SubmitApplicationBody['spa']) ?? null,
      languages: languages as SubmitApplicationBody['languages'],
      populations: populations as SubmitApplicationBody['populations'],
      accessibilityNeeds: needs as SubmitApplicationBody['accessibilityNeeds'],
      stipendMethod: (orNull(stipend) as SubmitApplicationBody['stipendMethod']) ?? null,
      availability: orNull(availability),
      answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim())),
    };
    submit.mutate(body);
  };
  const tooFast = submit.error instanceof ApiError && submit.error.code === 'form_too_fast';

  return (
    <section className="board-apply" aria-labelledby="board-apply-title">
      <h1 id="board-apply-title">{t('boards.apply.title', { board: b.name })}</h1>
      <p className="board-apply-purpose">{b.purpose}</p>
      <dl className="board-apply-facts">
        <div>
          <dt>{t('boards.seats')}</dt>
          <dd>{b.seats}</dd>
        </div>
        <div>
          <dt>{t('boards.term')}</dt>
          <dd>{t('boards.termMonths', { count: b.termMonths })}</dd>
        </div>
        <div>
          <dt>{t('boards.meetings')}</dt>
          <dd>{b.meetingCadence}</dd>
        </div>
      </dl>
      <form ref={formRef} className="board-apply-form" onSubmit={onSubmit} noValidate>
        <p className="field-hint">{t('boards.apply.contactHint')}</p>
        <TextField label={t('boards.apply.name')} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} required />
        <TextField label={t('boards.apply.phone')} type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={errors.phone} optionalLabel={t('common.optional')} />
        <TextField label={t('boards.apply.email')} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} optionalLabel={t('common.optional')} />
        <TextField label={t('boards.apply.zip')} inputMode="numeric" autoComplete="postal-code" value={zip} onChange={(e) => setZip(e.target.value)} error={errors.zip} optionalLabel={t('common.optional')} />
        <SelectField
          label={t('boards.apply.spa')}
          value={spa}
          onChange={(e) => setSpa(e.target.value)}
          placeholder={t('boards.apply.spaUnknown')}
          options={SPAS.map((s) => ({ value: s.code, label: `SPA ${s.number} · ${s.name}` }))}
          error={errors.spa}
          optionalLabel={t('common.optional')}
        />
        <CheckboxGroup legend={t('boards.apply.languages')} name="languages" options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}` as MessageKey) }))} value={languages} onChange={setLanguages} error={errors.languages} />
        <CheckboxGroup
          legend={t('boards.apply.populations')}
          hint={t('boards.apply.populationsHint')}
          name="populations"
          options={FOCUS_POPULATIONS.map((p) => ({ value: p, label: t(`focus.${p}` as MessageKey) }))}
          value={populations}
          onChange={setPopulations}
          columns={1}
        />
        {b.questions.map((q) => (
          <TextAreaField
            key={q.key}
            label={q.prompt[locale]}
            value={answers[q.key] ?? ''}
            onChange={(e) => setAnswers((a) => ({ ...a, [q.key]: e.target.value }))}
            error={errors.answers}
            {...(q.required ? { required: true } : { optionalLabel: t('common.optional') })}
          />
        ))}
        <TextAreaField label={t('boards.apply.availability')} value={availability} onChange={(e) => setAvailability(e.target.value)} optionalLabel={t('common.optional')} />
        <CheckboxGroup legend={t('boards.apply.needs')} name="needs" options={ACCESSIBILITY_NEEDS.map((n) => ({ value: n, label: t(`boards.need.${n}` as MessageKey) }))} value={needs} onChange={setNeeds} />
        <SelectField
          label={t('boards.apply.stipend')}
          value={stipend}
          onChange={(e) => setStipend(e.target.value)}
          placeholder={t('boards.apply.stipendLater')}
          options={STIPEND_METHODS.map((m) => ({ value: m, label: t(`boards.stipend.${m}` as MessageKey) }))}
          optionalLabel={t('common.optional')}
        />
        {/* Honeypot: people never see it, screen readers skip it, Tab never reaches it. */}
        <div className="board-hp" aria-hidden="true" lang="en">
          <label htmlFor="board-hp-website">Website</label>
          <input id="board-hp-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.target.value)} />
        </div>
        {submit.isError && <Alert tone="danger">{tooFast ? t('errors.form_too_fast') : errorMessage(submit.error, t)}</Alert>}
        {form.isError && <Alert tone="danger">{errorMessage(form.error, t)}</Alert>}
        <Button type="submit" loading={submit.isPending} disabled={!form.data}>
          {t('boards.apply.submit')}
        </Button>
      </form>
    </section>
  );
}
