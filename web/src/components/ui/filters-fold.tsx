import { useState, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n-provider';

/**
 * A list's filters, folded away on a phone (closed by default at 640 px and below) so the first
 * result is above the fold; open on larger screens. The summary says how many filters are on.
 */
export function FiltersFold({ active, children }: { active: number; children: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(() => typeof window === 'undefined' || !window.matchMedia?.('(max-width: 640px)').matches);
  return (
    <details className="filters-fold" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{active > 0 ? t('common.filtersActive', { count: active }) : t('common.filtersShow')}</summary>
      {children}
    </details>
  );
}
