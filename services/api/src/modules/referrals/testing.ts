import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Role } from '@tandem/contract';
import { newOrg, newUser } from '@tandem/db/testing';
import { newClient, newConsent } from '../../../../../db/src/testing/referral-factories';
import { signIn, type TestApp } from '../../testing/app';
import { newService } from '../directory/testing';

export type Headers = Record<string, string>;

/** A caller bound to headers: `call('POST', url, body)` returns status and parsed JSON. */
export const caller = (app: FastifyInstance, headers: Headers) => {
  const call = async (method: InjectOptions['method'], url: string, payload?: unknown, extra: Headers = {}) => {
    const res = await app.inject({ method, url, headers: { ...headers, ...extra }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test convenience: bodies are checked field by field
    const body: any = res.body ? JSON.parse(res.body) : undefined;
    return { status: res.statusCode, body, headers: res.headers };
  };
  return call;
};
export type Call = ReturnType<typeof caller>;

export const member = async (t: TestApp, org: { id: string }, role: Role = 'staff', name?: string) => {
  const u = await newUser(t.db, { org, role, ...(name ? { name } : {}) });
  return { user: u, call: caller(t.app, await signIn(t.app, u.email)) };
};

export const apiKey = async (t: TestApp, org: { id: string }, scopes: string[]) => {
  const admin = await member(t, org, 'org_admin');
  const res = await admin.call('POST', `/api/v1/organizations/${org.id}/api-keys`, { name: 'integration', scopes });
  if (res.status !== 201) throw new Error(`api key: ${res.status} ${JSON.stringify(res.body)}`);
  return caller(t.app, { authorization: `Bearer ${res.body.secret}` });
};

/**
 * A clinic whose CHW refers a client (with consent) to a CBO's food service, and an unrelated
 * organization. Every test builds its own.
 */
export const world = async (t: TestApp) => {
  const clinic = await newOrg(t.db, { name: 'Eastside Clinic', type: 'clinic' });
  const cbo = await newOrg(t.db, { name: 'Boyle Heights Pantry', type: 'cbo' });
  const other = await newOrg(t.db, { name: 'Westside Shelter', type: 'cbo' });
  const service = await newService(t.db, cbo.id, { ackSlaHours: 8, firstContactSlaHours: 24 });
  const chw = await member(t, clinic, 'staff', 'Carla CHW');
  const cboStaff = await member(t, cbo, 'staff', 'Pat Pantry');
  const client = await newClient(t.db, clinic);
  const consent = await newConsent(t.db, client);
  /** A complete draft from the clinic to the CBO, created through the API. */
  const draft = async (over: Record<string, unknown> = {}, as: Call = chw.call) => {
    const res = await as('POST', '/api/v1/referrals', {
      clientId: client.id,
      receivingOrganizationId: cbo.id,
      receivingServiceId: service.id,
      needs: ['food-insecurity'],
      reason: 'Family of four; food runs out mid-month',
      senderContactPhone: '(323) 555-0199',
      ...over,
    });
    if (res.status !== 201) throw new Error(`draft: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; status: string };
  };
  /** A draft, sent. */
  const sent = async (over: Record<string, unknown> = {}) => {
    const d = await draft(over);
    const res = await chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version });
    if (res.status !== 200) throw new Error(`send: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; status: string };
  };
  return { clinic, cbo, other, service, chw, cboStaff, client, consent, draft, sent };
};
export type World = Awaited<ReturnType<typeof world>>;
