import type { ReactNode } from 'react';
import type { Contact, Location } from '@tandem/contract';
import { Badge } from '../../../components/ui/badge';
import { useT } from '../../../i18n/i18n-provider';
import { spaLabel } from '../../../lib/labels';
import './directory.css';

export function LocationList({ locations, action }: { locations: Location[]; action?: (l: Location) => ReactNode }) {
  const t = useT();
  if (locations.length === 0) return <p className="muted">{t('dir.noLocations')}</p>;
  return (
    <ul className="plain-list place-list">
      {locations.map((l) => (
        <li key={l.id}>
          <p className="place-name">{l.name}</p>
          <address>
            {l.address1}
            {l.address2 && `, ${l.address2}`}
            <br />
            {l.city}, {l.state} {l.postalCode}
          </address>
          {l.spa && <p className="muted">{spaLabel(l.spa)}</p>}
          {l.accessibility && (
            <p>
              <strong>{t('dir.accessibility')}:</strong> {l.accessibility}
            </p>
          )}
          {l.transit && (
            <p>
              <strong>{t('dir.transit')}:</strong> {l.transit}
            </p>
          )}
          {action?.(l)}
        </li>
      ))}
    </ul>
  );
}

export function ContactList({ contacts, action }: { contacts: Contact[]; action?: (c: Contact) => ReactNode }) {
  const t = useT();
  if (contacts.length === 0) return <p className="muted">{t('dir.noContacts')}</p>;
  return (
    <ul className="plain-list place-list">
      {contacts.map((c) => (
        <li key={c.id}>
          <p className="place-name">
            {c.name} {c.isReferralContact && <Badge tone="accent">{t('dir.referralContact')}</Badge>}{' '}
            {!c.isPublic && <Badge tone="neutral">{t('dir.internalContact')}</Badge>}
          </p>
          {(c.title || c.department) && <p className="muted">{[c.title, c.department].filter(Boolean).join(' · ')}</p>}
          <p className="contact-links">
            {c.phone && <a href={`tel:${c.phone}`} aria-label={t('dir.callName', { name: c.name, phone: c.phone })}>{c.phone}</a>}
            {c.email && <a href={`mailto:${c.email}`} aria-label={t('dir.emailName', { name: c.name })}>{c.email}</a>}
          </p>
          {action?.(c)}
        </li>
      ))}
    </ul>
  );
}
