import { newOrg, newUser } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../../testing/app';

// A multipart body that does not parse is the caller's mistake: 400 problem+json, never 500.
let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await testApp();
  cookie = (await signIn(t.app, (await newUser(t.db, { org: await newOrg(t.db), role: 'network_admin' })).email)).cookie;
});
afterAll(() => t.close());

const post = (contentType: string, payload: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/directory/imports', headers: { cookie, 'content-type': contentType }, payload });

describe('POST /api/v1/directory/imports with a malformed multipart body', () => {
  it.each([
    ['no boundary in the content type', 'multipart/form-data', '--x\r\nContent-Disposition: form-data; name="a"; filename="a.csv"\r\n\r\nid\r\n--x--\r\n'],
    ['a body that never closes its part', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"; filename="organizations.csv"\r\n\r\nid,name\r\n1,A'],
    ['a part without headers end', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"; filename="a.csv"'],
    ['garbage', 'multipart/form-data; boundary=x', 'not multipart at all'],
  ])('%s → 400 problem+json', async (_, contentType, payload) => {
    const res = await post(contentType, payload);
    expect([res.statusCode, res.headers['content-type']]).toEqual([400, expect.stringMatching(/^application\/problem\+json/)]);
    expect(res.json()).toMatchObject({ status: 400, code: 'malformed_multipart' });
  });
});
