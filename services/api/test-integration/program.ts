// An integrator's program written only against the types openapi-typescript generates from
// /openapi.json (`./api` is that file: program.test.ts generates it beside a copy of this one,
// type-checks both with tsc and runs this with tsx against a listening API).
// Input: TANDEM_URL, TANDEM_KEY (an API key with referrals:read/write and directory:read),
// TANDEM_CLIENT_ID (a client of the key's organization with consent).
import type { components, paths } from './api';

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

type Schemas = components['schemas'];
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
type Ok<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer R } } };
}
  ? R
  : never;

const base = process.env.TANDEM_URL!;
const auth = { authorization: `Bearer ${process.env.TANDEM_KEY}` };

const call = async <T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ data: T; etag: string | null }> => {
  const res = await fetch(base + path, {
    method,
    headers: { ...auth, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) {
    const problem = (await res.json()) as Schemas['Problem'];
    throw new Error(`${method} ${path}: ${res.status} ${problem.code}: ${problem.detail ?? problem.title}`);
  }
  return { data: (await res.json()) as T, etag: res.headers.get('etag') };
};

const main = async () => {
  // 1. Sign in with the key: any call with it; a bad key answers 401.
  const counts = await call<Ok<'/api/v1/referrals/counts', 'get', 200>>('GET', '/api/v1/referrals/counts?box=sent');
  const before: number = counts.data.byStatus.sent;

  // 2. Search the directory: food services in SPA 4.
  const query: NonNullable<paths['/api/v1/services/search']['get']['parameters']['query']> = {
    category: 'food-insecurity',
    spa: 'spa4',
    limit: 5,
  };
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const search = await call<Ok<'/api/v1/services/search', 'get', 200>>('GET', `/api/v1/services/search?${qs}`);
  const hit = search.data.data[0];
  if (!hit) throw new Error('search found nothing');

  // 3. Create a draft and send it (If-Match with the ETag of the draft).
  const draftBody: Body<'/api/v1/referrals', 'post'> = {
    clientId: process.env.TANDEM_CLIENT_ID!,
    receivingOrganizationId: hit.organization.id,
    receivingServiceId: hit.id,
    needs: ['food-insecurity'],
    reason: 'Family of four; food runs out mid-month',
    // An API key is no person: name the contact the receiver can reach.
    senderContactName: 'Carla Mendez',
    senderContactPhone: '(323) 555-0199',
  };
  const draft = await call<Ok<'/api/v1/referrals', 'post', 201>>('POST', '/api/v1/referrals', draftBody, {
    'idempotency-key': `program-${Date.now()}`,
  });
  const sendBody: Body<'/api/v1/referrals/{id}/send', 'post'> = {};
  const sent = await call<Ok<'/api/v1/referrals/{id}/send', 'post', 200>>('POST', `/api/v1/referrals/${draft.data.id}/send`, sendBody, {
    'if-match': draft.etag!,
  });
  if (sent.data.status !== 'sent') throw new Error(`not sent: ${sent.data.status}`);

  // 4. Post a message to the receiver.
  const messageBody: Body<'/api/v1/referrals/{id}/messages', 'post'> = { body: 'Client prefers a call after 3pm.' };
  const message = await call<Ok<'/api/v1/referrals/{id}/messages', 'post', 201>>(
    'POST',
    `/api/v1/referrals/${draft.data.id}/messages`,
    messageBody,
  );

  // 5. Change its status with If-Match: the sender cancels (the version goes in the header only).
  const cancelBody: Body<'/api/v1/referrals/{id}/transitions', 'post'> = { to: 'cancelled', reason: 'client_declined' };
  const cancelled = await call<Ok<'/api/v1/referrals/{id}/transitions', 'post', 200>>(
    'POST',
    `/api/v1/referrals/${draft.data.id}/transitions`,
    cancelBody,
    {
      'if-match': sent.etag!,
    },
  );

  // 6. Sync by updatedSince: what changed since the draft was made, oldest change first.
  const since: NonNullable<paths['/api/v1/referrals']['get']['parameters']['query']> = { box: 'sent', updatedSince: draft.data.createdAt, limit: 100 };
  const sqs = new URLSearchParams(Object.entries(since).map(([k, v]) => [k, String(v)]));
  const changed = await call<Ok<'/api/v1/referrals', 'get', 200>>('GET', `/api/v1/referrals?${sqs}`);
  const synced = changed.data.data.find((r) => r.id === draft.data.id);
  if (!synced) throw new Error('the sync did not list the referral');

  console.log(
    JSON.stringify({
      before,
      searched: hit.id,
      referral: draft.data.id,
      sent: sent.data.status,
      message: message.data.id,
      status: cancelled.data.status,
      etag: cancelled.etag,
      synced: synced.status,
    }),
  );
};

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
