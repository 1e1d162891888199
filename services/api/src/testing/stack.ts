import path from 'node:path';
import type { Db } from '@tandem/db';
import { testApp } from './app';

/** API + built web app on one origin and a real port, for browser tests. */
export const startStack = async (): Promise<{ baseUrl: string; db: Db; close: () => Promise<void> }> => {
  const webDistDir = process.env.WEB_DIST_DIR ?? path.resolve(__dirname, '../../../../web/dist');
  const t = await testApp({ webDistDir });
  const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
  return { baseUrl: address, db: t.db, close: t.close };
};
