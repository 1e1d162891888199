import type { ReactNode } from 'react';

type Props = { title?: string; actions?: ReactNode; children: ReactNode; className?: string; headingLevel?: 2 | 3 };

export function Card({ title, actions, children, className, headingLevel = 2 }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    // Not a landmark: a page of cards would flood the landmark list; the heading gives structure.
    <div className={`card ${className ?? ''}`}>
      {(title || actions) && (
        <div className="card-header">
          {title && <Heading className="card-title">{title}</Heading>}
          {actions && <div className="card-actions">{actions}</div>}
        </div>
      )}
      <div className="card-body">{children}</div>
    </div>
  );
}
