import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LOCALES, type Locale } from '@tandem/contract';
import { en, type MessageKey, type Messages } from './en';
import { es } from './es';

const catalogs: Record<Locale, Messages> = { en, es };
const STORAGE_KEY = 'tandem.locale';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18nValue {
  locale: Locale;
  /** `byUser`: the person picked it with the switch (it then wins over their saved preference at sign-in). */
  setLocale: (locale: Locale, opts?: { byUser?: boolean }) => void;
  /** True once the person used the language switch during this visit. */
  choseThisVisit: boolean;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

const initialLocale = (): Locale => {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked (private modes); fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
};

const interpolate = (template: string, vars?: Record<string, string | number>) =>
  vars ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : template;

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [choseThisVisit, setChoseThisVisit] = useState(false);

  useEffect(() => {
    document.documentElement.lang = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Not persisting is fine: the signed-in user's choice is also saved on the server.
    }
  }, [locale]);

  const setLocale = useCallback((next: Locale, opts?: { byUser?: boolean }) => {
    setLocaleState(next);
    if (opts?.byUser) setChoseThisVisit(true);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const messages = catalogs[locale];
    return { locale, setLocale, choseThisVisit, t: (key, vars) => interpolate(messages[key], vars) };
  }, [locale, setLocale, choseThisVisit]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
};

export const useT = () => useI18n().t;
