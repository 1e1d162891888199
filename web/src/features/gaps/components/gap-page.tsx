import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { Fact } from '../../../components/ui/fact';
import { PageHeader } from '../../../components/ui/page-header';
import { Spinner } from '../../../components/ui/spinner';
import { paths } from '../../../config/paths';
import { useI18n } from '../../../i18n/i18n-provider';
import type { MessageKey } from '../../../i18n/en';
import { errorMessage } from '../../../lib/errors';
import { spaLabel } from '../../../lib/labels';
import { gapQueries } from '../api/queries';
import { GapEvidence } from './gap-evidence';
import { GapHistory } from './gap-history';
import { GapStatusActions } from './gap-status-actions';
import { severityTone, statusTone, subjectKey } from './labels';
import './gaps.css';

/** One gap: its facts, the moves its status allows (writers), the evidence and the history. */
export function GapPage({ id, canWrite }: { id: string; canWrite: boolean }) {
  const { t } = useI18n();
  const gap = useQuery(gapQueries.detail(id));
  if (gap.isPending) return <Spinner label={t('app.loading')} />;
  if (gap.isError) return <Alert tone="danger">{errorMessage(gap.error, t)}</Alert>;
  const g = gap.data;
  return (
    <>
      <PageHeader title={g.title} description={<Link to={paths.gaps.href()}>{t('gaps.back')}</Link>} />
      <Card>
        <dl className="facts gap-facts">
          <Fact label={t('gaps.status')}>
            <Badge tone={statusTone[g.status]}>{t(`gapStatus.${g.status}` as MessageKey)}</Badge>
          </Fact>
          <Fact label={t('gaps.severity')}>
            <Badge tone={severityTone[g.severity]}>{t(`gapSeverity.${g.severity}` as MessageKey)}</Badge>
          </Fact>
          <Fact label={t('gaps.spa')}>{spaLabel(g.spa)}</Fact>
          <Fact label={g.category ? t('gaps.kindCategory') : t('gaps.kindCommunitySupport')}>{t(subjectKey(g))}</Fact>
          <Fact label={t('gaps.focusPopulation')}>{g.focusPopulation ? t(`focus.${g.focusPopulation}` as MessageKey) : '—'}</Fact>
          <Fact label={t('gaps.owner')}>{g.ownerName ?? '—'}</Fact>
          {g.statusRationale && <Fact label={t('gaps.rationale')}>{g.statusRationale}</Fact>}
          {g.description && <Fact label={t('gaps.description')}>{g.description}</Fact>}
          <Fact label={t('gaps.agreements')}>
            {g.linkedAgreementIds.length
              ? g.linkedAgreementIds.map((a, i) => (
                  <span key={a}>
                    {i > 0 && ', '}
                    <Link to={paths.directoryAgreement.href(a)}>{t('gaps.agreementN', { n: i + 1 })}</Link>
                  </span>
                ))
              : '—'}
          </Fact>
        </dl>
        {canWrite && <GapStatusActions gap={g} />}
      </Card>
      <GapEvidence id={g.id} />
      <GapHistory id={g.id} canWrite={canWrite} />
    </>
  );
}
