import type { ReferralStatus, SdohCategory } from '@tandem/contract';
import { Badge } from '../../../components/ui/badge';
import { useT } from '../../../i18n/i18n-provider';
import { referralStatusTone } from '../../../lib/labels';

export function StatusBadge({ status }: { status: ReferralStatus }) {
  const t = useT();
  return <Badge tone={referralStatusTone[status]}>{t(`refStatus.${status}`)}</Badge>;
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

