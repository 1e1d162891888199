import { ORG_TYPES, SPA_CODES, type OrgType, type Spa } from '@tandem/contract';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../i18n/i18n-provider';
import { spaLabel } from '../../../lib/labels';

type Props = {
  q: string;
  type: OrgType | undefined;
  spa: Spa | undefined;
  onQ: (q: string) => void;
  onType: (type: OrgType | undefined) => void;
  onSpa: (spa: Spa | undefined) => void;
};

export function OrganizationFilters({ q, type, spa, onQ, onType, onSpa }: Props) {
  const t = useT();
  return (
    <form className="filters" role="search" aria-label={t('orgs.filters')} onSubmit={(e) => e.preventDefault()}>
      <TextField label={t('orgs.search')} type="search" name="q" value={q} onChange={(e) => onQ(e.target.value)} autoComplete="off" />
      <SelectField
        label={t('orgs.type')}
        name="type"
        value={type ?? ''}
        placeholder={t('orgs.allTypes')}
        options={ORG_TYPES.map((v) => ({ value: v, label: t(`orgType.${v}`) }))}
        onChange={(e) => onType((e.target.value || undefined) as OrgType | undefined)}
      />
      <SelectField
        label={t('orgs.spa')}
        name="spa"
        value={spa ?? ''}
        placeholder={t('orgs.allSpas')}
        options={SPA_CODES.map((v) => ({ value: v, label: spaLabel(v) }))}
        onChange={(e) => onSpa((e.target.value || undefined) as Spa | undefined)}
      />
    </form>
  );
}
