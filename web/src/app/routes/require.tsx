import type { ReactNode } from 'react';
import type { Me } from '@tandem/contract';
import { Forbidden } from './forbidden';
import { useMe } from './protected-layout';

/** Shows the page only to people the rule allows; the API enforces the same rule on every request. */
export function Require({ allow, children }: { allow: (me: Me) => boolean; children: ReactNode }) {
  const me = useMe();
  return allow(me) ? children : <Forbidden />;
}
