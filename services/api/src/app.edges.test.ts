import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { testApp, type TestApp } from './testing/app';

// Answers from outside the routes: the router and Node's HTTP parser. Tested on a real listening
// server with raw requests, since inject skips the parser.
let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await testApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

/** Sends raw bytes and returns the parsed status, headers and body of the answer. */
const raw = (request: string) =>
  new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (c) => (data += c.toString('latin1')));
    socket.on('error', (e) => (data ? undefined : reject(e)));
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.write(request);
  });

const expectProblem = (res: { status: number; headers: Record<string, string>; body: string }, status: number, code: string) => {
  expect([res.status, res.headers['content-type']]).toEqual([status, expect.stringMatching(/^application\/problem\+json/)]);
  expect(JSON.parse(res.body)).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
};

describe('errors before a route answer problem+json with a stable code', () => {
  it('a URL that does not percent-decode → 400 bad_url', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/organizations/%E0%A4%A`);
    expectProblem({ status: res.status, headers: { 'content-type': res.headers.get('content-type') ?? '' }, body: await res.text() }, 400, 'bad_url');
  });

  it('a URL longer than we serve → 414 uri_too_long', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/organizations?q=${'a'.repeat(9000)}`);
    expectProblem({ status: res.status, headers: { 'content-type': res.headers.get('content-type') ?? '' }, body: await res.text() }, 414, 'uri_too_long');
  });

  it('a URL longer than the HTTP parser takes → 414 uri_too_long', async () => {
    expectProblem(await raw(`GET /api/v1/organizations?q=${'a'.repeat(40_000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 414, 'uri_too_long');
  });

  it('headers larger than the HTTP parser takes → 431 headers_too_large', async () => {
    expectProblem(await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(40_000)}\r\n\r\n`), 431, 'headers_too_large');
  });

  it('bytes that are not HTTP → 400 malformed_request', async () => {
    expectProblem(await raw('this is not http\r\n\r\n'), 400, 'malformed_request');
  });
});
