import { useEffect, useId, useRef, useState, type FocusEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../../i18n/i18n-provider';
import { UNREAD_CAP, notificationQueries } from '../api/queries';
import { NotificationsPanel } from './notifications-panel';
import './notifications.css';

function BellIcon() {
  return (
    <svg className="notif-bell" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16Z" />
      <path d="M10 20.5a2 2 0 0 0 4 0" />
    </svg>
  );
}

/**
 * The header's bell: how many notifications are unread, and a disclosure panel with the latest.
 * Not a modal: focus stays where it is, Tab walks into the panel, Escape or a click elsewhere
 * closes it, and so does tabbing out of it.
 */
export function NotificationsBell() {
  const t = useT();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const unread = useQuery(notificationQueries.unread());
  const page = unread.data;
  // One page of UNREAD_CAP answers the count; a next page means there are more than that.
  const count = page ? (page.nextCursor ? `${UNREAD_CAP}+` : String(page.data.length)) : undefined;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  // Focus moving to something outside (Tab past the last link) closes it; a click on the panel's
  // plain text blurs with no relatedTarget and keeps it open.
  const onBlur = (e: FocusEvent) => {
    if (e.relatedTarget && !rootRef.current?.contains(e.relatedTarget as Node)) setOpen(false);
  };

  return (
    <div className="notif" ref={rootRef} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className="notif-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={count === undefined ? t('notifications.title') : t('notifications.button', { count })}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {!!page?.data.length && (
          <span className="notif-count" aria-hidden="true">
            {count}
          </span>
        )}
      </button>
      {open && <NotificationsPanel id={panelId} onClose={() => setOpen(false)} />}
    </div>
  );
}
