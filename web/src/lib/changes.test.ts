import type { Locale } from '@tandem/contract';
import { en, type MessageKey } from '../i18n/en';
import { es } from '../i18n/es';
import { describeChanges, fieldLabel } from './changes';

const ctx = (locale: Locale) => {
  const messages = locale === 'es' ? es : en;
  const t = (key: MessageKey, vars?: Record<string, string | number>) =>
    vars ? messages[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : messages[key];
  return { t, locale };
};
const lines = (changes: Record<string, { from: unknown; to: unknown }>, locale: Locale = 'en', entityType?: string) =>
  describeChanges(changes, ctx(locale), entityType).map((l) => `${l.label}: ${l.from} → ${l.to}`);

// What the organization page's change history showed before (history-list.tsx's `show`): raw
// JSON for an object, code names for fields and values.
const RAW = /[{}[\]"]|\[object Object\]|camelCase|SlaHours|opensAt|weekday/;

describe('change history in words', () => {
  it('a weekly schedule as days and hours, in each language', () => {
    const changes = {
      intervals: {
        from: [],
        to: [
          { weekday: 2, opensAt: '13:00', closesAt: '17:00', locationId: null },
          { weekday: 1, opensAt: '09:00', closesAt: '12:00', locationId: null },
          { weekday: 1, opensAt: '13:00', closesAt: '17:00', locationId: null },
        ],
      },
      exceptions: { from: [], to: [{ date: '2026-12-25', closed: true, opensAt: null, closesAt: null, reason: 'Holiday' }] },
    };
    const [hours, closures] = lines(changes);
    expect(hours).toBe('Opening hours: No regular hours → Monday 9:00 AM – 12:00 PM and 1:00 PM – 5:00 PM; Tuesday 1:00 PM – 5:00 PM');
    expect(closures).toBe('Closures and special hours: No closures → Dec 25, 2026: Closed (Holiday)');
    const [horas, cierres] = lines(changes, 'es');
    expect(horas).toMatch(/^Horario: Sin horario regular → lunes 9:00\s?a\.\s?m\. – 12:00\s?p\.\s?m\. y 1:00\s?p\.\s?m\. – 5:00\s?p\.\s?m\.; martes/);
    expect(cierres).toMatch(/^Cierres y horarios especiales: Sin cierres → 25 dic 2026: Cerrado \(Holiday\)$/);
    for (const l of [hours, closures, horas, cierres]) expect(l).not.toMatch(RAW);
  });

  it('SLA targets as hours, dates as dates on their own day, codes as names', () => {
    expect(lines({ ackSlaHours: { from: 48, to: 8 }, firstContactSlaHours: { from: null, to: 1 } })).toEqual([
      'Acknowledgement target: 48 hours → 8 hours',
      'First-contact target: — → 1 hour',
    ]);
    expect(lines({ ackSlaHours: { from: 48, to: 8 } }, 'es')).toEqual(['Plazo para acusar recibo: 48 horas → 8 horas']);
    // A calendar date stays on its day in Los Angeles (UTC midnight would be the day before there).
    expect(lines({ endDate: { from: '2026-01-01', to: '2027-06-30' } })).toEqual(['End date: Jan 1, 2026 → Jun 30, 2027']);
    expect(lines({ endDate: { from: '2026-01-01', to: '2027-06-30' } }, 'es')).toEqual(['Fecha de fin: 1 ene 2026 → 30 jun 2027']);
    expect(lines({ spas: { from: ['spa4'], to: ['spa4', 'spa6'] }, languages: { from: ['en'], to: ['en', 'es'] }, type: { from: 'cbo', to: 'clinic' } })).toEqual([
      'Service Planning Areas: SPA 4 · Metro → SPA 4 · Metro and SPA 6 · South',
      'Languages: English → English and Spanish',
      'Type: Community organization → Clinic',
    ]);
    expect(lines({ status: { from: 'active', to: 'temporarily_closed' } }, 'en', 'service')).toEqual(['Status: Active → Temporarily closed']);
    expect(lines({ stageDates: { from: { prospect: '2026-01-05', partnered: null }, to: { prospect: '2026-01-05', partnered: '2026-03-01' } } })).toEqual([
      'Dates of each stage: Prospect: Jan 5, 2026 → Prospect: Jan 5, 2026; Partnered: Mar 1, 2026',
    ]);
    expect(lines({ isPublic: { from: false, to: true }, locationIds: { from: ['a'], to: ['a', 'b'] } }, 'es')).toEqual([
      'Visible al público: No → Sí',
      'Ubicaciones: 1 seleccionados → 2 seleccionados',
    ]);
  });

  it('never shows an object raw nor a field by its code name', () => {
    const [l] = lines({ someNewField: { from: { a: 1 }, to: [{ b: 2 }] } });
    expect(l).toBe('Some new field: Changed → Changed');
    expect(fieldLabel('capacityConfirmedAt', ctx('es').t)).toBe('Capacidad confirmada');
  });
});
