import { FIELD_ERROR_CODES, NOTIFICATION_KINDS, OVERDUE_STEPS, PACKET_CHECK_CODES, REFERRAL_EVENT_TYPES, REFERRAL_SIDES, TIMELINE_KINDS } from '@tandem/contract';
import { ApiError } from '@tandem/contract/client';
import { problemType } from '@tandem/contract';
import { fieldErrorsOf } from '../lib/errors';
import {
  fieldErrorKey,
  NOTIFICATION_KIND_KEYS,
  NOTIFICATION_TITLE_KEYS,
  notificationTitle,
  notificationTitleKey,
  packetCheckKey,
  packetCheckText,
  TIMELINE_KIND_KEYS,
  timelineEventKey,
} from './codes';
import { en, type MessageKey } from './en';
import { es } from './es';
import type { Translate } from './i18n-provider';

// Issue 24: every code the API sends has a text in both languages. A code added to the contract
// without its wording here fails this test (the key is also type-checked, but a catalog typed
// loosely or a key left empty would slip through the compiler).

const catalogs = { en: en as Record<string, string>, es: es as Record<string, string> };
const untranslated = (keys: string[]) =>
  Object.entries(catalogs).flatMap(([lang, c]) => keys.filter((k) => !c[k]?.trim()).map((k) => `${lang}: ${k}`));

describe('every contract code has an English and a Spanish text', () => {
  it('field error codes', () => {
    expect(untranslated(FIELD_ERROR_CODES.map(fieldErrorKey))).toEqual([]);
  });

  it('send-checklist codes', () => {
    expect(untranslated(PACKET_CHECK_CODES.map(packetCheckKey))).toEqual([]);
  });

  it('notification kinds, in every form their data takes', () => {
    const used = NOTIFICATION_KINDS.flatMap((kind) => [
      notificationTitleKey(kind, {}),
      notificationTitleKey(kind, { status: 'accepted' }),
      ...OVERDUE_STEPS.flatMap((step) => REFERRAL_SIDES.map((side) => notificationTitleKey(kind, { step, side, organizationName: 'X' }))),
    ]);
    expect(untranslated([...new Set([...used, ...NOTIFICATION_TITLE_KEYS])])).toEqual([]);
  });

  it('notification kind labels (the list and the settings panel)', () => {
    expect(untranslated(NOTIFICATION_KINDS.map((k) => NOTIFICATION_KIND_KEYS[k]))).toEqual([]);
  });

  it('timeline kinds and event types', () => {
    const kinds = TIMELINE_KINDS.filter((k) => k !== 'event').map((k) => TIMELINE_KIND_KEYS[k]);
    expect(untranslated([...kinds, ...REFERRAL_EVENT_TYPES.map(timelineEventKey)])).toEqual([]);
  });

  it('Spanish texts are not English left in place', () => {
    const keys = [...FIELD_ERROR_CODES.map(fieldErrorKey), ...PACKET_CHECK_CODES.map(packetCheckKey), ...NOTIFICATION_TITLE_KEYS];
    expect(keys.filter((k) => catalogs.es[k] === catalogs.en[k])).toEqual([]);
  });
});

const translator =
  (messages: Record<MessageKey, string>): Translate =>
  (key, vars) =>
    messages[key].replace(/\{(\w+)\}/g, (m, k: string) => (vars && k in vars ? String(vars[k]) : m));

describe('the web words what the API sends by code', () => {
  it('a board decision notification names the board (no {board} left in the title)', () => {
    const n = { kind: 'board.application_decided' as const, title: 'Your board application was decided', data: { board: 'Reentry Health Advisory Board', decision: 'selected' as const } };
    expect(notificationTitle(n, translator(en))).toBe('Your application to Reentry Health Advisory Board was decided');
    expect(notificationTitle(n, translator(es))).toContain('Reentry Health Advisory Board');
  });
  const invalid = new ApiError(400, {
    type: problemType('validation_failed'),
    title: 'The request is not valid',
    status: 400,
    code: 'validation_failed',
    errors: [
      { path: 'body.name', code: 'required', message: 'Too small: expected string to have >=1 characters' },
      { path: 'body.note', code: 'too_long', params: { max: 500 }, message: 'Too big: expected string to have <=500 characters' },
      { path: 'body.spas.0', code: 'invalid_enum', message: 'Invalid option' },
      { path: 'body.assigneeId', code: 'invalid_value', message: 'Not a member of the receiving organization' },
    ],
  });

  it('field errors, in Spanish and English, with params; the API’s sentence for the generic code', () => {
    expect(fieldErrorsOf(invalid, translator(es))).toEqual({
      name: 'Obligatorio',
      note: 'Demasiado largo (máximo 500)',
      spas: 'Elija una de las opciones',
      assigneeId: 'Not a member of the receiving organization',
    });
    expect(fieldErrorsOf(invalid, translator(en))).toMatchObject({ name: 'Required', note: 'Too long (at most 500)' });
    // Without a translator: the page's language (no document here, so English).
    expect(fieldErrorsOf(invalid).name).toBe('Required');
  });

  it('checklist items by code, falling back to the message for a code this build does not know', () => {
    expect(packetCheckText({ code: 'packet.reason', message: 'Say why you are referring the client' }, translator(es))).toBe('Explique por qué refiere al cliente');
    expect(packetCheckText({ code: 'packet.something_new', message: 'Something new' }, translator(es))).toBe('Something new');
  });

  it('notification titles from kind and data, with the API title as the fallback', () => {
    const t = translator(es);
    expect(notificationTitle({ kind: 'referral.status_changed', data: { status: 'declined' }, title: 'Referral declined' }, t)).toBe(`Referido: ${es['refStatus.declined']}`);
    expect(notificationTitle({ kind: 'referral.received', data: {}, title: 'New referral received' }, t)).toBe('Nuevo referido recibido');
    expect(
      notificationTitle({ kind: 'referral.overdue', data: { step: 'first_contact', side: 'receiver', organizationName: 'Eastside Clinic' }, title: 'First contact overdue · from Eastside Clinic' }, t),
    ).toBe('Primer contacto atrasado · de Eastside Clinic');
    expect(notificationTitle({ kind: 'referral.overdue', data: {}, title: 'First contact overdue · from Eastside Clinic' }, t)).toBe('First contact overdue · from Eastside Clinic');
    // Which referral: the client's initials, worded in the reader's language.
    expect(notificationTitle({ kind: 'referral.message', data: { clientInitials: 'A. L.' }, title: 'New message on a referral' }, t)).toBe('Mensaje nuevo en un referido · cliente A. L.');
    expect(notificationTitle({ kind: 'referral.assigned', data: { clientInitials: 'A. L.' }, title: 'Referral assigned to you' }, translator(en))).toBe('Referral assigned to you · client A. L.');
  });
});
