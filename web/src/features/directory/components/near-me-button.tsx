import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n/i18n-provider';

type Props = { near: string | undefined; onNear: (near: string | undefined) => void };

/** Sorts by distance from where the phone is, if the person allows the browser to share it. */
export function NearMeButton({ near, onNear }: Props) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'locating' | 'denied'>('idle');
  if (near)
    return (
      <Button variant="secondary" aria-pressed="true" onClick={() => onNear(undefined)}>
        {t('dir.nearMeOn')}
      </Button>
    );
  const locate = () => {
    if (!('geolocation' in navigator)) return setState('denied');
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setState('idle');
        // Three decimals (about 100 m) is enough to rank services and says less about the person.
        onNear(`${pos.coords.latitude.toFixed(3)},${pos.coords.longitude.toFixed(3)}`);
      },
      () => setState('denied'),
      { maximumAge: 300_000, timeout: 15_000 },
    );
  };
  return (
    <>
      <Button variant="secondary" aria-pressed="false" loading={state === 'locating'} onClick={locate}>
        {t('dir.nearMe')}
      </Button>
      {state === 'denied' && (
        <span className="field-error" role="status">
          {t('dir.nearMeDenied')}
        </span>
      )}
    </>
  );
}
