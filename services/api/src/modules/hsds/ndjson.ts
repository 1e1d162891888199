import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

// HSDS `format=ndjson`: every result of a list, one JSON object per line, no page envelope.
// Sent as a stream, so the response serializer (which knows only the JSON page) is not involved.
export const NDJSON_TYPE = 'application/x-ndjson; charset=utf-8';

async function* lines(items: AsyncIterable<unknown> | Iterable<unknown>) {
  for await (const item of items) yield `${JSON.stringify(item)}\n`;
}

export const sendNdjson = (reply: FastifyReply, items: AsyncIterable<unknown> | Iterable<unknown>) =>
  reply.type(NDJSON_TYPE).send(Readable.from(lines(items)));

/** One list route: the JSON page, or with format=ndjson every item as a stream. */
export const pageOrStream = async <Q extends { format: 'json' | 'ndjson' }, P>(
  reply: FastifyReply,
  query: Q,
  list: (q: Q) => P | Promise<P>,
  stream: (q: Q) => Promise<AsyncIterable<unknown> | Iterable<unknown>>,
): Promise<P | FastifyReply> => (query.format === 'ndjson' ? sendNdjson(reply, await stream(query)) : list(query));
