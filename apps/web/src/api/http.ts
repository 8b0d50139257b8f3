/**
 * The one way the client calls the REST API (DESIGN §5): JSON in and out under `/api`, the
 * signed-in user's bearer token added, and an error answer thrown as an ApiError carrying the
 * server's own message, so every form can show it as it is.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

type TokenSource = () => string | null;
type UnauthorizedListener = () => void;

let currentToken: TokenSource = () => null;
let onUnauthorized: UnauthorizedListener = () => undefined;

/** The auth context tells the client where the token is and what to do when the server refuses it. */
export function connectAuth(token: TokenSource, unauthorized: UnauthorizedListener): void {
  currentToken = token;
  onUnauthorized = unauthorized;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const token = currentToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const data = await readBody(response);
  if (!response.ok) {
    // A token the server no longer accepts (expired, logged out elsewhere) ends the session here too.
    if (response.status === 401 && token) onUnauthorized();
    throw new ApiError(response.status, errorMessage(data, response));
  }
  return data as T;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The contract's `{statusCode, error, message}`; anything else (a proxy's page) by its status. */
function errorMessage(data: unknown, response: Response): string {
  if (data && typeof data === 'object' && 'message' in data) {
    const message = (data as { message: unknown }).message;
    if (typeof message === 'string' && message !== '') return message;
    if (Array.isArray(message)) return message.join(', ');
  }
  return `${response.status} ${response.statusText || 'request failed'}`;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => apiRequest<T>(path, { method: 'POST', body, headers }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T = void>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'DELETE', body }),
};
