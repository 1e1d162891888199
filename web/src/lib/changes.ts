import type { Locale } from '@tandem/contract';
import { en, type MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/i18n-provider';
import { formatCalendarDate, formatRange, localeTag, weekdayName } from './format';
import { spaLabel } from './labels';

/**
 * Change history in words (issue 24): each recorded field change becomes a translated label and
 * two values rendered by what they are — hours as hours, dates as dates in the reader's language,
 * a weekly schedule as days and times, codes as their names — never raw JSON, "[object Object]"
 * or a field's code name.
 */
export interface ChangeLine {
  field: string;
  label: string;
  from: string;
  to: string;
}

type Ctx = { t: Translate; locale: Locale };
type Kind = 'text' | 'hours' | 'date' | 'datetime' | 'bool' | 'age' | 'intervals' | 'exceptions' | 'stageDates' | 'ids' | 'approvedFor' | { enumPrefix: string } | 'spa';

/** How each recorded field's values read (the directory's audited fields; others fall back to their shape). */
const KINDS: Record<string, Kind> = {
  type: { enumPrefix: 'orgType' },
  spas: 'spa',
  spa: 'spa',
  focusPopulations: { enumPrefix: 'focus' },
  languages: { enumPrefix: 'language' },
  categories: { enumPrefix: 'sdoh' },
  communitySupport: { enumPrefix: 'cs' },
  partnershipStage: { enumPrefix: 'stage' },
  stageDates: 'stageDates',
  liaisonUserId: 'ids',
  serviceId: 'ids',
  locationIds: 'ids',
  partyOrganizationIds: 'ids',
  status: 'text',
  capacityStatus: { enumPrefix: 'capacity' },
  capacityConfirmedAt: 'datetime',
  ackSlaHours: 'hours',
  firstContactSlaHours: 'hours',
  minAge: 'age',
  maxAge: 'age',
  intervals: 'intervals',
  exceptions: 'exceptions',
  startDate: 'date',
  endDate: 'date',
  renewalDue: 'date',
  isPublic: 'bool',
  isReferralContact: 'bool',
  kind: { enumPrefix: 'agreementKind' },
  approvedFor: 'approvedFor',
};

/** `status` means a different list for each kind of record. */
const STATUS_OF: Record<string, string> = { service: 'serviceStatus', agreement: 'agreementStatus' };

const isKey = (k: string): k is MessageKey => k in en;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const formatInstant = (iso: string, locale: Locale) => new Intl.DateTimeFormat(localeTag(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
const list = (items: string[], locale: Locale) => new Intl.ListFormat(localeTag(locale), { style: 'long', type: 'conjunction' }).format(items);

const enumLabel = (prefix: string, v: string, t: Translate) => {
  const k = `${prefix}.${v}`;
  return isKey(k) ? t(k) : v.replace(/[_-]+/g, ' ');
};

type Interval = { weekday: number; opensAt: string; closesAt: string };
type Exception = { date: string; closed?: boolean; opensAt?: string | null; closesAt?: string | null; reason?: string | null };
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Opening hours: "Monday 9:00 AM – 12:00 PM and 1:00 PM – 5:00 PM; Tuesday …", days in order. */
const describeIntervals = (v: Interval[], { t, locale }: Ctx) => {
  if (!v.length) return t('history.noHours');
  const days = new Map<number, Interval[]>();
  for (const iv of [...v].sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt))) days.set(iv.weekday, [...(days.get(iv.weekday) ?? []), iv]);
  return [...days].map(([d, ivs]) => `${weekdayName(d, locale)} ${list(ivs.map((iv) => formatRange(iv, locale)), locale)}`).join('; ');
};
const describeExceptions = (v: Exception[], { t, locale }: Ctx) => {
  if (!v.length) return t('history.noExceptions');
  return [...v]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => {
      const day = formatCalendarDate(e.date, locale);
      const what = e.closed !== false || !e.opensAt || !e.closesAt ? t('history.closed') : formatRange({ opensAt: e.opensAt, closesAt: e.closesAt }, locale);
      return `${day}: ${what}${e.reason ? ` (${e.reason})` : ''}`;
    })
    .join('; ');
};

/** One value in words. */
export const describeValue = (field: string, v: unknown, ctx: Ctx, entityType?: string): string => {
  const { t, locale } = ctx;
  if (v == null || v === '' || (Array.isArray(v) && v.length === 0 && !['intervals', 'exceptions'].includes(field))) return t('history.none');
  const kind = (field === 'status' && entityType && STATUS_OF[entityType] ? { enumPrefix: STATUS_OF[entityType] } : KINDS[field]) ?? 'text';
  if (typeof kind === 'object') return Array.isArray(v) ? list(v.map((x) => enumLabel(kind.enumPrefix, String(x), t)), locale) : enumLabel(kind.enumPrefix, String(v), t);
  switch (kind) {
    case 'spa':
      return Array.isArray(v) ? list(v.map((x) => spaLabel(String(x))), locale) : spaLabel(String(v));
    case 'hours':
      return typeof v === 'number' ? t(v === 1 ? 'history.hour' : 'history.hours', { count: new Intl.NumberFormat(localeTag(locale)).format(v) }) : String(v);
    case 'age':
      return typeof v === 'number' ? t('history.years', { count: v }) : String(v);
    case 'date':
      return typeof v === 'string' && (DATE_ONLY.test(v) || ISO_TIME.test(v)) ? formatCalendarDate(v, locale) : String(v);
    case 'datetime':
      return typeof v === 'string' && ISO_TIME.test(v) ? formatInstant(v, locale) : String(v);
    case 'bool':
      return t(v ? 'history.yes' : 'history.no');
    case 'intervals':
      return Array.isArray(v) ? describeIntervals(v as Interval[], ctx) : t('history.changed');
    case 'exceptions':
      return Array.isArray(v) ? describeExceptions(v as Exception[], ctx) : t('history.changed');
    case 'stageDates':
      if (!isObj(v)) return t('history.changed');
      return (
        Object.entries(v)
          .filter(([, d]) => typeof d === 'string')
          .map(([stage, d]) => `${enumLabel('stage', stage, t)}: ${formatCalendarDate(String(d), locale)}`)
          .join('; ') || t('history.none')
      );
    case 'ids':
      // Record ids say nothing to a reader; how many were chosen does.
      return Array.isArray(v) ? t('history.selected', { count: v.length }) : t('history.set');
    case 'approvedFor':
      return v === 'network' ? t('history.approvedNetwork') : t('history.approvedOrgs');
    default:
      break;
  }
  // Text and anything else, by shape: a date-like string as a date, a number in the reader's
  // format, a list item by item; an object is never shown raw.
  if (typeof v === 'string') {
    if (DATE_ONLY.test(v)) return formatCalendarDate(v, locale);
    if (ISO_TIME.test(v) && !Number.isNaN(Date.parse(v))) return formatInstant(v, locale);
    return v;
  }
  if (typeof v === 'number') return new Intl.NumberFormat(localeTag(locale)).format(v);
  if (typeof v === 'boolean') return t(v ? 'history.yes' : 'history.no');
  if (Array.isArray(v)) return list(v.map((x) => (isObj(x) || Array.isArray(x) ? t('history.changed') : describeValue('', x, ctx))), locale);
  return t('history.changed');
};

/** A field's name in the reader's language ("Acknowledgement target"), never its code name. */
export const fieldLabel = (field: string, t: Translate) => {
  const k = `field.${field}`;
  if (isKey(k)) return t(k);
  // A field this version does not know: its words, not its camelCase.
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const describeChanges = (changes: Record<string, { from: unknown; to: unknown }> | null | undefined, ctx: Ctx, entityType?: string): ChangeLine[] =>
  Object.entries(changes ?? {}).map(([field, c]) => ({
    field,
    label: fieldLabel(field, ctx.t),
    from: describeValue(field, c?.from, ctx, entityType),
    to: describeValue(field, c?.to, ctx, entityType),
  }));

/** What an audit row records, in words ("Opened a referral"); an unknown action falls back to its words. */
export const actionLabel = (action: string, t: Translate) => {
  const k = `auditAction.${action}`;
  return isKey(k) ? t(k) : action.replace(/[._]+/g, ' ');
};
export const entityLabel = (type: string, t: Translate) => {
  const k = `auditEntity.${type}`;
  return isKey(k) ? t(k) : type.replace(/_+/g, ' ');
};
