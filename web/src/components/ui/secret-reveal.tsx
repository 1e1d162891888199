import { useEffect, useId, useRef } from 'react';
import { Button } from './button';
import { CopyButton } from './copy-button';
import { useT } from '../../i18n/i18n-provider';

/** What the secret is, in the reader's language. */
export interface SecretTexts {
  title: string;
  warning: string;
  label: string;
  done: string;
}

/** A new secret (an API key's, a webhook's signing secret), shown once. Focus moves here so nobody misses it. */
export function SecretReveal({ secret, onDone, texts }: { secret: string; onDone: () => void; texts: SecretTexts }) {
  const t = useT();
  const id = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => boxRef.current?.focus(), []);
  return (
    <div className="secret-box secret-box-warning" ref={boxRef} tabIndex={-1} aria-labelledby={`${id}-title`}>
      <p className="secret-title" id={`${id}-title`}>
        {texts.title}
      </p>
      <p className="secret-warning" id={`${id}-warning`}>
        <span aria-hidden="true">⚠ </span>
        {texts.warning}
      </p>
      <div className="secret-row">
        <label className="visually-hidden" htmlFor={id}>
          {texts.label}
        </label>
        <input
          id={id}
          className="input secret-value"
          readOnly
          value={secret}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton
          text={secret}
          label={t('common.copy')}
          copiedLabel={t('common.copied')}
          failedLabel={t('common.copyFailed')}
          describedBy={`${id}-warning`}
        />
      </div>
      <Button variant="secondary" size="sm" onClick={onDone}>
        {texts.done}
      </Button>
    </div>
  );
}
