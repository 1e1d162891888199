import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress } from './ssrf';

export interface PostResult {
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

const EXCERPT = 500;

/** Resolves like dns.lookup but refuses private addresses: the address checked is the one connected to. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const ok = addresses.filter((a) => !isPrivateAddress(a.address));
    if (!ok.length) return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EPRIVATE' }), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, ok);
    callback(null, ok[0]!.address, ok[0]!.family);
  });
};

/**
 * One delivery attempt: POST the body, never follow a redirect, give up after `timeoutMs`, keep
 * the first bytes of the answer for the delivery log. Never throws.
 */
export const postWebhook = (url: string, headers: Record<string, string>, body: string, opts: { timeoutMs: number; allowPrivate: boolean }): Promise<PostResult> => {
  const started = performance.now();
  const u = new URL(url);
  const client = u.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const done = (r: Omit<PostResult, 'latencyMs'>) => resolve({ ...r, latencyMs: Math.round(performance.now() - started) });
    const req = client.request(
      u,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Tandem-Webhooks/1', ...headers },
        timeout: opts.timeoutMs,
        agent: false,
        ...(opts.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      },
      (res) => {
        let excerpt = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (excerpt.length < EXCERPT) excerpt += chunk.slice(0, EXCERPT - excerpt.length);
        });
        res.on('end', () => done({ statusCode: res.statusCode ?? null, error: null, responseExcerpt: excerpt || null }));
        res.on('error', (err) => done({ statusCode: res.statusCode ?? null, error: err.message.slice(0, 300), responseExcerpt: excerpt || null }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
    req.on('error', (err) => done({ statusCode: null, error: err.message.slice(0, 300), responseExcerpt: null }));
    req.end(body);
  });
};
