import { useState } from 'react';
import { gapRationaleRequired, type GapStatus } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { TextAreaField } from '../../../components/ui/text-field';
import { useI18n } from '../../../i18n/i18n-provider';
import type { MessageKey } from '../../../i18n/en';
import { errorMessage, isStaleVersion } from '../../../lib/errors';
import type { Gap } from '../api/queries';
import { useTransitionGap } from '../api/use-gap-mutations';

/** The moves the server says the gap allows (`allowedTransitions`), with the rationale they need. */
export function GapStatusActions({ gap }: { gap: Gap }) {
  const { t } = useI18n();
  const move = useTransitionGap(gap.id);
  const [rationale, setRationale] = useState('');
  if (!gap.allowedTransitions.length) return null;
  const go = (to: GapStatus) => move.mutate({ version: gap.version, to, rationale: rationale.trim() }, { onSuccess: () => setRationale('') });
  return (
    <div className="gap-actions stack">
      {move.isError &&
        (isStaleVersion(move.error) ? (
          <StaleVersionAlert body={t('gaps.stale')} onReload={() => move.reset()} />
        ) : (
          <Alert tone="danger">{errorMessage(move.error, t)}</Alert>
        ))}
      <TextAreaField label={t('gaps.rationale')} hint={t('gaps.rationaleHint')} value={rationale} onChange={(e) => setRationale(e.target.value)} maxLength={2000} rows={2} />
      <div className="gap-action-buttons">
        {gap.allowedTransitions.map((to) => (
          <Button
            key={to}
            variant={to === 'not_pursued' ? 'secondary' : 'primary'}
            loading={move.isPending && move.variables?.to === to}
            disabled={gapRationaleRequired(gap.status, to) && !rationale.trim()}
            onClick={() => go(to)}
          >
            {t(`gapMove.${to}` as MessageKey)}
          </Button>
        ))}
      </div>
    </div>
  );
}
