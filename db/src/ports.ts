import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A free TCP port on loopback, for throwaway clusters. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });

export const tmpDataDir = (label: string) => path.join(os.tmpdir(), `tandem-${label}-${process.pid}-${Date.now()}`);
