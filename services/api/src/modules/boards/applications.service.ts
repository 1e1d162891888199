import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@tandem/db';
import { canDecide, type api, type ApplicationDecision, type Locale } from '@tandem/contract';
import { AppError, notFound } from '../../lib/app-error';
import { type Actor, type Ctx, userIdOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { randomToken, sha256 } from '../../lib/crypto';
import type { Notifier } from '../notifications';
import { emailOutbox } from '../email';
import { assertCoordinates } from './access';
import { toApplication, toReview } from './mappers';
import { boardsRepo, type ApplicationRow, type BoardRow, type ReviewRow } from './repo';

type SubmitBody = z.output<typeof api.submitApplication.body>;
type ReviewBody = z.output<typeof api.putReview.body>;
type DecideBody = z.output<typeof api.decideApplication.body>;

/** The spam defences' settings (issue 26): no third-party service, only what the server sees. */
export interface SpamRules {
  /** An application sooner than this after its form token was issued is a bot's (or a slip: the message asks to send again). */
  minimumFillSeconds: number;
  /** Per address (hashed), per hour: forms started and applications sent. */
  formsPerHour: number;
  applicationsPerHour: number;
}
export const DEFAULT_SPAM_RULES: SpamRules = { minimumFillSeconds: 5, formsPerHour: 30, applicationsPerHour: 5 };
const HOUR = 3600;

const ipHashOf = (ip: string) => sha256(`board-application:${ip}`);
const newReference = () => `B-${randomBytes(4).toString('hex').toUpperCase()}`;

const DEFAULT_MESSAGES: Record<Locale, Record<ApplicationDecision, (board: string) => string>> = {
  en: {
    selected: (b) => `Thank you for applying to ${b}. We are glad to tell you that you have been selected as a member. A coordinator will contact you about your first meeting.`,
    waitlisted: (b) => `Thank you for applying to ${b}. All seats are filled for now, and you are on our waiting list. We will contact you if a seat opens.`,
    declined: (b) => `Thank you for applying to ${b}. We could not offer you a seat this time. We hope you will apply again when the board recruits next.`,
  },
  es: {
    selected: (b) => `Gracias por presentar su solicitud a ${b}. Nos alegra informarle que fue seleccionado como miembro. Un coordinador se comunicará con usted sobre su primera reunión.`,
    waitlisted: (b) => `Gracias por presentar su solicitud a ${b}. Por ahora todos los puestos están ocupados y usted está en nuestra lista de espera. Le avisaremos si se abre un puesto.`,
    declined: (b) => `Gracias por presentar su solicitud a ${b}. Esta vez no pudimos ofrecerle un puesto. Esperamos que vuelva a presentar su solicitud cuando la junta busque nuevos miembros.`,
  },
};

/** Total of a review against the rubric; a declared conflict does not count (null). */
const totalOf = (r: ReviewRow) => (r.conflict ? null : Object.values(r.scores).reduce((a, b) => a + b, 0));

const countBy = (rows: ApplicationRow[], pick: (r: ApplicationRow) => readonly (string | null)[]) => {
  const out: Record<string, number> = {};
  for (const r of rows) for (const v of pick(r)) if (v) out[v] = (out[v] ?? 0) + 1;
  return out;
};
const diversityOf = (rows: ApplicationRow[]) => ({ spa: countBy(rows, (r) => [r.spa]), populations: countBy(rows, (r) => r.populations), languages: countBy(rows, (r) => r.languages) });

/** Public applications, reviews, the ranked view and decisions. */
export const createApplicationsService = ({ db, notifier, spam = DEFAULT_SPAM_RULES }: { db: Db; notifier: Notifier; spam?: SpamRules }) => {
  const recruiting = async (boardId: string): Promise<BoardRow> => {
    const b = await boardsRepo.one(db, boardId);
    // Only a recruiting board has a public page; any other is the 404 of a random id.
    if (!b || b.status !== 'recruiting') throw notFound('board');
    return b;
  };
  const tooMany = (what: string) => new AppError('too_many_requests', `Too many ${what} from this address. Try again in an hour.`, { retryAfterSeconds: HOUR });
  const detail = async (boardId: string, id: string) => {
    const row = await boardsRepo.application(db, boardId, id);
    if (!row) throw notFound('application');
    const [reviews, member] = await Promise.all([boardsRepo.reviews(db, [id]), boardsRepo.memberOfApplication(db, id)]);
    return toApplication(row, reviews.get(id) ?? [], member?.id ?? null);
  };
  const board = async (actor: Actor, boardId: string) => {
    const b = await boardsRepo.one(db, boardId);
    if (!b) throw notFound('board');
    await assertCoordinates(db, actor, boardId);
    return b;
  };

  return {
    /** A recruiting or active board has a public page ("you said, we did" too); only a recruiting one takes applications. */
    async publicBoard(boardId: string) {
      const b = await boardsRepo.one(db, boardId);
      if (!b || (b.status !== 'recruiting' && b.status !== 'active')) throw notFound('board');
      return {
        id: b.id,
        name: b.name,
        program: b.program,
        purpose: b.purpose,
        seats: b.seats,
        termMonths: b.termMonths,
        meetingCadence: b.meetingCadence,
        questions: b.questions,
        minimumFillSeconds: spam.minimumFillSeconds,
        acceptingApplications: b.status === 'recruiting',
      };
    },

    async startForm(ctx: Ctx, boardId: string) {
      await recruiting(boardId);
      const ipHash = ipHashOf(ctx.ip);
      if ((await boardsRepo.formsSince(db, ipHash, HOUR)) >= spam.formsPerHour) throw tooMany('forms');
      const row = await boardsRepo.issueForm(db, { token: randomToken(24), boardId, ipHash });
      return { formToken: row.token, issuedAt: row.issuedAt.toISOString(), minimumFillSeconds: spam.minimumFillSeconds };
    },

    /**
     * Honeypot filled: the answer looks like success and nothing is stored, so a bot learns
     * nothing. Rate limit, form token and fill time are checked in the transaction that writes.
     */
    async submit(ctx: Ctx, boardId: string, input: SubmitBody) {
      const b = await recruiting(boardId);
      if (input.website && input.website.trim() !== '') return { reference: newReference() };
      const ipHash = ipHashOf(ctx.ip);
      return db.transaction(async (tx) => {
        if ((await boardsRepo.applicationsSince(tx, ipHash, HOUR)) >= spam.applicationsPerHour) throw tooMany('applications');
        const form = await boardsRepo.lockForm(tx, input.formToken, boardId);
        if (!form) throw new AppError('validation_failed', 'This form has expired or was already sent. Reload the page and send it again.', { errors: [{ path: 'body.formToken', message: 'Unknown or already used' }] });
        if (form.age < spam.minimumFillSeconds) throw new AppError('form_too_fast', 'Please check your answers and send the form again in a few seconds.');
        const unknown = Object.keys(input.answers).filter((k) => !b.questions.some((q) => q.key === k));
        const missing = b.questions.filter((q) => q.required && !input.answers[q.key]?.trim());
        if (unknown.length || missing.length) {
          throw new AppError('validation_failed', 'Answer the questions this board asks.', {
            errors: [...unknown.map((k) => ({ path: `body.answers.${k}`, message: 'Not a question of this board' })), ...missing.map((q) => ({ path: `body.answers.${q.key}`, message: 'Required' }))],
          });
        }
        await boardsRepo.useForm(tx, input.formToken);
        const { formToken: _t, website: _w, ...fields } = input;
        const row = await boardsRepo.insertApplication(tx, { ...fields, boardId, reference: newReference(), ipHash, applicantUserId: userIdOf(ctx.actor) });
        await recordAudit(tx, ctx, { action: 'board_application.submit', entityType: 'board_application', entityId: row.id });
        return { reference: row.reference };
      });
    },

    /** Ranked by the mean of counted reviews' totals (best first; unreviewed last), diversity beside. */
    async ranked(ctx: Ctx, boardId: string, status?: ApplicationRow['status']) {
      await board(ctx.actor, boardId);
      const [rows, all] = await Promise.all([boardsRepo.applications(db, boardId, status), boardsRepo.applications(db, boardId)]);
      const reviews = await boardsRepo.reviews(db, rows.map((r) => r.id));
      const scored = rows.map((r) => {
        const rs = reviews.get(r.id) ?? [];
        const totals = rs.map(totalOf).filter((t): t is number => t !== null);
        const averageScore = totals.length ? Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 100) / 100 : null;
        return { r, averageScore, reviewCount: totals.length, conflictCount: rs.length - totals.length };
      });
      scored.sort((a, b) => (b.averageScore ?? -1) - (a.averageScore ?? -1) || a.r.createdAt.getTime() - b.r.createdAt.getTime() || a.r.id.localeCompare(b.r.id));
      await recordAudit(db, ctx, { action: 'board_application.list', entityType: 'board', entityId: boardId, read: true });
      return {
        data: scored.map(({ r, ...s }, i) => ({ id: r.id, boardId: r.boardId, reference: r.reference, status: r.status, locale: r.locale, spa: r.spa, populations: r.populations, languages: r.languages, createdAt: r.createdAt.toISOString(), version: r.version, name: r.name, ...s, rank: i + 1 })),
        diversity: diversityOf(all),
        selectedDiversity: diversityOf(all.filter((r) => r.status === 'selected')),
      };
    },

    async get(ctx: Ctx, boardId: string, id: string) {
      await board(ctx.actor, boardId);
      const a = await detail(boardId, id);
      await recordAudit(db, ctx, { action: 'board_application.read', entityType: 'board_application', entityId: id, read: true });
      return a;
    },

    /** The caller's own review; scores must name the board's criteria, each within its maxScore. */
    async putReview(ctx: Ctx, boardId: string, id: string, expected: number | undefined, input: ReviewBody) {
      const userId = userIdOf(ctx.actor)!;
      const b = await board(ctx.actor, boardId);
      const bad = Object.entries(input.scores).filter(([k, v]) => {
        const c = b.criteria.find((x) => x.key === k);
        return !c || v > c.maxScore;
      });
      if (bad.length) throw new AppError('validation_failed', "Score each of the board's criteria from 0 to its maximum.", { errors: bad.map(([k]) => ({ path: `body.scores.${k}`, message: 'Not a criterion of this board, or above its maximum' })) });
      const row = await db.transaction(async (tx) => {
        const app = await boardsRepo.lockApplication(tx, boardId, id);
        if (!app) throw notFound('application');
        const before = await boardsRepo.lockReview(tx, id, userId);
        if (before) assertVersion(before.version, expected);
        else if (expected !== undefined) throw new AppError('stale_version', 'You have no review of this application yet; send none.', { currentVersion: 0 });
        const fields = { scores: input.scores, comment: input.comment ?? null, conflict: input.conflict };
        const saved = before ? await boardsRepo.updateReview(tx, id, userId, fields) : await boardsRepo.insertReview(tx, { applicationId: id, reviewerUserId: userId, ...fields });
        await recordAudit(tx, ctx, { action: 'board_review.write', entityType: 'board_application', entityId: id, changes: { scores: { from: before?.scores ?? null, to: saved.scores }, conflict: { from: before?.conflict ?? null, to: saved.conflict } } });
        return saved;
      });
      return toReview(row);
    },

    /** Decide, with the message in the applicant's language; an applicant who applied signed in hears in the app. */
    async decide(ctx: Ctx, boardId: string, id: string, expected: number | undefined, input: DecideBody) {
      const b = await board(ctx.actor, boardId);
      await db.transaction(async (tx) => {
        const app = await boardsRepo.lockApplication(tx, boardId, id);
        if (!app) throw notFound('application');
        assertVersion(app.version, expected);
        if (!canDecide(app.status, input.decision)) throw new AppError('invalid_transition', `An application that is ${app.status} cannot be ${input.decision}.`);
        const message = input.message?.trim() || DEFAULT_MESSAGES[app.locale][input.decision](b.name);
        await boardsRepo.updateApplication(tx, id, { status: input.decision, decisionMessage: message, decidedAt: new Date(), decidedBy: userIdOf(ctx.actor) });
        if (app.applicantUserId) {
          await tx.execute(
            notifier.insert(
              'board.application_decided',
              'board_application',
              sql`select ${app.applicantUserId}::uuid as user_id, ${id}::uuid as entity_id, ${'Your board application was decided'}::text as title, jsonb_build_object('decision', ${input.decision}::text, 'board', ${b.name}::text, 'boardId', ${boardId}::text) as data`,
            ),
          );
        } else if (app.email) {
          // An applicant without an account hears by email, in their language (a printed letter for those without one).
          await emailOutbox.queueTo(tx, app.email, app.locale, 'board_decision', { boardId, board: b.name, message });
        }
        await recordAudit(tx, ctx, { action: 'board_application.decide', entityType: 'board_application', entityId: id, changes: { status: { from: app.status, to: input.decision } } });
      });
      return detail(boardId, id);
    },
  };
};
