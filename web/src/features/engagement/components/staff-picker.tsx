import { useQuery } from '@tanstack/react-query';
import { NETWORK_ROLES, type Role } from '@tandem/contract';
import { CheckboxGroup } from '../../../components/ui/checkbox-group';
import { useT } from '../../../i18n/i18n-provider';
import { engagementQueries } from '../api/queries';

/** Staff leads: the network organization's people who hold a network role (the API accepts only them). */
export function StaffPicker({ networkOrgId, value, onChange, error }: { networkOrgId: string | null; value: string[]; onChange: (ids: string[]) => void; error?: string | undefined }) {
  const t = useT();
  const people = useQuery({ ...engagementQueries.staffOptions(networkOrgId ?? ''), enabled: Boolean(networkOrgId) });
  const leads = (people.data?.data ?? []).filter((p) => (NETWORK_ROLES as readonly Role[]).includes(p.role));
  if (!leads.length) return null;
  return (
    <CheckboxGroup legend={t('engagement.staffLeads')} name="staffLeadIds" value={value} onChange={onChange} error={error} options={leads.map((p) => ({ value: p.userId, label: p.name }))} />
  );
}
