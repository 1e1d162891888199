import type { ReactNode } from 'react';

type Props = {
  tone?: 'info' | 'success' | 'warning' | 'danger';
  title?: string;
  children?: ReactNode;
  onClose?: () => void;
  closeLabel?: string;
};

/** Errors interrupt (role=alert); confirmations and notes are announced politely (role=status). */
export function Alert({ tone = 'info', title, children, onClose, closeLabel = 'Close' }: Props) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'danger' ? 'alert' : 'status'} tabIndex={-1}>
      <div className="alert-body">
        {title && <p className="alert-title">{title}</p>}
        {children && <div className="alert-text">{children}</div>}
      </div>
      {onClose && (
        <button type="button" className="alert-close" onClick={onClose} aria-label={closeLabel}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </div>
  );
}
