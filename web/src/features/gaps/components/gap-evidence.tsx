import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Card } from '../../../components/ui/card';
import { Fact } from '../../../components/ui/fact';
import { Spinner } from '../../../components/ui/spinner';
import { useI18n } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/errors';
import { gapQueries, lastYear } from '../api/queries';
import { PeriodFields } from './period-fields';

/** What shows the gap in a period: declined referrals by reason, full or waitlisted services, notes. */
export function GapEvidence({ id }: { id: string }) {
  const { t } = useI18n();
  const [period, setPeriod] = useState(lastYear);
  const ev = useQuery(gapQueries.evidence(id, period));
  return (
    <Card title={t('gaps.evidence')}>
      <PeriodFields period={period} onChange={setPeriod} />
      {ev.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : ev.isError ? (
        <Alert tone="danger">{errorMessage(ev.error, t)}</Alert>
      ) : (
        <dl className="facts gap-facts">
          <Fact label={t('gaps.evDeclines')}>{ev.data.declines.total}</Fact>
          <Fact label={t('gaps.evNoCapacity')}>{ev.data.declines.no_capacity}</Fact>
          <Fact label={t('gaps.evOutOfArea')}>{ev.data.declines.out_of_area}</Fact>
          <Fact label={t('gaps.evNotEligible')}>{ev.data.declines.not_eligible}</Fact>
          <Fact label={t('gaps.evSent')}>{ev.data.referralsSent}</Fact>
          <Fact label={t('gaps.evFull')}>{ev.data.servicesFull}</Fact>
          <Fact label={t('gaps.evWaitlist')}>{ev.data.servicesWaitlist}</Fact>
          <Fact label={t('gaps.evNotes')}>{ev.data.notes}</Fact>
        </dl>
      )}
    </Card>
  );
}
