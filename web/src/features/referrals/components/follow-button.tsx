import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n/i18n-provider';
import { useFollowReferral } from '../api/use-follow-referral';

/**
 * Follow a referral: be notified of its status changes and messages (the notifications settings say
 * who else is). A toggle: pressed while following.
 */
export function FollowButton({ id, following }: { id: string; following: boolean }) {
  const t = useT();
  const follow = useFollowReferral(id);
  return (
    <Button
      variant="secondary"
      size="sm"
      aria-pressed={following}
      title={t('ref.followHint')}
      disabled={follow.isPending}
      onClick={() => follow.mutate(!following)}
    >
      {following ? t('ref.following') : t('ref.follow')}
    </Button>
  );
}
