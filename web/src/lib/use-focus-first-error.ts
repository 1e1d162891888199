import { useEffect, useRef } from 'react';

/**
 * After a failed submit, move focus to the first invalid field (or the form's error alert), so
 * the problem is announced and, on a phone, scrolled into view instead of off-screen above.
 */
export const useFocusFirstError = (error: unknown) => {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!error || !formRef.current) return;
    const target =
      formRef.current.querySelector<HTMLElement>('[aria-invalid="true"], .field-invalid input') ??
      formRef.current.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [error]);
  return formRef;
};
