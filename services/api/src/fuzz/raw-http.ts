import net from 'node:net';

// Raw HTTP/1.1 over a socket, for what app.inject and node's http client normalise away or
// refuse to send: invalid percent-encoding, invalid UTF-8, oversize request lines and headers.

export interface RawResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const dechunk = (b: Buffer): Buffer => {
  const out: Buffer[] = [];
  let i = 0;
  while (i < b.length) {
    const eol = b.indexOf('\r\n', i);
    if (eol < 0) break;
    const size = parseInt(b.subarray(i, eol).toString(), 16);
    if (!size) break;
    out.push(b.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
};

/** Sends `head` (request line and headers, without the blank line) and `body`; reads until the server closes. */
export const rawRequest = (port: number, head: string | Buffer, body: Buffer | string = '', timeoutMs = 10_000): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', (err) => {
      // A server may reset after answering (it destroys the socket on client errors).
      if (chunks.length) socket.emit('close');
      else {
        clearTimeout(timer);
        reject(err);
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const sep = all.indexOf('\r\n\r\n');
      if (sep < 0) return reject(new Error(`no HTTP response (${all.length} bytes): ${all.toString().slice(0, 200)}`));
      const [statusLine, ...lines] = all.subarray(0, sep).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const c = l.indexOf(':');
        headers[l.slice(0, c).trim().toLowerCase()] = l.slice(c + 1).trim();
      }
      let rest: Buffer = all.subarray(sep + 4);
      if (/chunked/i.test(headers['transfer-encoding'] ?? '')) rest = dechunk(rest);
      else if (headers['content-length']) rest = rest.subarray(0, Number(headers['content-length']));
      resolve({ statusCode: Number(statusLine!.split(' ')[1]), headers, body: rest.toString('utf8') });
    });
    const b = typeof body === 'string' ? Buffer.from(body) : body;
    const h = Buffer.isBuffer(head) ? head : Buffer.from(head, 'latin1');
    const tail = Buffer.from(`\r\nhost: 127.0.0.1\r\nconnection: close\r\n${b.length || /^(POST|PUT|PATCH)/.test(h.toString('latin1')) ? `content-length: ${b.length}\r\n` : ''}\r\n`, 'latin1');
    socket.write(Buffer.concat([h, tail, b]));
  });
