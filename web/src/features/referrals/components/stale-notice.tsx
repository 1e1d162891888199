import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@tandem/contract/client';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n/i18n-provider';
import { queryKeys } from '../../../lib/query-keys';

export const isStale = (error: unknown) => error instanceof ApiError && error.code === 'stale_version';

/** Someone else changed the referral after this page read it: say so, and re-read on request. */
export function StaleNotice({ id, onReload }: { id: string; onReload: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  return (
    <Alert tone="warning" title={t('ref.staleTitle')}>
      <p>{t('ref.staleBody')}</p>
      <Button
        size="sm"
        variant="secondary"
        onClick={async () => {
          await queryClient.invalidateQueries({ queryKey: queryKeys.referrals.detail(id) });
          onReload();
        }}
      >
        {t('ref.reload')}
      </Button>
    </Alert>
  );
}
