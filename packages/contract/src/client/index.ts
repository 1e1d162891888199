import { fillPath, type EndpointDef, type EndpointInput, type EndpointOutput } from '../common/endpoint';
import type { Problem } from '../common/problem';

/** An error answer from the API, parsed from application/problem+json. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
  get code() {
    return this.problem.code;
  }
  /** Field errors keyed by the field name without the `body.`/`query.` prefix. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.path.replace(/^(body|query|params)\./, '')] ??= e.message;
    return out;
  }
}

export interface ClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  headers?: () => Record<string, string>;
}

const toQuery = (query: Record<string, unknown> | undefined) => {
  if (!query) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => sp.append(k, String(x)));
    else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
};

/** A typed caller for any endpoint in `api`: input and output types come from the contract. */
export const createClient = (opts: ClientOptions = {}) => {
  const f = opts.fetch ?? globalThis.fetch.bind(globalThis);
  return async function call<E extends EndpointDef>(endpoint: E, input: EndpointInput<E> = {} as EndpointInput<E>): Promise<EndpointOutput<E>> {
    const url = (opts.baseUrl ?? '') + fillPath(endpoint.path, input.params as Record<string, string>) + toQuery(input.query as Record<string, unknown>);
    const headers: Record<string, string> = { accept: 'application/json', ...(opts.headers?.() ?? {}), ...(input.headers ?? {}) };
    let body: string | undefined;
    if (input.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(input.body);
    }
    const res = await f(url, { method: endpoint.method, headers, body, credentials: 'include' });
    if (res.status === 204) return undefined as EndpointOutput<E>;
    const text = await res.text();
    const data: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const problem =
        data && typeof data === 'object' && 'code' in data
          ? (data as Problem)
          : ({ type: 'about:blank', title: res.statusText, status: res.status, code: 'internal_error' } as Problem);
      throw new ApiError(res.status, problem);
    }
    return data as EndpointOutput<E>;
  };
};
export type ApiCall = ReturnType<typeof createClient>;
