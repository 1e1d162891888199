import { Card } from '../../components/ui/card';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n-provider';

/** Areas that later issues fill in: a heading and a plain note, so navigation can be tried today. */
export function PlaceholderRoute({ title, description }: { title: MessageKey; description: MessageKey }) {
  const t = useT();
  return (
    <>
      <PageHeader title={t(title)} description={t(description)} />
      <Card>
        <EmptyState title={t('placeholder.soon')}>{t('placeholder.body')}</EmptyState>
      </Card>
    </>
  );
}
