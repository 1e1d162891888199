import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { Organization } from '@tandem/contract';
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
import { ServiceForm } from './service-form';
import { ContactList, LocationList } from './place-lists';
import './directory.css';

type Props = { organizationId: string; editor: boolean };

/** Services, with "Add a service" for editors: the new service opens on its own page to add hours. */
export function OrganizationServices({ organization, editor }: { organization: Organization; editor: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const services = useQuery(organizationQueries.services(organization.id));
  const [adding, setAdding] = useState(false);
  const addRef = useReturnFocus(adding);
  return (
    <Card
      title={t('orgPage.services')}
      actions={editor && !adding && <Button ref={addRef} variant="secondary" size="sm" onClick={() => setAdding(true)}>{t('orgPage.addService')}</Button>}
    >
      {adding && <ServiceForm organization={organization} onSaved={(s) => navigate(paths.directoryService.href(s.id))} onCancel={() => setAdding(false)} />}
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

/** Contacts, with add/edit/remove in place for editors. */
export function OrganizationContacts({ organizationId, editor }: Props) {
  const t = useT();
  const contacts = useQuery(organizationQueries.contacts(organizationId));
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // The removed contact's form (and the focus in it) is gone: move focus to the confirmation.
  useEffect(() => {
    if (notice) noticeRef.current?.querySelector<HTMLElement>('[role="status"]')?.focus();
  }, [notice]);
  const edit = (id: string | null) => {
    setNotice(null);
    setEditing(id);
  };
  return (
    <Card title={t('dir.contacts')} actions={editor && editing === null && <Button variant="secondary" size="sm" onClick={() => edit('new')}>{t('orgPage.addContact')}</Button>}>
      {notice && (
        <div ref={noticeRef}>
          <Alert tone="success" onClose={() => setNotice(null)} closeLabel={t('common.close')}>
            {notice}
          </Alert>
        </div>
      )}
      {contacts.isPending && <Spinner label={t('app.loading')} />}
      {contacts.isError && <Alert tone="danger">{errorMessage(contacts.error, t)}</Alert>}
      {editing === 'new' && <ContactForm organizationId={organizationId} onDone={() => edit(null)} />}
      {contacts.isSuccess && (
        <ContactList
          contacts={contacts.data.data}
          action={(c) =>
            !editor ? null : editing === c.id ? (
              <ContactForm
                organizationId={organizationId}
                contact={c}
                onDone={() => edit(null)}
                onRemoved={() => {
                  setEditing(null);
                  setNotice(t('contactForm.removed', { name: c.name }));
                }}
              />
            ) : (
              <Button variant="ghost" size="sm" aria-label={t('orgPage.editNamed', { name: c.name })} onClick={() => edit(c.id)}>
                {t('dir.edit')}
              </Button>
            )
          }
        />
      )}
    </Card>
  );
}

/** While `open`, the returned button is hidden; when `open` turns false, focus goes back to it. */
function useReturnFocus(open: boolean) {
  const ref = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return ref;
}
