import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may not reach (SSRF): loopback, link-local (cloud metadata lives there),
 * private and shared ranges, "this network", multicast and reserved. The start command and tests
 * allow them with WEBHOOKS_ALLOW_PRIVATE_URLS (their receivers listen on 127.0.0.1).
 */
const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

export const isPrivateAddress = (address: string) => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, 'ipv4');
  const family = isIP(address);
  return family === 0 || blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
};

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Whether a subscriber URL may be called: https (http too when private addresses are allowed, for
 * local receivers), no credentials in it, and every address its host resolves to public. Delivery
 * checks the address again as it connects (webhook-http.ts), so a DNS answer changed after
 * subscribing cannot point it inside.
 */
export const checkWebhookUrl = async (raw: string, allowPrivate: boolean): Promise<UrlCheck> => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) return { ok: false, reason: 'must use https' };
  if (url.username || url.password) return { ok: false, reason: 'must not carry credentials' };
  if (allowPrivate) return { ok: true, url };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return { ok: false, reason: 'host does not resolve' };
  }
  if (!addresses.length || addresses.some(isPrivateAddress)) return { ok: false, reason: 'resolves to a loopback, link-local or private address' };
  return { ok: true, url };
};
