import { useQueryClient } from '@tanstack/react-query';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { useT } from '../../../i18n/i18n-provider';
import { queryKeys } from '../../../lib/query-keys';

/** Someone else changed the referral after this page read it: say so, and re-read on request. */
export function StaleNotice({ id, onReload }: { id: string; onReload: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  return (
    <StaleVersionAlert
      body={t('ref.staleBody')}
      onReload={async () => {
        await queryClient.invalidateQueries({ queryKey: queryKeys.referrals.detail(id) });
        onReload();
      }}
    />
  );
}
