import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new signing secret: shown to the subscriber once, at creation or rotation. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

const hmac = (secret: string, t: number, body: string) => createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

/**
 * `Tandem-Signature: t=<unix seconds>,v1=<hex>`: HMAC-SHA256 of `<t>.<body>` with the secret.
 * While a rotated-out secret is still valid, a second `v1=` signed with it follows, so a receiver
 * that has not switched yet keeps verifying (docs/webhooks.md).
 */
export const signatureHeader = (secrets: string[], t: number, body: string) => [`t=${t}`, ...secrets.map((s) => `v1=${hmac(s, t, body)}`)].join(',');

/**
 * What a receiver does (docs/webhooks.md): true when one v1 matches `secret` and t is within
 * `toleranceSeconds` of now (a replayed old request fails).
 */
export const verifySignature = (secret: string, header: string, body: string, toleranceSeconds = 300, now = Date.now()) => {
  const parts = header.split(',').map((p) => p.trim().split('=') as [string, string]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, t, body), 'hex');
  return parts.some(([k, v]) => k === 'v1' && v?.length === expected.length * 2 && timingSafeEqual(Buffer.from(v, 'hex'), expected));
};
