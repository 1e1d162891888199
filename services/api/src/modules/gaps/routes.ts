import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { route } from '../../lib/routes';
import { gapReaders, gapWriters } from './access';
import type { GapsService } from './service';

/** One route() per endpoint: parse, one rule, one service call. */
export const gapRoutes = (app: FastifyInstance, gaps: GapsService) => {
  route(app, api.listGaps, { rule: gapReaders, handler: async (req) => gaps.list(req.query) });
  route(app, api.getGap, { rule: gapReaders, handler: async (req) => gaps.get(req.params.id) });
  route(app, api.createGap, { rule: gapWriters, handler: async (req) => gaps.create(req.ctx(), req.body) });
  route(app, api.updateGap, { rule: gapWriters, handler: async (req) => gaps.update(req.ctx(), req.params.id, req.expectedVersion, req.body) });
  route(app, api.transitionGap, { rule: gapWriters, handler: async (req) => gaps.transition(req.ctx(), req.params.id, req.expectedVersion, req.body) });
  route(app, api.addGapNote, { rule: gapWriters, handler: async (req) => gaps.addNote(req.ctx(), req.params.id, req.body.note) });
  route(app, api.listGapHistory, { rule: gapReaders, handler: async (req) => gaps.history(req.params.id, req.query.limit, req.query.cursor) });
  route(app, api.getGapEvidence, { rule: gapReaders, handler: async (req) => gaps.evidence(req.params.id, req.query) });
  route(app, api.getCoverage, { rule: gapReaders, handler: async (req) => gaps.coverage(req.query) });
};
