import { AppError } from '../lib/app-error';
import { safeErrorLog, toProblem } from './errors';

describe('toProblem: every kind of error becomes problem+json', () => {
  it.each([
    ['an AppError keeps its code', new AppError('stale_version', 'changed'), 'stale_version', 409],
    ['a Fastify JSON parse error', Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), 'malformed_json', 400],
    ['an oversize body', Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE' }), 'payload_too_large', 413],
    ['an unsupported content type', Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }), 'unsupported_media_type', 415],
    ['a unique violation', Object.assign(new Error('dup'), { code: '23505' }), 'already_exists', 409],
    ['a foreign key violation', Object.assign(new Error('fk'), { code: '23503' }), 'reference_not_found', 422],
    ['a check violation', Object.assign(new Error('ck'), { code: '23514' }), 'constraint_violation', 422],
    ['a numeric overflow', Object.assign(new Error('big'), { code: '22003' }), 'invalid_value', 400],
    ['a NUL byte the database refused', Object.assign(new Error('nul'), { code: '22021' }), 'invalid_characters', 400],
    ['a statement timeout', Object.assign(new Error('slow'), { code: '57014' }), 'timeout', 503],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'database_unavailable', 503],
    ['a terminated connection', new Error('Connection terminated unexpectedly'), 'database_unavailable', 503],
    ['a rate limit', Object.assign(new Error('slow down'), { statusCode: 429 }), 'too_many_requests', 429],
    ['anything else', new TypeError('boom'), 'internal_error', 500],
  ])('%s', (_label, err, code, status) => {
    const { problem } = toProblem(err);
    expect(problem).toMatchObject({ code, status, type: expect.stringContaining('/problems/') });
    expect(JSON.stringify(problem)).not.toContain('    at ');
  });

  it('unwraps drizzle query errors to the driver error underneath', () => {
    const cause = Object.assign(new Error('duplicate key'), { code: '23505' });
    const wrapped = Object.assign(new Error('Failed query: insert ...\nparams: Maria,1990-01-01'), { name: 'DrizzleQueryError', cause });
    expect(toProblem(wrapped).problem.code).toBe('already_exists');
  });

  it('lists each invalid field of a validation error under errors[]', () => {
    const err = Object.assign(new Error('bad'), {
      validation: [{ instancePath: '/email', message: 'Invalid email', params: { issue: { code: 'invalid_format', path: ['email'] } } }],
      validationContext: 'body',
    });
    const { problem } = toProblem(err);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual([{ path: 'body.email', message: 'Invalid email', code: 'invalid_format' }]);
  });

  it('never logs query parameters (they can be PHI)', () => {
    const cause = Object.assign(new Error('boom'), { code: 'XX000' });
    const wrapped = Object.assign(new Error('Failed query: select 1\nparams: Maria Lopez,1990-01-01'), { name: 'DrizzleQueryError', cause });
    expect(JSON.stringify(safeErrorLog(wrapped))).not.toContain('Maria');
  });
});
