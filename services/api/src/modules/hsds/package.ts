import path from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { AppError } from '../../lib/app-error';
import { HSDS_RESOURCES } from './datapackage-resources';
import { HSDS_FILE_NAMES, type HsdsImportReport } from './import/validate';

type HsdsSkippedFile = HsdsImportReport['skippedFiles'][number];

// The HSDS 3.0 tabular data package as one zip (Frictionless tabular-data-package: datapackage.json
// beside one CSV per resource), and the other way: uploads (CSV files, zips, a folder) sorted into
// the files the importer reads and those it skips, each skipped one with a stable code.

export const DATAPACKAGE = 'datapackage.json';

/** The descriptor for the CSV files of an export, in their order. */
export const datapackageOf = (files: Record<string, string>, created: Date) => ({
  profile: 'tabular-data-package',
  name: 'human_services_data',
  title: 'Tandem network directory (Open Referral HSDS 3.0)',
  homepage: 'https://docs.openreferral.org/en/latest/hsds/',
  created: created.toISOString(),
  resources: HSDS_RESOURCES.filter((r) => files[r.path] !== undefined).map((r) => ({
    name: r.name,
    path: r.path,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema: r.schema,
  })),
});

/** The export's files zipped with their datapackage.json; entries dated `created`. */
export const zipPackage = (files: Record<string, string>, created: Date): Uint8Array => {
  const entries: Zippable = { [DATAPACKAGE]: strToU8(`${JSON.stringify(datapackageOf(files, created), null, 2)}\n`) };
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(text);
  return zipSync(entries, { level: 6, mtime: created });
};

// Limits on what one zip may unpack to (a small zip can declare gigabytes: refused before inflating).
export const ZIP_LIMITS = { entries: 200, bytes: 200 * 1024 * 1024 };

export interface Upload {
  /** As uploaded: a file name, or `archive.zip/inner/path.csv` for a zip entry. */
  name: string;
  data: Uint8Array;
}

const isZip = (u: Upload) =>
  u.name.toLowerCase().endsWith('.zip') || (u.data[0] === 0x50 && u.data[1] === 0x4b && u.data[2] === 0x03 && u.data[3] === 0x04);

/** A zip's files (folders left out) as uploads named `<zip>/<path>`; 400 malformed_archive when it does not unzip. */
export const unzipUpload = (zip: Upload): Upload[] => {
  let count = 0;
  let bytes = 0;
  let tooBig = '';
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip.data, {
      filter: (f) => {
        if (f.name.endsWith('/')) return false;
        count += 1;
        bytes += f.originalSize;
        if (count > ZIP_LIMITS.entries) tooBig ||= `more than ${ZIP_LIMITS.entries} files`;
        if (bytes > ZIP_LIMITS.bytes) tooBig ||= `more than ${ZIP_LIMITS.bytes / 1024 / 1024} MB once unpacked`;
        return !tooBig;
      },
    });
  } catch (e) {
    throw new AppError('malformed_archive', `${zip.name} is not a zip archive that can be read (${(e as Error).message || 'corrupt'}).`);
  }
  if (tooBig) throw new AppError('payload_too_large', `${zip.name} holds ${tooBig}.`);
  return Object.entries(entries).map(([name, data]) => ({ name: `${zip.name}/${name}`, data }));
};

const HSDS_PATHS = new Set<string>(HSDS_RESOURCES.map((r) => r.path));
/** Every file HSDS 3.0 names in its datapackage, including the ones Tandem neither reads nor writes. */
const ALL_HSDS_FILES = new Set([
  ...HSDS_PATHS,
  'programs.csv',
  'funding.csv',
  'required_documents.csv',
  'metadata.csv',
  'meta_table_descriptions.csv',
  'cost_options.csv',
  'organization_identifiers.csv',
]);

const decoder = new TextDecoder('utf-8');

/**
 * Uploads (zips unpacked) → the files the importer reads (lower-case base name → text) and the
 * ones it skips, each with a stable code. Nothing is dropped without a line in `skipped`.
 */
export const sortUploads = (uploads: Upload[]) => {
  const files: Record<string, string> = {};
  const skipped: HsdsSkippedFile[] = [];
  let descriptor = false;
  for (const u of uploads.flatMap((x) => (isZip(x) ? unzipUpload(x) : [x]))) {
    const base = path.posix.basename(u.name.replace(/\\/g, '/')).toLowerCase();
    if (base === DATAPACKAGE) {
      if (descriptor) skipped.push({ file: u.name, code: 'duplicate_file', reason: 'a second datapackage.json; the first one was used' });
      else {
        try {
          JSON.parse(decoder.decode(u.data));
          descriptor = true;
        } catch {
          skipped.push({ file: u.name, code: 'unrecognized_file', reason: 'datapackage.json is not valid JSON' });
        }
      }
      continue;
    }
    if (!HSDS_FILE_NAMES.has(base)) {
      skipped.push(
        ALL_HSDS_FILES.has(base)
          ? {
              file: u.name,
              code: 'not_imported',
              reason:
                base === 'taxonomies.csv'
                  ? "Tandem's taxonomies are fixed (SDOH categories, Medi-Cal Community Supports); terms are matched through taxonomy_terms.csv"
                  : 'an HSDS file whose data Tandem does not keep',
            }
          : { file: u.name, code: 'unrecognized_file', reason: 'not a file of the HSDS 3.0 tabular data package' },
      );
      continue;
    }
    if (files[base] !== undefined) {
      skipped.push({ file: u.name, code: 'duplicate_file', reason: `a second ${base}; the first one was read` });
      continue;
    }
    files[base] = decoder.decode(u.data);
  }
  return { files, skipped };
};
