import { useQuery } from '@tanstack/react-query';
import type { Locale } from '@tandem/contract';
import { useI18n } from '../../../i18n/i18n-provider';
import { authQueries } from '../api/queries';
import { useUpdateMe } from '../api/use-update-me';

// Each language is named in itself, so a person who cannot read the current one still finds theirs.
const choices: { locale: Locale; label: string }[] = [
  { locale: 'en', label: 'English' },
  { locale: 'es', label: 'Español' },
];

export function LanguageSwitch({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { locale, setLocale, t } = useI18n();
  const me = useQuery(authQueries.me()).data;
  const updateMe = useUpdateMe();

  const choose = (next: Locale) => {
    if (next === locale) return;
    setLocale(next, { byUser: true });
    // Signed in: save it so every device and every email uses it.
    if (me && me.user.locale !== next) updateMe.mutate({ locale: next });
  };

  return (
    <div className={`segmented segmented-${tone}`} role="group" aria-label={t('lang.label')}>
      {choices.map((c) => (
        <button key={c.locale} type="button" lang={c.locale} aria-pressed={locale === c.locale} onClick={() => choose(c.locale)}>
          <span className="lang-full">{c.label}</span>
          {/* Phones show the short code; the full name stays the button's accessible name. */}
          <span className="lang-short" aria-hidden="true">
            {c.locale.toUpperCase()}
          </span>
        </button>
      ))}
    </div>
  );
}
