import type { ReferralStatus, SdohCategory } from '@tandem/contract';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { useT } from '../../../i18n/i18n-provider';

const statusTone: Record<ReferralStatus, BadgeTone> = {
  draft: 'neutral',
  sent: 'info',
  acknowledged: 'info',
  accepted: 'accent',
  in_progress: 'accent',
  on_hold: 'warning',
  completed: 'success',
  declined: 'danger',
  unable_to_complete: 'danger',
  cancelled: 'neutral',
  entered_in_error: 'neutral',
};

export function StatusBadge({ status }: { status: ReferralStatus }) {
  const t = useT();
  return <Badge tone={statusTone[status]}>{t(`refStatus.${status}`)}</Badge>;
}

/** A referral's needs as tags, in the reader's language. */
export function NeedTags({ needs }: { needs: readonly SdohCategory[] }) {
  const t = useT();
  return (
    <span className="tag-list">
      {needs.map((n) => (
        <span key={n} className="tag">
          {t(`sdoh.${n}`)}
        </span>
      ))}
    </span>
  );
}

/** Display name of a client record: preferred name first when the client gave one. */
export const clientDisplayName = (c: { givenName: string; familyName: string; preferredName?: string | null }) =>
  `${c.preferredName || c.givenName} ${c.familyName}`;

/** `2026-11-23` from a date input → an ISO timestamp at local noon (no timezone day-slip). */
export const dateInputToIso = (d: string) => new Date(`${d}T12:00:00`).toISOString();
export const todayInput = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};
