import { authEndpoints } from './auth/endpoints';
import { adminEndpoints } from './admin/endpoints';
import { healthEndpoints } from './common/health';
import { directoryEndpoints } from './directory/endpoints';

/** The whole REST surface at a glance: every endpoint the API serves and the client calls. */
export const api = {
  ...authEndpoints,
  ...adminEndpoints,
  ...directoryEndpoints,
  ...healthEndpoints,
};
export type Api = typeof api;
