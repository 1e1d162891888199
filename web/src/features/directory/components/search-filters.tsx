import { useId, useState } from 'react';
import { COMMUNITY_SUPPORTS, FOCUS_POPULATIONS, LANGUAGES, SDOH_CATEGORIES, SPA_CODES } from '@tandem/contract';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { spaLabel } from '../../../lib/labels';
import type { SearchFilters } from '../api/queries';
import { activeFilterCount } from './search-params';
import './directory.css';

type Props = {
  filters: SearchFilters;
  onChange: (key: keyof SearchFilters, value: string | undefined) => void;
  onClear: () => void;
};

/** The filters: always shown on a wide screen; behind a "Filters" disclosure on a phone. */
export function SearchFilterPanel({ filters, onChange, onClear }: Props) {
  const t = useT();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const count = activeFilterCount(filters);
  const select = (key: keyof SearchFilters) => ({
    name: key,
    value: (filters[key] as string | undefined) ?? '',
    onChange: (e: { target: { value: string } }) => onChange(key, e.target.value || undefined),
  });
  return (
    <div className="dir-filters">
      <button type="button" className="btn btn-secondary dir-filters-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {count ? t('dir.filtersCount', { count }) : t('dir.filters')}
      </button>
      <div id={panelId} className={`dir-filters-panel${open ? ' is-open' : ''}`} role="group" aria-label={t('dir.filters')}>
        <SelectField
          label={t('dir.category')}
          placeholder={t('dir.anyCategory')}
          options={SDOH_CATEGORIES.map((v) => ({ value: v, label: t(`sdoh.${v}`) }))}
          {...select('category')}
        />
        <SelectField label={t('dir.spa')} placeholder={t('dir.anySpa')} options={SPA_CODES.map((v) => ({ value: v, label: spaLabel(v) }))} {...select('spa')} />
        <SelectField
          label={t('dir.language')}
          placeholder={t('dir.anyLanguage')}
          options={LANGUAGES.map((v) => ({ value: v, label: t(`language.${v}`) }))}
          {...select('language')}
        />
        <SelectField
          label={t('dir.focusPopulation')}
          placeholder={t('dir.anyFocus')}
          options={FOCUS_POPULATIONS.map((v) => ({ value: v, label: t(`focus.${v}`) }))}
          {...select('focusPopulation')}
        />
        <SelectField
          label={t('dir.communitySupport')}
          placeholder={t('dir.anyCommunitySupport')}
          options={COMMUNITY_SUPPORTS.map((v) => ({ value: v, label: t(`cs.${v}`) }))}
          {...select('communitySupport')}
        />
        <TextField
          label={t('dir.age')}
          hint={t('dir.ageHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          name="age"
          value={filters.age === undefined ? '' : String(filters.age)}
          onChange={(e) => onChange('age', e.target.value || undefined)}
        />
        <div className="dir-toggles">
          <Toggle label={t('dir.openNow')} on={filters.openNow === 'true'} onToggle={(on) => onChange('openNow', on ? 'true' : undefined)} />
          <Toggle label={t('dir.acceptingOnly')} on={filters.accepting === 'true'} onToggle={(on) => onChange('accepting', on ? 'true' : undefined)} />
        </div>
        {count > 0 && (
          <Button variant="ghost" size="sm" onClick={onClear}>
            {t('dir.clearFilters')}
          </Button>
        )}
      </div>
    </div>
  );
}

function Toggle({ label, on, onToggle }: { label: string; on: boolean; onToggle: (on: boolean) => void }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={on} onChange={(e) => onToggle(e.target.checked)} />
      <span className="checkbox-label">{label}</span>
    </label>
  );
}
