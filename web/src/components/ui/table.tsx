import type { ReactNode } from 'react';

/**
 * A data table that scrolls sideways on narrow screens instead of squashing. The scroll region
 * is focusable and labelled so keyboard users can scroll it too.
 */
export function Table({ label, head, children }: { label: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
