import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Field } from '../../../components/ui/field';
import { PageHeader } from '../../../components/ui/page-header';
import { Table } from '../../../components/ui/table';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { hsdsPackageHref, reportOf, type HsdsImportReport } from '../api/queries';
import { useImportDirectory } from '../api/use-import-directory';
import './hsds.css';

/**
 * The directory in and out as an Open Referral HSDS 3.0 data package (network admins): download
 * the zip; upload a zip or CSV files, read the dry run's report (bad rows, files it will not read),
 * then confirm the import.
 */
export function HsdsPage() {
  const { t } = useI18n();
  const [files, setFiles] = useState<File[]>([]);
  const [checked, setChecked] = useState<HsdsImportReport | undefined>();
  const [done, setDone] = useState<HsdsImportReport | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const importing = useImportDirectory();
  const refused = reportOf(importing.error);
  const report = done ?? refused ?? checked;

  const choose = (list: FileList | null) => {
    setFiles(list ? [...list] : []);
    setChecked(undefined);
    setDone(undefined);
    setFileError(undefined);
    importing.reset();
  };
  const check = (e: FormEvent) => {
    e.preventDefault();
    if (!files.length) {
      setFileError(t('hsds.chooseFirst'));
      input.current?.focus();
      return;
    }
    setDone(undefined);
    importing.mutate({ files, dryRun: true }, { onSuccess: setChecked });
  };
  const confirm = () =>
    importing.mutate(
      { files, dryRun: false },
      {
        onSuccess: (r) => {
          setDone(r);
          setChecked(undefined);
          setFiles([]);
          if (input.current) input.current.value = '';
        },
      },
    );
  const canConfirm = !!checked && !checked.errors.length && !done;

  return (
    <>
      <PageHeader title={t('hsds.title')} description={t('hsds.intro')} />
      <div className="hsds-page">
        <Card title={t('hsds.exportTitle')}>
          <p>{t('hsds.exportText')}</p>
          <a className="btn btn-secondary" href={hsdsPackageHref} download>
            {t('hsds.download')}
          </a>
        </Card>

        <Card title={t('hsds.importTitle')}>
          <form className="hsds-upload" onSubmit={check} noValidate>
            <Field label={t('hsds.files')} hint={t('hsds.filesHint')} error={fileError}>
              {(a11y) => (
                <input
                  {...a11y}
                  ref={input}
                  className="hsds-file-input"
                  type="file"
                  name="files"
                  multiple
                  accept=".zip,.csv,.json,application/zip,text/csv"
                  onChange={(e) => choose(e.target.files)}
                />
              )}
            </Field>
            {files.length > 0 && (
              <p className="hsds-chosen">{t('hsds.chosen', { count: files.length, names: files.map((f) => f.name).join(', ') })}</p>
            )}
            <div className="hsds-actions">
              <Button
                type="submit"
                variant={canConfirm ? 'secondary' : 'primary'}
                loading={importing.isPending && importing.variables?.dryRun}
              >
                {t('hsds.check')}
              </Button>
              {canConfirm && (
                <Button onClick={confirm} loading={importing.isPending && importing.variables?.dryRun === false}>
                  {t('hsds.confirm')}
                </Button>
              )}
            </div>
          </form>

          {importing.isError && !refused && <Alert tone="danger">{errorMessage(importing.error, t)}</Alert>}
          {report && <ImportReport report={report} refused={!!refused} />}
        </Card>
      </div>
    </>
  );
}

function ImportReport({ report, refused }: { report: HsdsImportReport; refused: boolean }) {
  const { t } = useI18n();
  const counts = { created: report.created, updated: report.updated, unchanged: report.unchanged };
  return (
    <section className="hsds-report" aria-label={t('hsds.report')}>
      {report.errors.length > 0 ? (
        <Alert tone="danger" title={t(refused ? 'hsds.refused' : 'hsds.badRows', { count: report.errors.length })}>
          {t('hsds.badRowsText')}
        </Alert>
      ) : report.dryRun ? (
        <Alert tone="info" title={t('hsds.wouldImport', counts)}>
          {t('hsds.confirmText')}
        </Alert>
      ) : (
        <Alert tone="success" title={t('hsds.imported', counts)} />
      )}

      {report.files.length > 0 && (
        <p className="hsds-read">
          {t('hsds.read')} {report.files.join(', ')}
        </p>
      )}

      {report.errors.length > 0 && (
        <Table
          label={t('hsds.errorsTable')}
          head={
            <>
              <th scope="col">{t('hsds.file')}</th>
              <th scope="col">{t('hsds.row')}</th>
              <th scope="col">{t('hsds.field')}</th>
              <th scope="col">{t('hsds.problem')}</th>
            </>
          }
        >
          {report.errors.map((e, i) => (
            <tr key={i}>
              <td>{e.file}</td>
              <td>{e.row || '—'}</td>
              <td>{e.field || '—'}</td>
              <td>{e.problem}</td>
            </tr>
          ))}
        </Table>
      )}

      {report.skippedFiles.length > 0 && (
        <Table
          label={t('hsds.skippedTable')}
          head={
            <>
              <th scope="col">{t('hsds.file')}</th>
              <th scope="col">{t('hsds.why')}</th>
            </>
          }
        >
          {report.skippedFiles.map((s) => (
            <tr key={s.file}>
              <td>{s.file}</td>
              <td>
                <Badge tone={s.code === 'unrecognized_file' ? 'warning' : 'neutral'}>{t(`hsds.skipped.${s.code}`)}</Badge>{' '}
                <span className="hsds-reason">{s.reason}</span>
              </td>
            </tr>
          ))}
        </Table>
      )}

      {report.warnings.length > 0 && (
        <details className="hsds-warnings">
          <summary>{t('hsds.warnings', { count: report.warnings.length })}</summary>
          <ul>
            {report.warnings.map((w, i) => (
              <li key={i}>
                {w.file}
                {w.row ? `:${w.row}` : ''} {w.field} — {w.problem}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
