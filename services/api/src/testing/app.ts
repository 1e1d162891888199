import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createTestDatabase, TEST_PASSWORD } from '@tandem/db/testing';
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
