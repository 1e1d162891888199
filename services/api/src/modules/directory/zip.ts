import type * as ZipCodes from 'zipcodes';
import { AppError } from '../../lib/app-error';

let zipcodes: Promise<typeof ZipCodes> | undefined;

/**
 * The centroid of a five-digit US ZIP code, from the `zipcodes` package's table (no outside
 * service). The table is 5 MB of JavaScript that takes about half a second to load: loaded on the
 * first search by ZIP, not at startup. An unknown ZIP code is a 400 naming query.zip.
 */
export const zipCentroid = async (zip: string): Promise<{ lat: number; lng: number }> => {
  zipcodes ??= import('zipcodes');
  const hit = (await zipcodes).lookup(zip);
  if (!hit || hit.country !== 'US' || !Number.isFinite(hit.latitude) || !Number.isFinite(hit.longitude)) {
    throw new AppError('validation_failed', `No ZIP code ${zip} is known.`, { errors: [{ path: 'query.zip', message: 'Unknown ZIP code', code: 'unknown_zip' }] });
  }
  return { lat: hit.latitude, lng: hit.longitude };
};
