import { EMAIL_NOTIFICATION_KINDS, EMAIL_TEMPLATES, OVERDUE_STEPS } from '@tandem/contract';
import { renderEmail } from './templates';

const ID = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const cases = [
  ...EMAIL_TEMPLATES.filter((t) => t === 'invitation' || t === 'password_reset').map((template) => ({ template, params: { token: 'tok_en-123' } })),
  { template: 'board_decision' as const, params: { boardId: ID, board: 'Reentry <Board> & Co', message: 'Welcome.\nFirst meeting: Jan 12 <6 pm>.' } },
  { template: 'invitation' as const, params: {} },
  ...EMAIL_NOTIFICATION_KINDS.flatMap((kind) => [undefined, ...OVERDUE_STEPS].map((step) => ({ template: 'notification' as const, params: { kind, entityType: 'referral', entityId: ID, ...(step ? { step } : {}) } }))),
];

describe('email templates', () => {
  it.each(cases.flatMap((c) => (['en', 'es'] as const).map((locale) => [c.template, locale, c.params] as const)))('%s in %s: a subject, one link to the app, HTML escaped, nothing left unfilled', (template, locale, params) => {
    const m = renderEmail(template, locale, params, 'https://app.example.org/');
    expect(m.subject.length).toBeGreaterThan(5);
    const links = m.text.match(/https:\/\/\S+/g) ?? [];
    expect(links).toHaveLength(1);
    expect(links[0]!.startsWith('https://app.example.org/') && !links[0]!.startsWith('https://app.example.org//')).toBe(true);
    if ('token' in params && params.token) expect(links[0]).toContain(`token=${params.token}`);
    if ('entityId' in params) expect(links[0]).toBe(`https://app.example.org/referrals/${ID}`);
    if ('boardId' in params) {
      expect(links[0]).toBe(`https://app.example.org/boards/${ID}/public`);
      expect(m.text).toContain('First meeting: Jan 12 <6 pm>.');
      expect(m.html).toContain('First meeting: Jan 12 &#60;6 pm&#62;.');
    }
    for (const s of [m.subject, m.text, m.html]) expect(s).not.toMatch(/undefined|null|\{\w+\}/);
    expect(m.html).toContain(`lang="${locale}"`);
  });

  it('words Spanish in Spanish and English in English', () => {
    const en = renderEmail('notification', 'en', { kind: 'referral.overdue', entityId: ID, step: 'first_contact' }, 'https://x.test');
    const es = renderEmail('notification', 'es', { kind: 'referral.overdue', entityId: ID, step: 'first_contact' }, 'https://x.test');
    expect([en.subject, es.subject]).toEqual(['A referral step is overdue', 'Un paso de un referido está atrasado']);
    expect(es.text).toContain('Paso atrasado: el primer contacto con el cliente.');
  });
});
