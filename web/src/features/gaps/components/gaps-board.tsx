import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { GAP_STATUSES, type GapStatus } from '@tandem/contract';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/i18n-provider';
import type { MessageKey } from '../../../i18n/en';
import { errorMessage } from '../../../lib/errors';
import { spaShort } from '../../../lib/labels';
import { gapQueries, type Gap } from '../api/queries';
import { GapForm } from './gap-form';
import { severityTone, subjectKey } from './labels';
import './gaps.css';

/**
 * The gaps board: one column per status, newest first. `canWrite`: the collaboration team and
 * network admins record gaps (board coordinators read; the API refuses others).
 */
export function GapsBoard({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const list = useInfiniteQuery(gapQueries.list({}));
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const byStatus = (s: GapStatus) => rows.filter((g) => g.status === s);
  return (
    <>
      <PageHeader
        title={t('gaps.title')}
        description={t('gaps.intro')}
        actions={
          <>
            <Link className="btn btn-secondary" to={paths.coverage.href()}>
              {t('coverage.title')}
            </Link>
            {canWrite && !adding && <Button onClick={() => setAdding(true)}>{t('gaps.new')}</Button>}
          </>
        }
      />
      {adding && (
        <Card title={t('gaps.new')}>
          <GapForm onDone={(id) => navigate(paths.gap.href(id))} onCancel={() => setAdding(false)} />
        </Card>
      )}
      {list.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : list.isError ? (
        <Alert tone="danger">{errorMessage(list.error, t)}</Alert>
      ) : (
        <div className="gap-board">
          {GAP_STATUSES.map((s) => (
            <section key={s} className="gap-column" aria-labelledby={`gap-col-${s}`}>
              <h2 id={`gap-col-${s}`} className="gap-column-title">
                {t(`gapStatus.${s}` as MessageKey)} <span className="gap-count">{byStatus(s).length}</span>
              </h2>
              <ul className="gap-cards">
                {byStatus(s).map((g) => (
                  <GapCard key={g.id} gap={g} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}

function GapCard({ gap }: { gap: Gap }) {
  const { t } = useI18n();
  return (
    <li className="gap-card">
      <Link className="gap-card-title" to={paths.gap.href(gap.id)}>
        {gap.title}
      </Link>
      <span className="gap-card-sub">
        {spaShort(gap.spa)} · {t(subjectKey(gap))}
      </span>
      <Badge tone={severityTone[gap.severity]}>{t(`gapSeverity.${gap.severity}` as MessageKey)}</Badge>
    </li>
  );
}
