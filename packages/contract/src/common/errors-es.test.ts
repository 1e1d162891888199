import { ERROR_CODES, ERROR_TITLES } from './errors';
import { ERROR_DETAILS_ES, ERROR_TITLES_ES, problemLanguage } from './errors-es';
import { FIELD_ERROR_CODES, fieldErrorOfIssue } from './field-errors';
import { FIELD_ERROR_MESSAGES_ES, PACKET_CHECK_MESSAGES_ES, fillParams } from './field-errors-es';
import { PACKET_CHECK_CODES } from '../referrals/send-packet';

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

describe('field errors and checklist items in Spanish (issue 24)', () => {
  it('every field error code and every checklist code has a Spanish message', () => {
    expect(FIELD_ERROR_CODES.filter((c) => !FIELD_ERROR_MESSAGES_ES[c]?.trim())).toEqual([]);
    expect(PACKET_CHECK_CODES.filter((c) => !PACKET_CHECK_MESSAGES_ES[c]?.trim())).toEqual([]);
  });

  it('maps zod issues onto the stable codes, with their params', () => {
    expect(fieldErrorOfIssue({ code: 'too_small', origin: 'string', minimum: 1 })).toEqual({ code: 'required' });
    expect(fieldErrorOfIssue({ code: 'too_small', origin: 'string', minimum: 2 })).toEqual({ code: 'too_short', params: { min: 2 } });
    expect(fieldErrorOfIssue({ code: 'too_big', origin: 'array', maximum: 20 })).toEqual({ code: 'too_long', params: { max: 20 } });
    expect(fieldErrorOfIssue({ code: 'too_big', origin: 'number', maximum: 100 })).toEqual({ code: 'out_of_range', params: { max: 100 } });
    expect(fieldErrorOfIssue({ code: 'invalid_type', expected: 'string', message: 'Invalid input: expected string, received undefined' })).toEqual({ code: 'required' });
    expect(fieldErrorOfIssue({ code: 'invalid_type', expected: 'string', message: 'Invalid input: expected string, received number' })).toEqual({ code: 'invalid_type', params: { expected: 'string' } });
    expect(fieldErrorOfIssue({ code: 'invalid_format', format: 'email' })).toEqual({ code: 'invalid_format', params: { format: 'email' } });
    expect(fieldErrorOfIssue({ code: 'invalid_value', values: ['a', 'b'] })).toEqual({ code: 'invalid_enum', params: { values: 'a, b' } });
    expect(fieldErrorOfIssue({ code: 'custom', params: { code: 'consent.witness_required' } })).toEqual({ code: 'consent.witness_required' });
    expect(fieldErrorOfIssue({ code: 'custom', params: { code: 'made_up' } })).toEqual({ code: 'invalid_value' });
    expect(fieldErrorOfIssue({ code: 'something_new' })).toEqual({ code: 'invalid_value' });
    expect(fillParams(FIELD_ERROR_MESSAGES_ES.too_short, { min: 2 })).toBe('Demasiado corto (mínimo 2)');
  });
});
