import type { ReactNode } from 'react';

/** One labelled fact of a `<dl className="facts">`: the label as `dt`, the value as `dd`. */
export function Fact({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}
