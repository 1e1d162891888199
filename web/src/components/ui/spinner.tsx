type Props = { label?: string; size?: 'sm' | 'md'; /** Inside a control that already says it is busy. */ decorative?: boolean };

export function Spinner({ label, size = 'md', decorative = false }: Props) {
  if (decorative) return <span className={`spinner spinner-${size}`} aria-hidden="true" />;
  return (
    <span className="spinner-wrap" role="status">
      <span className={`spinner spinner-${size}`} aria-hidden="true" />
      {label && <span className="spinner-label">{label}</span>}
    </span>
  );
}
