import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { fillPath, type EndpointDef, type EndpointInput, type EndpointOutput, type Role } from '@tandem/contract';
import { createTestDatabase, newUser, TEST_PASSWORD } from '@tandem/db/testing';
import type { Db } from '@tandem/db';
import { buildApp } from '../app';
import { testConfig, type AppConfig } from '../config';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  url: string;
  close: () => Promise<void>;
}

/** A fresh database cloned from the migrated template, and the app built on it. */
export const testApp = async (over: Partial<AppConfig> = {}, deps: Parameters<typeof buildApp>[1] = {}): Promise<TestApp> => {
  const tdb = await createTestDatabase();
  const app = await buildApp(testConfig(tdb.url, over), deps);
  await app.ready();
  return {
    app,
    db: app.db,
    url: tdb.url,
    close: async () => {
      await app.close();
      await tdb.drop();
    },
  };
};

export const sessionCookie = (res: LightMyRequestResponse) => {
  const c = res.cookies.find((x) => x.name === 'tandem_session');
  if (!c) throw new Error(`No session cookie (status ${res.statusCode}: ${res.body})`);
  return `tandem_session=${c.value}`;
};

/** Signs in through the real endpoint and returns headers that carry the session. */
export const signIn = async (app: FastifyInstance, email: string, password = TEST_PASSWORD) => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  return { cookie: sessionCookie(res) };
};

export type Headers = Record<string, string>;

/**
 * The one way API tests call the app: a caller bound to headers (a session or an API key).
 * - `call('POST', url, body?, headers?)`: any request, bad ones included; the body is parsed JSON,
 *   loosely typed on purpose (tests read it field by field, often to check refusals).
 * - `call.op(api.getReferral, { params, query, body, headers })`: an endpoint of the contract,
 *   its URL filled from the contract, and the answer typed as the contract's success body.
 */
export const caller = (app: FastifyInstance, headers: Headers) => {
  const call = async (method: InjectOptions['method'], url: string, payload?: unknown, extra: Headers = {}) => {
    const res = await app.inject({ method, url, headers: { ...headers, ...extra }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test convenience: bodies are checked field by field
    const body: any = res.body ? JSON.parse(res.body) : undefined;
    return { status: res.statusCode, body, headers: res.headers };
  };
  const op = async <E extends EndpointDef>(e: E, input: EndpointInput<E>) => {
    const { params, query, body, headers: extra } = input as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown; headers?: Headers };
    const qs = query
      ? new URLSearchParams(Object.entries(query).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]]))).toString()
      : '';
    const res = await call(e.method, fillPath(e.path, params) + (qs ? `?${qs}` : ''), body, extra);
    return res as { status: number; body: EndpointOutput<E>; headers: typeof res.headers };
  };
  return Object.assign(call, { op });
};
export type Call = ReturnType<typeof caller>;

/** A new member of `org` with `role`, signed in: their user row and their caller. */
export const member = async (t: TestApp, org: { id: string }, role: Role = 'staff', name?: string) => {
  const u = await newUser(t.db, { org, role, ...(name ? { name } : {}) });
  return { user: u, call: caller(t.app, await signIn(t.app, u.email)) };
};

/** A caller with a new API key of `org` holding `scopes` (made by a new org admin through the API). */
export const apiKey = async (t: TestApp, org: { id: string }, scopes: string[]) => {
  const admin = await member(t, org, 'org_admin');
  const res = await admin.call('POST', `/api/v1/organizations/${org.id}/api-keys`, { name: 'integration', scopes });
  if (res.status !== 201) throw new Error(`api key: ${res.status} ${JSON.stringify(res.body)}`);
  return caller(t.app, { authorization: `Bearer ${res.body.secret}` });
};
