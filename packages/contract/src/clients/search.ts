/**
 * What a client search box means (GET /api/v1/clients?q=). Pure, so the API and the web agree:
 * - a date written YYYY-MM-DD is a date of birth;
 * - a text with no letters and at least 4 digits is a phone number (digits only, any formatting:
 *   "(323) 555-0100", "323.555.0100" and "3235550100" are the same; a leading US 1 is dropped);
 * - anything else is a name: each word is the start of a word of the client's name (given,
 *   middle, family or preferred), so "Ro" and "Garc" match "Rosa García". Accents and case are
 *   ignored both ways (the API folds with unaccent). At least two letters in all.
 * The parts combine: "Garc 1984-06-02" is a García born that day.
 */
export interface ClientSearchTerms {
  /** Words as typed; each must start a word of the name (the API folds them). */
  names: string[];
  dateOfBirth: string | null;
  phoneDigits: string | null;
}

const DATE = /(?:^|\s)(\d{4}-\d{2}-\d{2})(?=\s|$)/;
const LETTERS = /\p{L}/gu;
const HAS_LETTER = /\p{L}/u;
export const MIN_NAME_LETTERS = 2;
export const MIN_PHONE_DIGITS = 4;

/** The terms of a search, or null when the text says nothing searchable (too short). */
export const parseClientSearch = (raw: string): ClientSearchTerms | null => {
  let rest = raw.trim();
  let dateOfBirth: string | null = null;
  const date = DATE.exec(rest);
  if (date) {
    dateOfBirth = date[1]!;
    rest = (rest.slice(0, date.index) + ' ' + rest.slice(date.index + date[0].length)).trim();
  }
  const letters = rest.match(LETTERS)?.length ?? 0;
  let digits = rest.replace(/\D/g, '');
  if (letters === 0 && digits.length >= MIN_PHONE_DIGITS) {
    if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
    return { names: [], dateOfBirth, phoneDigits: digits };
  }
  if (letters >= MIN_NAME_LETTERS) {
    const names = rest.split(/[\s,]+/).filter((w) => HAS_LETTER.test(w));
    return { names, dateOfBirth, phoneDigits: null };
  }
  return dateOfBirth && !rest ? { names: [], dateOfBirth, phoneDigits: null } : null;
};
