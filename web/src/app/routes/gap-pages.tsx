import { useParams } from 'react-router';
import { CoveragePage } from '../../features/gaps/components/coverage-page';
import { GapPage } from '../../features/gaps/components/gap-page';
import { GapsBoard } from '../../features/gaps/components/gaps-board';
import { isNetworkStaff } from '../nav';
import { useMe } from './protected-layout';

/** Network staff write gaps; board coordinators read them (Require in the router keeps others out). */
export function GapsRoute() {
  return <GapsBoard canWrite={isNetworkStaff(useMe())} />;
}

export function GapRoute() {
  const { id = '' } = useParams();
  return <GapPage key={id} id={id} canWrite={isNetworkStaff(useMe())} />;
}

export function CoverageRoute() {
  return <CoveragePage />;
}
