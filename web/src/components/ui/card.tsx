import { useId, type ReactNode } from 'react';

type Props = { title?: string; actions?: ReactNode; children: ReactNode; className?: string; headingLevel?: 2 | 3 };

export function Card({ title, actions, children, className, headingLevel = 2 }: Props) {
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={title ? id : undefined}>
      {(title || actions) && (
        <div className="card-header">
          {title && (
            <Heading id={id} className="card-title">
              {title}
            </Heading>
          )}
          {actions && <div className="card-actions">{actions}</div>}
        </div>
      )}
      <div className="card-body">{children}</div>
    </section>
  );
}
