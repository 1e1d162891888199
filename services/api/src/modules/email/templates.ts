import type { EmailNotificationKind, EmailTemplate } from '@tandem/contract';

export type Locale = 'en' | 'es';
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * What each email says, in English and Spanish: a short text and one link to the web app, never
 * client details (no names, no needs, not even initials): the reader signs in to see the record.
 * `params` is the outgoing_emails row's (ids, a kind, a step, a token until sent).
 */
type Params = Record<string, string | undefined>;
interface Copy {
  subject: string;
  lines: string[];
  action: string;
  path: string;
}

const KIND_COPY: Record<Locale, Record<EmailNotificationKind, { subject: string; line: string }>> = {
  en: {
    'referral.received': { subject: 'Your organization received a new referral', line: 'Your organization received a new referral in Tandem.' },
    'referral.assigned': { subject: 'A referral was assigned to you', line: 'A referral was assigned to you in Tandem.' },
    'referral.overdue': { subject: 'A referral step is overdue', line: 'A referral has a step that is overdue in Tandem.' },
  },
  es: {
    'referral.received': { subject: 'Su organización recibió un nuevo referido', line: 'Su organización recibió un nuevo referido en Tandem.' },
    'referral.assigned': { subject: 'Se le asignó un referido', line: 'Se le asignó un referido en Tandem.' },
    'referral.overdue': { subject: 'Un paso de un referido está atrasado', line: 'Un referido tiene un paso atrasado en Tandem.' },
  },
};

const STEP: Record<Locale, Record<string, string>> = {
  en: { acknowledge: 'Late step: acknowledging the referral.', first_contact: 'Late step: the first contact with the client.' },
  es: { acknowledge: 'Paso atrasado: confirmar la recepción del referido.', first_contact: 'Paso atrasado: el primer contacto con el cliente.' },
};

const FOOTER: Record<Locale, string> = {
  en: 'You get this email from Tandem. Choose which notifications reach you by email on the Notifications page.',
  es: 'Recibe este correo de Tandem. Elija qué notificaciones le llegan por correo en la página Notificaciones.',
};

const copyOf = (template: EmailTemplate, locale: Locale, p: Params): Copy => {
  const es = locale === 'es';
  switch (template) {
    case 'invitation':
      return p.token
        ? {
            subject: es ? 'Le invitaron a Tandem' : 'You are invited to Tandem',
            lines: es
              ? ['Le invitaron a unirse a una organización en Tandem.', 'Elija su contraseña con este enlace (vence en 7 días):']
              : ['You were invited to join an organization in Tandem.', 'Choose your password with this link (it expires in 7 days):'],
            action: es ? 'Aceptar la invitación' : 'Accept the invitation',
            path: `/accept-invitation?token=${encodeURIComponent(p.token)}`,
          }
        : {
            subject: es ? 'Le invitaron a otra organización en Tandem' : 'You are invited to another organization in Tandem',
            lines: es
              ? ['Le invitaron a unirse a otra organización en Tandem.', 'Inicie sesión para aceptar la invitación:']
              : ['You were invited to join another organization in Tandem.', 'Sign in to accept the invitation:'],
            action: es ? 'Abrir Tandem' : 'Open Tandem',
            path: '/',
          };
    case 'password_reset':
      return {
        subject: es ? 'Restablecer su contraseña de Tandem' : 'Reset your Tandem password',
        lines: es
          ? ['Alguien pidió restablecer la contraseña de esta cuenta.', 'Elija una nueva con este enlace (vence en 1 hora y sirve una sola vez):', 'Si no fue usted, ignore este correo: su contraseña no cambia.']
          : ['Someone asked to reset the password of this account.', 'Choose a new one with this link (it expires in 1 hour and works once):', 'If it was not you, ignore this email: your password stays as it is.'],
        action: es ? 'Restablecer la contraseña' : 'Reset the password',
        path: `/reset-password?token=${encodeURIComponent(p.token ?? '')}`,
      };
    case 'board_decision':
      // The coordinator's message (written for the applicant, in their language) and the board's public page.
      return {
        subject: es ? `Noticias sobre su solicitud a ${p.board ?? 'un consejo'}` : `News about your application to ${p.board ?? 'an advisory board'}`,
        lines: [...(p.message ?? '').split(/\n+/).filter(Boolean), es ? 'La página del consejo:' : "The board's page:"],
        action: es ? 'Ver la página del consejo' : "See the board's page",
        path: `/boards/${encodeURIComponent(p.boardId ?? '')}/public`,
      };
    case 'notification': {
      const kind = (p.kind ?? 'referral.received') as EmailNotificationKind;
      const c = KIND_COPY[locale][kind] ?? KIND_COPY[locale]['referral.received'];
      const step = kind === 'referral.overdue' && p.step ? STEP[locale][p.step] : undefined;
      return {
        subject: c.subject,
        lines: [c.line, ...(step ? [step] : []), es ? 'Inicie sesión para verlo:' : 'Sign in to see it:'],
        action: es ? 'Ver el referido' : 'See the referral',
        path: p.entityId ? `/referrals/${encodeURIComponent(p.entityId)}` : '/notifications',
      };
    }
  }
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The message for one outgoing email; `appUrl` is the web app's origin (no trailing slash). */
export const renderEmail = (template: EmailTemplate, locale: Locale, params: Params, appUrl: string): RenderedEmail => {
  const c = copyOf(template, locale, params);
  const link = `${appUrl.replace(/\/$/, '')}${c.path}`;
  const footer = template === 'notification' ? FOOTER[locale] : '';
  const text = [...c.lines, '', link, ...(footer ? ['', '--', footer] : [])].join('\n');
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">${c.lines
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('')}<p><a href="${escapeHtml(link)}">${escapeHtml(c.action)}</a></p><p style="font-size:small;color:#555">${escapeHtml(link)}</p>${
    footer ? `<hr><p style="font-size:small;color:#555">${escapeHtml(footer)}</p>` : ''
  }</body></html>`;
  return { subject: c.subject, text, html };
};
