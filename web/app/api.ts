// The one way the web app talks to the server: same-origin fetch with the session cookie, the CSRF
// token on every write, and every non-2xx turned into an ApiError the screens can read.
import type { FieldProblem } from '../../api/common';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly details: unknown = undefined,
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Set from the login or session response; the server refuses cookie writes without it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** For the one request that is not JSON (a recording's multipart upload), which sets its own headers. */
export const currentCsrfToken = (): string | null => csrfToken;

/** Called on any 401, so an expired session sends the user back to the sign-in page. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: { error?: { code?: string; message?: unknown; details?: { fields?: unknown }; requestId?: string } } | null = null;
  try {
    body = await response.json();
  } catch {
    // A proxy or a crash may answer with HTML; the status still says enough.
  }
  const error = body?.error;
  const fields: FieldProblem[] = Array.isArray(error?.details?.fields) ? error.details.fields : [];
  const message = typeof error?.message === 'string' ? error.message : `The server answered ${response.status} ${response.statusText}`;
  return new ApiError(response.status, error?.code ?? 'http_error', message, fields, error?.details, error?.requestId ?? null);
}

interface RequestOptions {
  signal?: AbortSignal;
  /** The session probe handles 401 itself; everything else bounces to the sign-in page. */
  quiet401?: boolean;
}

async function request<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A form (a file upload) sets its own multipart type and boundary.
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : body instanceof FormData ? body : JSON.stringify(body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection and try again.');
  }
  if (!response.ok) {
    const error = await errorOf(response);
    if (response.status === 401 && !options.quiet401) onUnauthenticated?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? response.json() : response.text()) as Promise<T>;
}

export const api = {
  get: <T>(path: string, query?: Query, options?: RequestOptions) => request<T>('GET', withQuery(path, query), undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
  /** multipart/form-data: a file the browser streams from disk, never read into the page. */
  upload: <T>(path: string, form: FormData, options?: RequestOptions) => request<T>('POST', path, form, options),
};
