import type { Db } from '@tandem/db';
import { AppError } from '../../../lib/app-error';
import { applyPlan } from './apply';
import { importRepo, loadExisting } from './repo';
import { HSDS_FILE_NAMES, validateDataset, type HsdsImportReport } from './validate';

export interface ImportOptions {
  /** Check and count, write nothing; bad rows are in the report instead of a 422. */
  dryRun?: boolean;
  /** Uploaded files that were not read (package.ts sortUploads), carried into the report. */
  skippedFiles?: HsdsImportReport['skippedFiles'];
}

/** Thrown inside the transaction to roll a dry run back after counting. */
class DryRun {
  constructor(readonly report: HsdsImportReport) {}
}

const ORDER = [...HSDS_FILE_NAMES];

/**
 * Imports an HSDS 3.0 tabular dataset (file name → CSV text) into the directory, used by both
 * POST /api/v1/directory/imports and `pnpm hsds:import`. All or nothing: every row is checked
 * first, and one bad row means nothing is written (422 with every bad row in `report.errors`).
 * A dry run does the same work and rolls it back, so its counts are the real import's.
 */
export const importDataset = async (db: Db, files: Record<string, string>, opts: ImportOptions = {}): Promise<HsdsImportReport> => {
  const dryRun = Boolean(opts.dryRun);
  const base = {
    dryRun,
    files: Object.keys(files).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)),
    skippedFiles: opts.skippedFiles ?? [],
  };
  try {
    return await db.transaction(async (tx) => {
      // One import at a time: two at once would both create the same new rows.
      await importRepo.lock(tx);
      const existing = await loadExisting(tx);
      const { plan, errors, warnings } = validateDataset(files, existing);
      if (errors.length) {
        const report = { ...base, created: 0, updated: 0, unchanged: 0, errors, warnings, tables: {} };
        if (dryRun) throw new DryRun(report);
        throw new AppError('constraint_violation', `${errors.length} problem(s) in the dataset; nothing was imported.`, {
          errors: errors.map((e) => ({ path: `${e.file}:${e.row}.${e.field}`, message: e.problem })),
          report,
        });
      }
      const tables = await applyPlan(tx, plan, existing);
      const total = (k: 'created' | 'updated' | 'unchanged') => Object.values(tables).reduce((n, c) => n + c[k], 0);
      const report = {
        ...base,
        created: total('created'),
        updated: total('updated'),
        unchanged: total('unchanged'),
        errors: [],
        warnings,
        tables,
      };
      if (dryRun) throw new DryRun(report);
      return report;
    });
  } catch (e) {
    if (e instanceof DryRun) return e.report;
    throw e;
  }
};
