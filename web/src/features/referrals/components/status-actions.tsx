import { useState, type FormEvent } from 'react';
import {
  CLOSURE_REASONS,
  DEFAULT_CLOSURE_REASON_MAP,
  outcomesFor,
  reasonRule,
  type ClosureReason,
  type LoopClosureReason,
  type ReferralDetail,
  type ReferralStatus,
} from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextAreaField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage, fieldErrorsOf, isStaleVersion } from '../../../lib/errors';
import { useChangeReferral } from '../api/use-change-referral';
import { StaleNotice } from './stale-notice';
import './referrals.css';

const danger = new Set<ReferralStatus>(['declined', 'unable_to_complete', 'cancelled', 'entered_in_error']);

/** Only the moves this caller may make now (from the API's allowed list); each asks before it happens. */
export function StatusActions({ r }: { r: ReferralDetail }) {
  const t = useT();
  const change = useChangeReferral(r.id);
  const [to, setTo] = useState<ReferralStatus | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState('');
  const rule = to ? reasonRule(r.status, to) : null;
  // Completing or being unable to complete records the outcome (the loop-closure reason).
  const outcomes = to ? outcomesFor(to) : null;
  const errors = fieldErrorsOf(change.error);
  // Sending a draft happens on the new-referral page, with its packet checks.
  const moves = r.allowedTransitions.filter((s) => s !== 'sent');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    change.mutate(
      {
        kind: 'transition',
        body: {
          to,
          version: r.version,
          reason: rule !== 'none' && reason ? (reason as ClosureReason) : null,
          note: note.trim() || null,
          ...(outcomes ? { outcome: (outcome || null) as LoopClosureReason | null } : {}),
        },
      },
      { onSuccess: () => setTo(null) },
    );
  };

  if (moves.length === 0) return null;
  return (
    <div className="stack">
      {isStaleVersion(change.error) && <StaleNotice id={r.id} onReload={() => change.reset()} />}
      {!to ? (
        <div className="ref-actions" role="group" aria-label={t('ref.nextSteps')}>
          {moves.map((s) => (
            <Button
              key={s}
              variant={danger.has(s) ? 'secondary' : 'primary'}
              onClick={() => {
                change.reset();
                setTo(s);
                setReason('');
                setNote('');
                setOutcome('');
              }}
            >
              {t(`refAction.${s}`)}
            </Button>
          ))}
        </div>
      ) : (
        <form className="form inline-form" onSubmit={submit} noValidate aria-label={t(`refAction.${to}`)}>
          <p className="field-label">{t('ref.confirmMove', { status: t(`refStatus.${to}`) })}</p>
          {change.error && !isStaleVersion(change.error) && <Alert tone="danger">{errorMessage(change.error, t)}</Alert>}
          {rule && rule !== 'none' && (
            <SelectField
              label={t('ref.closureReason')}
              required={rule === 'required'}
              optionalLabel={rule === 'optional' ? t('common.optional') : undefined}
              value={reason}
              placeholder={t('ref.choose')}
              options={CLOSURE_REASONS.map((c) => ({ value: c, label: t(`closureReason.${c}`) }))}
              onChange={(e) => {
                setReason(e.target.value);
                // The reason usually says the outcome too: fill it in, still open to change.
                const mapped = e.target.value ? DEFAULT_CLOSURE_REASON_MAP[e.target.value as ClosureReason] : '';
                if (outcomes && mapped && outcomes.includes(mapped)) setOutcome(mapped);
              }}
              error={errors.reason}
            />
          )}
          {outcomes && (
            <SelectField
              label={t('ref.outcome')}
              required
              value={outcome}
              placeholder={t('ref.choose')}
              options={outcomes.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
              onChange={(e) => setOutcome(e.target.value)}
              error={errors.outcome}
            />
          )}
          <TextAreaField
            label={t('ref.note')}
            optionalLabel={reason === 'other' || outcome === 'other' ? undefined : t('common.optional')}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={errors.note}
          />
          <div className="form-actions">
            <Button
              type="submit"
              variant={danger.has(to) ? 'danger' : 'primary'}
              loading={change.isPending}
              disabled={(rule === 'required' && !reason) || (!!outcomes && !outcome)}
            >
              {t(`refAction.${to}`)}
            </Button>
            <Button variant="secondary" onClick={() => setTo(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
