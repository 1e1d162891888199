import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Spinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { organizationQueries } from '../api/queries';
import { CapacityBadge } from './capacity-badge';
import { ContactForm } from './contact-form';
import { LocationForm } from './location-form';
import { ContactList, LocationList } from './place-lists';

type Props = { organizationId: string; editor: boolean };

export function OrganizationServices({ organizationId }: { organizationId: string }) {
  const t = useT();
  const services = useQuery(organizationQueries.services(organizationId));
  return (
    <Card title={t('orgPage.services')}>
      {services.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : services.isError ? (
        <Alert tone="danger">{errorMessage(services.error, t)}</Alert>
      ) : services.data.data.length === 0 ? (
        <p className="muted">{t('orgPage.noServices')}</p>
      ) : (
        <ul className="plain-list place-list">
          {services.data.data.map((s) => (
            <li key={s.id} className="org-service">
              <Link to={paths.directoryService.href(s.id)} className="place-name">
                {s.name}
              </Link>
              <CapacityBadge capacity={s.capacity} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** Locations, with add/edit in place for editors ("new" or a location id). */
export function OrganizationLocations({ organizationId, editor }: Props) {
  const t = useT();
  const locations = useQuery(organizationQueries.locations(organizationId));
  const [editing, setEditing] = useState<string | null>(null);
  const list = locations.data?.data ?? [];
  return (
    <Card title={t('dir.locations')} actions={editor && editing === null && <Button variant="secondary" size="sm" onClick={() => setEditing('new')}>{t('orgPage.addLocation')}</Button>}>
      {locations.isPending && <Spinner label={t('app.loading')} />}
      {locations.isError && <Alert tone="danger">{errorMessage(locations.error, t)}</Alert>}
      {editing === 'new' && <LocationForm organizationId={organizationId} onDone={() => setEditing(null)} />}
      {locations.isSuccess && (
        <LocationList
          locations={list}
          action={(l) =>
            !editor ? null : editing === l.id ? (
              <LocationForm organizationId={organizationId} location={l} onDone={() => setEditing(null)} />
            ) : (
              <Button variant="ghost" size="sm" aria-label={t('orgPage.editNamed', { name: l.name })} onClick={() => setEditing(l.id)}>
                {t('dir.edit')}
              </Button>
            )
          }
        />
      )}
    </Card>
  );
}

export function OrganizationContacts({ organizationId, editor }: Props) {
  const t = useT();
  const contacts = useQuery(organizationQueries.contacts(organizationId));
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Card title={t('dir.contacts')} actions={editor && editing === null && <Button variant="secondary" size="sm" onClick={() => setEditing('new')}>{t('orgPage.addContact')}</Button>}>
      {contacts.isPending && <Spinner label={t('app.loading')} />}
      {contacts.isError && <Alert tone="danger">{errorMessage(contacts.error, t)}</Alert>}
      {editing === 'new' && <ContactForm organizationId={organizationId} onDone={() => setEditing(null)} />}
      {contacts.isSuccess && (
        <ContactList
          contacts={contacts.data.data}
          action={(c) =>
            !editor ? null : editing === c.id ? (
              <ContactForm organizationId={organizationId} contact={c} onDone={() => setEditing(null)} />
            ) : (
              <Button variant="ghost" size="sm" aria-label={t('orgPage.editNamed', { name: c.name })} onClick={() => setEditing(c.id)}>
                {t('dir.edit')}
              </Button>
            )
          }
        />
      )}
    </Card>
  );
}
