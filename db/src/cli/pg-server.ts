import { startEmbeddedPostgres } from '../embedded';

// A PostgreSQL server in its own process, for tests that must stop and restart the database
// under a running app. Prints `READY <url>`; SIGTERM stops it and keeps the data directory.
const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) {
  console.error('usage: pg-server <data-dir> <port>');
  process.exit(2);
}
startEmbeddedPostgres({ dataDir, port: Number(port), database: 'tandem' })
  .then((srv) => {
    process.stdout.write(`READY ${srv.url}\n`);
    const stop = () => srv.stop().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  })
  .catch((err) => {
    console.error(String(err));
    process.exit(1);
  });
