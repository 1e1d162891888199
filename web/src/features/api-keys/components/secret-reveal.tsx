import { useEffect, useId, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { useT } from '../../../i18n/i18n-provider';
import './api-keys.css';

/** The new key's secret, shown once. Focus moves here so nobody misses it. */
export function SecretReveal({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const t = useT();
  const id = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => boxRef.current?.focus(), []);
  return (
    <div className="secret-box secret-box-warning" ref={boxRef} tabIndex={-1} aria-labelledby={`${id}-title`}>
      <p className="secret-title" id={`${id}-title`}>
        {t('apiKeys.secretTitle', { name })}
      </p>
      <p className="secret-warning" id={`${id}-warning`}>
        <span aria-hidden="true">⚠ </span>
        {t('apiKeys.secretWarning')}
      </p>
      <div className="secret-row">
        <label className="visually-hidden" htmlFor={id}>
          {t('apiKeys.secretLabel')}
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
        {t('apiKeys.secretDone')}
      </Button>
    </div>
  );
}
