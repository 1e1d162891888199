import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  CONTACT_METHODS,
  LANGUAGES,
  parseClientSearch,
  type Client,
  type ClientMatch,
  type ClientSearchResult,
  type ContactMethod,
} from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf } from '../../../lib/errors';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useFocusFirstError } from '../../../lib/use-focus-first-error';
import { clientQueries } from '../api/queries';
import { useCreateClient } from '../api/use-create-client';
import './referrals.css';

function MatchList({ matches, onUse, label }: { matches: ClientMatch[]; onUse: (id: string) => void; label: string }) {
  const t = useT();
  return (
    <ul className="ref-matches" aria-label={label}>
      {matches.map((m) => (
        <li key={m.id}>
          <span>
            <strong>{m.name}</strong>
            {m.dateOfBirth && <span className="muted"> · {t('ref.born', { date: m.dateOfBirth })}</span>}
          </span>
          <Button size="sm" variant="secondary" onClick={() => onUse(m.id)} aria-label={`${t('ref.useClient')}: ${m.name}`}>
            {t('ref.useClient')}
          </Button>
        </li>
      ))}
    </ul>
  );
}

function SearchResults({ found, onUse, label }: { found: ClientSearchResult[]; onUse: (id: string) => void; label: string }) {
  const t = useT();
  return (
    <ul className="ref-matches" aria-label={label}>
      {found.map((c) => {
        const name = `${c.preferredName || c.givenName} ${c.familyName}`;
        return (
          <li key={c.id}>
            <span>
              <strong>{name}</strong>
              {c.dateOfBirth && <span className="muted"> · {t('ref.born', { date: c.dateOfBirth })}</span>}
              {c.phones[0] && <span className="muted"> · {c.phones[0]}</span>}
            </span>
            <Button size="sm" variant="secondary" onClick={() => onUse(c.id)} aria-label={`${t('ref.useClient')}: ${name}`}>
              {t('ref.useClient')}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}

const empty = { givenName: '', familyName: '', dateOfBirth: '', phone: '', email: '', preferredLanguage: '', preferredContactMethod: '' };

/**
 * What a search typed so far says about the new client: its words as first and last name
 * ("Rosa Garc" → Rosa / Garc, "Garc" → last name), a date of birth, a phone.
 */
const fromSearch = (q: string) => {
  const terms = parseClientSearch(q);
  const [first, ...rest] = terms?.names ?? [];
  return {
    givenName: rest.length ? (first ?? '') : '',
    familyName: rest.length ? rest.join(' ') : (first ?? ''),
    dateOfBirth: terms?.dateOfBirth ?? '',
    phone: terms?.phoneDigits ?? '',
  };
};

/** Find the client among existing records, or register them; a new record lists likely duplicates. */
export function ClientPicker({ onPicked }: { onPicked: (clientId: string) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim());
  const found = useQuery(clientQueries.search(term));
  const create = useCreateClient();
  const formRef = useFocusFirstError(create.error);
  const [d, setD] = useState(empty);
  // Until the person edits the new-client form, what they typed in search carries into it.
  const [edited, setEdited] = useState(false);
  const [created, setCreated] = useState<{ client: Client; matches: ClientMatch[] } | null>(null);
  const errors = fieldErrorsOf(create.error);
  const set = (k: keyof typeof empty, v: string) => {
    setEdited(true);
    setD((x) => ({ ...x, [k]: v }));
  };
  const onSearch = (v: string) => {
    setSearch(v);
    if (!edited) setD({ ...empty, ...fromSearch(v) });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        givenName: d.givenName,
        familyName: d.familyName,
        dateOfBirth: d.dateOfBirth || null,
        phones: d.phone.trim() ? [d.phone.trim()] : [],
        email: d.email.trim() || null,
        preferredLanguage: (d.preferredLanguage || null) as (typeof LANGUAGES)[number] | null,
        preferredContactMethod: (d.preferredContactMethod || null) as ContactMethod | null,
      },
      { onSuccess: (res) => (res.matches.length ? setCreated(res) : onPicked(res.client.id)) },
    );
  };

  if (created)
    return (
      <div className="stack">
        <Alert tone="warning" title={t('ref.possibleMatches')}>
          {t('ref.possibleMatchesHint')}
        </Alert>
        <MatchList matches={created.matches} onUse={onPicked} label={t('ref.possibleMatches')} />
        <Button onClick={() => onPicked(created.client.id)}>{t('ref.keepNewClient')}</Button>
      </div>
    );

  return (
    <div className="stack">
      <TextField
        label={t('ref.findClient')}
        hint={t('ref.findClientHint')}
        type="search"
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        autoComplete="off"
      />
      {found.data &&
        (found.data.data.length ? (
          <SearchResults found={found.data.data} onUse={onPicked} label={t('ref.searchResults')} />
        ) : (
          <p className="muted">{t('ref.noMatches')}</p>
        ))}
      <form ref={formRef} className="form inline-form" onSubmit={submit} noValidate aria-label={t('ref.newClient')}>
        <h3 className="subheading">{t('ref.newClient')}</h3>
        {create.error && <Alert tone="danger">{errorMessage(create.error, t)}</Alert>}
        <div className="form-grid">
          <TextField
            label={t('ref.givenName')}
            required
            value={d.givenName}
            onChange={(e) => set('givenName', e.target.value)}
            error={errors.givenName}
          />
          <TextField
            label={t('ref.familyName')}
            required
            value={d.familyName}
            onChange={(e) => set('familyName', e.target.value)}
            error={errors.familyName}
          />
          <TextField
            label={t('ref.dateOfBirth')}
            type="date"
            value={d.dateOfBirth}
            onChange={(e) => set('dateOfBirth', e.target.value)}
            error={errors.dateOfBirth}
          />
          <TextField
            label={t('ref.phone')}
            type="tel"
            inputMode="tel"
            value={d.phone}
            onChange={(e) => set('phone', e.target.value)}
            error={errors.phones}
          />
          <TextField
            label={t('ref.email')}
            type="email"
            inputMode="email"
            value={d.email}
            onChange={(e) => set('email', e.target.value)}
            error={errors.email}
          />
          <SelectField
            label={t('ref.preferredLanguage')}
            value={d.preferredLanguage}
            placeholder={t('ref.choose')}
            options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
            onChange={(e) => set('preferredLanguage', e.target.value)}
            error={errors.preferredLanguage}
          />
          <SelectField
            label={t('ref.contactMethod')}
            value={d.preferredContactMethod}
            placeholder={t('ref.choose')}
            options={CONTACT_METHODS.map((m) => ({ value: m, label: t(`contactMethod.${m}`) }))}
            onChange={(e) => set('preferredContactMethod', e.target.value)}
            error={errors.preferredContactMethod}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" loading={create.isPending}>
            {t('ref.createClient')}
          </Button>
        </div>
      </form>
    </div>
  );
}
