import type { FastifyInstance, FastifyReply } from 'fastify';
import { api } from '@tandem/contract';
import { AppError } from '../../lib/app-error';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import { SESSION_COOKIE } from '../../plugins/auth';
import type { AuthService } from './service';

export const authRoutes = (app: FastifyInstance, svc: AuthService, opts: { cookieSecure: boolean }) => {
  // Secure when configured (the default in production) and whenever the request came over HTTPS:
  // TLS to us, or X-Forwarded-Proto: https from a trusted proxy (trustProxy is on in production).
  const setCookie = (reply: FastifyReply, token: string, expires: Date) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.cookieSecure || reply.request.protocol === 'https', expires });

  route(app, api.login, {
    rule: rules.public,
    handler: async (req, reply) => {
      const { session, me } = await svc.login(req.body.email, req.body.password, req.ip, req.headers['user-agent']).catch((e: unknown) => {
        // The problem body carries retryAfterSeconds too; the header is what HTTP clients read.
        if (e instanceof AppError && typeof e.extra.retryAfterSeconds === 'number') reply.header('retry-after', String(e.extra.retryAfterSeconds));
        throw e;
      });
      setCookie(reply, session.token, session.expiresAt);
      return me;
    },
  });
  route(app, api.logout, {
    rule: rules.signedIn,
    handler: async (req, reply) => {
      if (req.actor.kind === 'user') await svc.logout(req.actor.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  });
  route(app, api.acceptInvitation, {
    rule: rules.public,
    handler: async (req, reply) => {
      const { session, me } = await svc.acceptInvitation(req.ctx(), req.body.token, req.body.password, req.body.name, req.headers['user-agent']);
      setCookie(reply, session.token, session.expiresAt);
      return me;
    },
  });
  route(app, api.requestPasswordReset, {
    rule: rules.public,
    handler: async (req, reply) => {
      const out = await svc.requestPasswordReset(req.body.email, req.ip).catch((e: unknown) => {
        if (e instanceof AppError && typeof e.extra.retryAfterSeconds === 'number') reply.header('retry-after', String(e.extra.retryAfterSeconds));
        throw e;
      });
      reply.code(202);
      return out;
    },
  });
  route(app, api.confirmPasswordReset, {
    rule: rules.public,
    handler: async (req) => {
      await svc.confirmPasswordReset(req.ctx(), req.body.token, req.body.password);
      return undefined;
    },
  });
  route(app, api.listMyInvitations, { rule: rules.signedIn, handler: async (req) => svc.myInvitations(userIdOf(req.actor)) });
  route(app, api.acceptMyInvitation, {
    rule: rules.signedIn,
    handler: async (req) => svc.acceptMyInvitation(req.ctx(), userIdOf(req.actor), req.params.id),
  });
  route(app, api.getMe, { rule: rules.signedIn, handler: async (req) => svc.getMe(userIdOf(req.actor)) });
  route(app, api.updateMe, { rule: rules.signedIn, handler: async (req) => svc.updateMe(req.ctx(), userIdOf(req.actor), req.body) });
};

const userIdOf = (a: { kind: string; userId?: string }) => a.userId as string;
