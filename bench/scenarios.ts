import { auditGroup } from './audit';
import { ceilingGroup } from './ceiling';
import { directoryGroup } from './directory';
import { mixedGroup } from './mixed';
import { referralsGroup } from './referrals';
import { reportsGroup } from './reports';
import type { ScenarioGroup } from './types';

/** Every scenario group, in run order; `--scenarios=a,b` picks some. */
export const SCENARIO_GROUPS: ScenarioGroup[] = [ceilingGroup, directoryGroup, referralsGroup, auditGroup, mixedGroup, reportsGroup];

export const selectGroups = (names: string[] | undefined) => {
  if (!names?.length) return SCENARIO_GROUPS;
  const unknown = names.filter((n) => !SCENARIO_GROUPS.some((g) => g.name === n));
  if (unknown.length) throw new Error(`Unknown scenario group(s): ${unknown.join(', ')}. Known: ${SCENARIO_GROUPS.map((g) => g.name).join(', ')}`);
  return SCENARIO_GROUPS.filter((g) => names.includes(g.name));
};
