import { Link } from 'react-router';
import { Card } from '../../components/ui/card';
import { EmptyState } from '../../components/ui/empty-state';
import { paths } from '../../config/paths';
import { useT } from '../../i18n/i18n-provider';

export function Forbidden() {
  const t = useT();
  return (
    <Card>
      <EmptyState title={t('forbidden.title')} action={<Link to={paths.home.href()}>{t('notFound.home')}</Link>}>
        {t('forbidden.body')}
      </EmptyState>
    </Card>
  );
}

export function NotFoundRoute() {
  const t = useT();
  return (
    <Card>
      <h1 className="page-title">{t('notFound.title')}</h1>
      <EmptyState title={t('notFound.body')} action={<Link to={paths.home.href()}>{t('notFound.home')}</Link>} />
    </Card>
  );
}
