import { randomBytes } from 'node:crypto';
import pg from 'pg';

// The test runner (scripts/test.ts) migrates one template database per run and exports where it
// is; each test file clones it, so files never share rows and never wait for migrations.
const env = () => {
  const adminUrl = process.env.TANDEM_TEST_ADMIN_URL;
  const template = process.env.TANDEM_TEST_TEMPLATE;
  if (!adminUrl || !template) {
    throw new Error('No test database: run the tests with `npm test` (scripts/test.ts starts PostgreSQL and migrates a template).');
  }
  return { adminUrl, template };
};

export const databaseUrl = (adminUrl: string, database: string) => {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
};

export interface TestDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

export const createTestDatabase = async (): Promise<TestDatabase> => {
  const { adminUrl, template } = env();
  const name = `tandem_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(adminUrl, name),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
};
