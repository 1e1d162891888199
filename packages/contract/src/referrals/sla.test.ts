import { addBusinessHours, californiaStateHolidays, isOverdue, slaDueDates } from './sla';

// Times are written in Los Angeles local time with their offset: -08:00 is PST, -07:00 is PDT.
// DST 2026: starts Sunday March 8, ends Sunday November 1.
const CA_2026 = californiaStateHolidays(2026);
const t = (s: string) => new Date(s);

describe('addBusinessHours', () => {
  it.each<[string, string, number, string, string[] | null]>([
    ['a start inside hours, zero hours', '2026-03-02T09:00:00-08:00', 0, '2026-03-02T09:00:00-08:00', null],
    ['a full business day ending at close', '2026-03-02T09:00:00-08:00', 8, '2026-03-02T17:00:00-08:00', null],
    ['half an hour', '2026-03-02T09:00:00-08:00', 0.5, '2026-03-02T09:30:00-08:00', null],
    ['one business week', '2026-03-02T09:00:00-08:00', 40, '2026-03-06T17:00:00-08:00', null],
    ['Friday 4pm + 1h, to close', '2026-03-06T16:00:00-08:00', 1, '2026-03-06T17:00:00-08:00', null],
    ['Friday 4pm + 2h, over the weekend', '2026-03-06T16:00:00-08:00', 2, '2026-03-09T10:00:00-07:00', null],
    ['Friday 4pm + 16h, across the March DST change', '2026-03-06T16:00:00-08:00', 16, '2026-03-10T16:00:00-07:00', null],
    ['Saturday starts Monday 9am', '2026-03-07T10:00:00-08:00', 2, '2026-03-09T11:00:00-07:00', null],
    ['Sunday, zero hours, gives the next business start', '2026-03-08T12:00:00-07:00', 0, '2026-03-09T09:00:00-07:00', null],
    ['before opening starts at 9', '2026-03-03T07:30:00-08:00', 1, '2026-03-03T10:00:00-08:00', null],
    ['after closing starts next morning', '2026-03-03T18:00:00-08:00', 1, '2026-03-04T10:00:00-08:00', null],
    ['exactly at close starts next morning', '2026-03-03T17:00:00-08:00', 0, '2026-03-04T09:00:00-08:00', null],
    ['a local afternoon that is already tomorrow in UTC', '2026-03-03T23:30:00Z', 2, '2026-03-04T09:30:00-08:00', null],
    ['Friday before the November DST change', '2026-10-30T12:00:00-07:00', 16, '2026-11-03T12:00:00-08:00', null],
    ['the November DST week, Monday to Friday', '2026-11-02T09:00:00-08:00', 40, '2026-11-06T17:00:00-08:00', null],
    ['a start on a holiday (Cesar Chavez Day)', '2026-03-31T10:00:00-07:00', 16, '2026-04-02T17:00:00-07:00', CA_2026],
    ['the same start without holidays', '2026-03-31T10:00:00-07:00', 16, '2026-04-02T10:00:00-07:00', []],
    ['Thanksgiving week', '2026-11-25T10:00:00-08:00', 16, '2026-12-01T10:00:00-08:00', CA_2026],
    ['Veterans Day in the middle', '2026-11-10T09:00:00-08:00', 16, '2026-11-12T17:00:00-08:00', CA_2026],
    ['an observed Friday holiday (July 3, 2026)', '2026-07-02T16:00:00-07:00', 2, '2026-07-06T10:00:00-07:00', CA_2026],
  ])('%s: %s + %sh = %s', (_name, start, hours, expected, holidays) => {
    expect(addBusinessHours(t(start), hours, holidays ? { holidays } : undefined).toISOString()).toBe(t(expected).toISOString());
  });

  it('honours a custom business day', () => {
    expect(addBusinessHours(t('2026-03-02T07:00:00-08:00'), 3, { dayStart: 8, dayEnd: 10 }).toISOString()).toBe(
      t('2026-03-03T09:00:00-08:00').toISOString(),
    );
  });

  it.each<[string, () => Date]>([
    ['negative hours', () => addBusinessHours(t('2026-03-02T09:00:00Z'), -1)],
    ['infinite hours', () => addBusinessHours(t('2026-03-02T09:00:00Z'), Infinity)],
    ['an invalid start', () => addBusinessHours(new Date('nope'), 1)],
    ['an empty business day', () => addBusinessHours(t('2026-03-02T09:00:00Z'), 1, { dayStart: 17, dayEnd: 9 })],
  ])('refuses %s', (_name, call) => {
    expect(call).toThrow(RangeError);
  });
});

describe('californiaStateHolidays', () => {
  it.each<[number, string[]]>([
    [
      2026,
      [
        '2026-01-01',
        '2026-01-19',
        '2026-02-16',
        '2026-03-31',
        '2026-05-25',
        '2026-07-03',
        '2026-09-07',
        '2026-11-11',
        '2026-11-26',
        '2026-11-27',
        '2026-12-25',
      ],
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-01-18',
        '2027-02-15',
        '2027-03-31',
        '2027-05-31',
        '2027-07-05',
        '2027-09-06',
        '2027-11-11',
        '2027-11-25',
        '2027-11-26',
        '2027-12-24',
        '2027-12-31',
      ],
    ],
    [
      2028,
      [
        '2028-01-17',
        '2028-02-21',
        '2028-03-31',
        '2028-05-29',
        '2028-07-04',
        '2028-09-04',
        '2028-11-10',
        '2028-11-23',
        '2028-11-24',
        '2028-12-25',
      ],
    ],
    [
      2023,
      [
        '2023-01-02',
        '2023-01-16',
        '2023-02-20',
        '2023-03-31',
        '2023-05-29',
        '2023-07-04',
        '2023-09-04',
        '2023-11-10',
        '2023-11-23',
        '2023-11-24',
        '2023-12-25',
      ],
    ],
  ])('%i', (year, expected) => {
    expect(californiaStateHolidays(year)).toEqual(expected);
  });
});

describe('slaDueDates', () => {
  it('uses 16 and 40 business hours by default, across DST', () => {
    const due = slaDueDates({ sentAt: t('2026-03-06T16:00:00-08:00') });
    expect(due.acknowledgeBy.toISOString()).toBe(t('2026-03-10T16:00:00-07:00').toISOString());
    expect(due.firstContactBy.toISOString()).toBe(t('2026-03-13T16:00:00-07:00').toISOString());
  });

  it('skips California holidays by default, across the new year', () => {
    const due = slaDueDates({ sentAt: t('2026-12-24T10:00:00-08:00') });
    expect(due.acknowledgeBy.toISOString()).toBe(t('2026-12-29T10:00:00-08:00').toISOString());
    expect(due.firstContactBy.toISOString()).toBe(t('2027-01-04T10:00:00-08:00').toISOString());
  });

  it('takes the service targets and an explicit holiday list', () => {
    const due = slaDueDates({ sentAt: t('2026-12-24T10:00:00-08:00'), ackSlaHours: 4, firstContactSlaHours: 8, holidays: [] });
    expect(due.acknowledgeBy.toISOString()).toBe(t('2026-12-24T14:00:00-08:00').toISOString());
    expect(due.firstContactBy.toISOString()).toBe(t('2026-12-25T10:00:00-08:00').toISOString());
  });
});

describe('isOverdue', () => {
  const due = '2026-03-10T16:00:00-07:00';
  it.each<[string, string | null, string | null, string, boolean]>([
    ['not done, before due', due, null, '2026-03-10T15:00:00-07:00', false],
    ['not done, exactly at due', due, null, due, false],
    ['not done, after due', due, null, '2026-03-10T16:00:01-07:00', true],
    ['done on time, checked later', due, '2026-03-10T10:00:00-07:00', '2026-04-01T00:00:00Z', false],
    ['done late', due, '2026-03-11T10:00:00-07:00', '2026-04-01T00:00:00Z', true],
    ['no due time', null, null, '2030-01-01T00:00:00Z', false],
  ])('%s', (_name, dueAt, doneAt, now, expected) => {
    expect(isOverdue({ dueAt, doneAt, now: t(now) })).toBe(expected);
  });

  it('takes Date instances too', () => {
    expect(isOverdue({ dueAt: t(due), now: t('2026-03-11T00:00:00Z') })).toBe(true);
  });
});
