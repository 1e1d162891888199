import { ERROR_CODES, ERROR_TITLES } from './errors';
import { ERROR_DETAILS_ES, ERROR_TITLES_ES, problemLanguage } from './errors-es';

describe('problem details in Spanish', () => {
  it('every code has a Spanish title of its own', () => {
    for (const code of ERROR_CODES) {
      expect([code, ERROR_TITLES_ES[code]?.trim()]).toEqual([code, expect.any(String)]);
      expect(ERROR_TITLES_ES[code]).not.toBe(ERROR_TITLES[code]);
    }
    expect(Object.keys(ERROR_TITLES_ES).sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(ERROR_DETAILS_ES).every((c) => (ERROR_CODES as string[]).includes(c))).toBe(true);
  });

  it('reads the preferred language from Accept-Language', () => {
    expect(problemLanguage('es')).toBe('es');
    expect(problemLanguage('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(problemLanguage('en-US,en;q=0.9,es;q=0.8')).toBe('en');
    expect(problemLanguage('fr, es;q=0.5')).toBe('es');
    expect(problemLanguage(undefined)).toBe('en');
    expect(problemLanguage('de')).toBe('en');
  });
});
