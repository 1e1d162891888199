import { useId, useState } from 'react';
import { useT } from '../../../i18n/i18n-provider';
import './directory.css';

type Props = { zip: string | undefined; onZip: (zip: string | undefined) => void; unknown: boolean };

/**
 * Search near a ZIP code: the API ranks by distance from the ZIP code's centroid. A five-digit
 * value goes into the address (and the search); anything shorter takes it out again.
 */
export function ZipField({ zip, onZip, unknown }: Props) {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState(zip ?? '');
  // The address changed without this field (Near me, Clear): show what the search uses.
  const [seen, setSeen] = useState(zip);
  if (zip !== seen) {
    setSeen(zip);
    if (zip !== undefined || value.length === 5) setValue(zip ?? '');
  }
  return (
    <div className="dir-zip">
      <label htmlFor={id} className="dir-zip-label">
        {t('dir.zip')}
      </label>
      <input
        id={id}
        className="input dir-zip-input"
        name="zip"
        inputMode="numeric"
        autoComplete="postal-code"
        pattern="[0-9]{5}"
        maxLength={5}
        placeholder="90011"
        value={value}
        aria-invalid={unknown || undefined}
        aria-describedby={unknown ? `${id}-error` : undefined}
        onChange={(e) => {
          const digits = e.target.value.replace(/\D/g, '').slice(0, 5);
          setValue(digits);
          onZip(digits.length === 5 ? digits : undefined);
        }}
      />
      {unknown && (
        <p id={`${id}-error`} className="field-error dir-zip-error">
          {t('dir.zipUnknown', { zip: zip ?? value })}
        </p>
      )}
    </div>
  );
}
