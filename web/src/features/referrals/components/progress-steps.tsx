import { useQuery } from '@tanstack/react-query';
import { isTerminal, type ReferralDetail, type ReferralStatus } from '@tandem/contract';
import { useT } from '../../../i18n/i18n-provider';
import { referralQueries } from '../api/queries';
import './referrals.css';

const STEPS = ['sent', 'acknowledged', 'accepted', 'in_progress', 'closed'] as const;
type Step = (typeof STEPS)[number];

/** Where a status stands on sent → acknowledged → accepted → in progress → closed; -1 for a draft. */
const stepOf = (status: ReferralStatus): number => {
  if (status === 'draft') return -1;
  if (isTerminal(status)) return 4;
  if (status === 'on_hold') return 3;
  return STEPS.indexOf(status as Step);
};

/**
 * The referral's progress in five steps, beside its timeline. A step behind the current one is
 * done only if the referral went through it (the timeline's status changes, from and to; acknowledged also by
 * acknowledgedAt, set by any first response): one declined straight from sent skips the middle.
 * The last step says how it closed (completed, declined, …); on hold shows on the in-progress step.
 */
export function ProgressSteps({ r }: { r: ReferralDetail }) {
  const t = useT();
  // The same query the timeline beside it reads: no second request.
  const timeline = useQuery(referralQueries.timeline(r.id));
  const at = stepOf(r.status);
  if (at < 0) return null;
  const reached = new Set<string>((timeline.data?.data ?? []).flatMap((e) => [e.fromStatus, e.toStatus].filter((s): s is ReferralStatus => !!s)));
  if (r.sentAt) reached.add('sent');
  if (r.acknowledgedAt) reached.add('acknowledged');
  if (reached.has('on_hold')) reached.add('in_progress');
  const wentThrough = (step: Step) => !timeline.data || reached.has(step);
  return (
    <ol className="ref-progress" aria-label={t('ref.progress')}>
      {STEPS.map((step, i) => {
        const label =
          step === 'closed'
            ? at === 4
              ? t(`refStatus.${r.status}`)
              : t('ref.progressClosed')
            : step === 'in_progress' && r.status === 'on_hold'
              ? t('refStatus.on_hold')
              : t(`refStatus.${step}`);
        const state = i === at ? 'current' : i < at ? (wentThrough(step) ? 'done' : 'skipped') : 'todo';
        return (
          <li key={step} className={`ref-progress-step ref-progress-${state}`} aria-current={i === at ? 'step' : undefined}>
            <span className="ref-progress-dot" aria-hidden="true" />
            <span className="ref-progress-label">{label}</span>
            {(state === 'done' || state === 'current') && (
              <span className="visually-hidden"> ({t(state === 'done' ? 'ref.progressDone' : 'ref.progressNow')})</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
