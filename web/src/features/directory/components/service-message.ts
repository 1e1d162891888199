import type { Locale, ServiceDetail } from '@tandem/contract';
import type { Translate } from '../../../i18n/i18n-provider';
import { formatRange, weekdayName } from '../../../lib/format';
import { WEEKDAYS } from './hours';

/**
 * A service's details as plain text for a text message or an email: name, organization, where,
 * phone and weekly hours. Only what the public page shows (no notes, no named staff).
 */
export const serviceMessage = (s: ServiceDetail, t: Translate, locale: Locale) => {
  const lines = [s.name, s.organization.name];
  for (const l of s.locations.slice(0, 3)) {
    lines.push(`${l.address1}${l.address2 ? `, ${l.address2}` : ''}, ${l.city}, ${l.state} ${l.postalCode}`);
  }
  const phone = s.phone ?? s.organization.phone;
  if (phone) lines.push(`${t('share.phone')}: ${phone}`);
  const days = WEEKDAYS.flatMap((d) => {
    const ivs = s.schedule.intervals.filter((iv) => iv.weekday === d).sort((a, b) => a.opensAt.localeCompare(b.opensAt));
    return ivs.length ? [`${weekdayName(d, locale, 'short')} ${ivs.map((iv) => formatRange(iv, locale)).join(', ')}`] : [];
  });
  lines.push(`${t('share.hours')}: ${days.length ? days.join('; ') : t('dir.noHours')}`);
  return { subject: s.name, body: lines.join('\n') };
};
