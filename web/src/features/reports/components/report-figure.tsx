import { useId, useState, type ReactNode } from 'react';
import { useT } from '../../../i18n/i18n-provider';

/** A button that downloads the report's CSV (the download itself is the caller's: the API's CSV, or one made here). */
export function CsvButton({ download, label }: { download: () => Promise<void> | void; label?: string }) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const run = async () => {
    setState('busy');
    try {
      await download();
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="report-csv">
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => void run()} disabled={state === 'busy'} aria-label={label}>
        {state === 'busy' ? t('reports.downloading') : t('reports.downloadCsv')}
      </button>
      {state === 'failed' && (
        <span className="report-csv-error" role="alert">
          {t('reports.csvFailed')}
        </span>
      )}
    </span>
  );
}

/**
 * One chart of a report: its heading, a note on how it counts, the chart, a CSV download, and the
 * same figures as a real table (a <details>, for screen readers and people who prefer numbers).
 */
export function ReportFigure({
  title,
  note,
  controls,
  csv,
  table,
  children,
}: {
  title: string;
  note?: ReactNode;
  controls?: ReactNode;
  csv: () => Promise<void> | void;
  table: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const id = useId();
  return (
    <section className="card report-figure" aria-labelledby={id}>
      <div className="card-body">
        <div className="report-figure-head">
          <h2 id={id} className="card-title">
            {title}
          </h2>
          <CsvButton download={csv} label={`${t('reports.downloadCsv')}: ${title}`} />
        </div>
        {note && <p className="report-note">{note}</p>}
        {controls && <div className="report-controls">{controls}</div>}
        <div className="report-chart">{children}</div>
        <details className="report-table">
          <summary>{t('reports.tableView')}</summary>
          {table}
        </details>
      </div>
    </section>
  );
}

/** A two-choice toggle (pressed buttons), as the notifications filter does. */
export function Toggle<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((o) => (
        <button key={o.value} type="button" aria-pressed={value === o.value} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
