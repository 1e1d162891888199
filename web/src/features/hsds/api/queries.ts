import { api, fillPath, type EndpointOutput, type Problem } from '@tandem/contract';
import { ApiError } from '@tandem/contract/client';

// The directory as an Open Referral HSDS 3.0 tabular data package: the zip to download, and the
// upload of a zip or of CSV files (multipart, which the typed client does not send) with a dry run.

export type HsdsImportReport = EndpointOutput<typeof api.importHsdsDirectory>;
export type HsdsSkippedFile = HsdsImportReport['skippedFiles'][number];

/** Same origin with the session cookie: a plain link downloads the zip (Content-Disposition names it). */
export const hsdsPackageHref = fillPath(api.exportHsdsPackage.path);

/**
 * Uploads the files (a .zip, CSVs, or both) to the import. A dry run answers the report even when
 * rows are bad; a real import that finds bad rows throws an ApiError whose problem carries the report.
 */
export const uploadHsds = async (files: readonly File[], dryRun: boolean): Promise<HsdsImportReport> => {
  const form = new FormData();
  for (const f of files) form.append(f.name, f, f.name);
  const res = await fetch(`${fillPath(api.importHsdsDirectory.path)}${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    body: form,
    credentials: 'include',
    headers: { accept: 'application/json', 'accept-language': document.documentElement.lang || 'en' },
  });
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const problem =
      data && typeof data === 'object' && 'code' in data
        ? (data as Problem)
        : ({ type: 'about:blank', title: res.statusText, status: res.status, code: 'internal_error' } as Problem);
    throw new ApiError(res.status, problem);
  }
  return data as HsdsImportReport;
};

/** The report a refused import carries (422: bad rows, nothing written). */
export const reportOf = (error: unknown): HsdsImportReport | undefined =>
  error instanceof ApiError ? ((error.problem as { report?: HsdsImportReport }).report ?? undefined) : undefined;
