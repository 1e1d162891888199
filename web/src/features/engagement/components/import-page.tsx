import { useState } from 'react';
import { Link } from 'react-router';
import { api, type EndpointOutput } from '@tandem/contract';
import { ApiError } from '@tandem/contract/client';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Table } from '../../../components/ui/table';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { useImportEvents } from '../api/use-import-events';
import './engagement.css';

type Report = EndpointOutput<typeof api.importEngagementEvents>;
type Problem = Report['problems'][number];

/** The problems of a report, or of a refused import (422 import_rejected carries the same list). */
const problemsOf = (report: Report | undefined, error: unknown): Problem[] =>
  error instanceof ApiError && Array.isArray(error.problem.problems) ? (error.problem.problems as Problem[]) : (report?.problems ?? []);

/** Past events from the team's spreadsheets: download the template, check the file, then import it all at once. */
export function ImportPage() {
  const t = useT();
  const run = useImportEvents();
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const report = run.data;
  const problems = problemsOf(report, run.error);
  const check = (csv: string) => run.mutate({ csv, dryRun: true });

  return (
    <>
      <p className="breadcrumbs">
        <Link to={paths.engagement.href()}>{t('nav.engagement')}</Link>
      </p>
      <PageHeader title={t('engagementImport.title')} description={t('engagementImport.intro')} />
      <div className="stack">
        <Card title={t('engagementImport.step1')}>
          <p>{t('engagementImport.templateHint')}</p>
          <a className="btn btn-secondary" href={api.getEngagementImportTemplate.path} download>
            {t('engagementImport.template')}
          </a>
        </Card>
        <Card title={t('engagementImport.step2')}>
          <label className="field-label" htmlFor="engagement-import-file">
            {t('engagementImport.file')}
          </label>
          <input
            id="engagement-import-file"
            className="input"
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              const csv = await f.text();
              setFile({ name: f.name, csv });
              check(csv);
            }}
          />
          {run.isPending && <p role="status">{t('engagementImport.checking')}</p>}
          {run.error && !problems.length ? <Alert tone="danger">{errorMessage(run.error, t)}</Alert> : null}
          {report && !report.dryRun && (
            <Alert tone="success" title={t('engagementImport.doneTitle')}>
              {t('engagementImport.done', { created: report.created, unchanged: report.unchanged })}
            </Alert>
          )}
          {report?.dryRun && !problems.length && file && (
            <div className="engagement-import-ready">
              <p role="status">{t('engagementImport.ready', { rows: report.rows, created: report.created, unchanged: report.unchanged })}</p>
              <Button onClick={() => run.mutate({ csv: file.csv, dryRun: false })} disabled={report.created === 0}>
                {t('engagementImport.import', { count: report.created })}
              </Button>
            </div>
          )}
          {problems.length > 0 && (
            <>
              <Alert tone="danger" title={t('engagementImport.problemsTitle', { count: problems.length })}>
                {t('engagementImport.problemsBody')}
              </Alert>
              <Table
                label={t('engagementImport.problemsTitle', { count: problems.length })}
                head={
                  <>
                    <th scope="col">{t('engagementImport.row')}</th>
                    <th scope="col">{t('engagementImport.column')}</th>
                    <th scope="col">{t('engagementImport.problem')}</th>
                  </>
                }
              >
                {problems.map((p, i) => (
                  <tr key={i}>
                    <th scope="row">{p.row}</th>
                    <td data-label={t('engagementImport.column')}>
                      <code>{p.column || '—'}</code>
                    </td>
                    <td data-label={t('engagementImport.problem')} lang="en">
                      {p.problem}
                    </td>
                  </tr>
                ))}
              </Table>
            </>
          )}
        </Card>
      </div>
    </>
  );
}
