import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './index';

// The README's demo-account table is what a new user signs in with: keep it true to the seed.
describe('README demo accounts', () => {
  const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
  it('lists every seeded account with its role and organization', () => {
    for (const a of DEMO_ACCOUNTS) expect(readme).toContain(`| ${a.email} | ${a.role} | ${a.organization} |`);
  });
  it('shows the demo password and the network admin', () => {
    expect(readme).toContain(DEMO_PASSWORD);
    expect(DEMO_ACCOUNTS).toContainEqual(expect.objectContaining({ email: 'admin@tandem.example', role: 'network_admin' }));
  });
});
