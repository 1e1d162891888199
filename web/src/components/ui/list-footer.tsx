import type { ReactNode } from 'react';
import { Button } from './button';

/** What an infinite query gives the footer (react-query's useInfiniteQuery result fits). */
type Pages = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
type Props = { pages: Pages; moreLabel: string; summary?: ReactNode; live?: boolean };

/** Under a paged list: how many are shown (announced when `live`) and "load more" while there is more. */
export function ListFooter({ pages, moreLabel, summary, live }: Props) {
  if (summary === undefined && !pages.hasNextPage) return null;
  return (
    <div className="list-footer">
      {summary !== undefined && (
        <span className="muted" role={live ? 'status' : undefined}>
          {summary}
        </span>
      )}
      {pages.hasNextPage && (
        <Button variant="secondary" loading={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
          {moreLabel}
        </Button>
      )}
    </div>
  );
}
