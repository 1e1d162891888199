import { useEffect, useRef, useState } from 'react';
import { Button } from './button';

type Props = {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  loading?: boolean;
};

/** A destructive action that asks first, in place (no modal to trap focus in or dismiss). */
export function InlineConfirm({ label, question, confirmLabel, cancelLabel, onConfirm, loading = false }: Props) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <Button variant="ghost" size="sm" className="btn-danger-text" onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  return (
    <div className="inline-confirm" role="group" aria-label={question}>
      <span className="inline-confirm-question">{question}</span>
      <Button ref={confirmRef} variant="danger" size="sm" loading={loading} onClick={onConfirm}>
        {confirmLabel}
      </Button>
      <Button variant="secondary" size="sm" onClick={() => setAsking(false)} disabled={loading}>
        {cancelLabel}
      </Button>
    </div>
  );
}
