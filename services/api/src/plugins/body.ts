import fp from 'fastify-plugin';
import { AppError } from '../lib/app-error';

const hasNul = (v: unknown): boolean => {
  if (typeof v === 'string') return v.includes('\u0000');
  if (Array.isArray(v)) return v.some(hasNul);
  if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => k.includes('\u0000') || hasNul(x));
  return false;
};

/**
 * JSON bodies: Fastify's parser (it guards against prototype poisoning), plus a refusal of NUL
 * characters, which PostgreSQL cannot store in text and which have no business in a form field.
 */
export const bodyPlugin = fp(
  async (app) => {
    const parse = app.getDefaultJsonParser('error', 'error');
    app.addHook('preValidation', async (req) => {
      if (hasNul(req.query) || hasNul(req.params)) throw new AppError('invalid_characters', 'The URL must not contain NUL (%00) characters.');
    });
    app.removeContentTypeParser(['application/json']);
    const jsonParser = (req: Parameters<typeof parse>[0], raw: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
      if (String(raw).trim() === '') return done(new AppError('malformed_json', 'The body is empty; send a JSON object.'), undefined);
      parse(req, String(raw), (err, value) => {
        if (err) return done(new AppError('malformed_json', 'The body could not be parsed as JSON.'), undefined);
        if (hasNul(value)) {
          return done(new AppError('invalid_characters', 'Text must not contain NUL (\\u0000) characters.'), undefined);
        }
        done(null, value);
      });
    };
    app.addContentTypeParser('application/json', { parseAs: 'string' }, jsonParser);
    app.addContentTypeParser(/^application\/[\w.+-]+\+json$/, { parseAs: 'string' }, jsonParser);
  },
  { name: 'body' },
);
