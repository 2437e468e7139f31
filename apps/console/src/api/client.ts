import { takeEarlyResponse } from './early-requests';

/**
 * The console's only way to the API: same origin (the API serves the console under /console/),
 * a bearer token on every call, the API's error shape `{statusCode, code, message}` turned into
 * an ApiError whose message is the API's French sentence, shown as it is.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let currentToken: string | undefined;
let onUnauthorised: (() => void) | undefined;

/** The token every call carries; set by the session on sign-in, cleared on sign-out. */
export function setApiToken(token: string | undefined, whenRefused: () => void): void {
  currentToken = token;
  onUnauthorised = whenRefused;
}

/** Calls the API; resolves the JSON body, rejects with ApiError (network failure: status 0). */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    const sentEarly =
      method === 'GET' && body === undefined ? takeEarlyResponse(path, currentToken) : undefined;
    response = await (sentEarly ??
      fetch(path, {
        method,
        headers: {
          accept: 'application/json',
          ...(currentToken && { authorization: `Bearer ${currentToken}` }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }));
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      'Le serveur ne répond pas : vérifiez votre connexion, puis réessayez.',
    );
  }
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = (parsed ?? {}) as { code?: string; message?: string; details?: string[] };
    if (response.status === 401) onUnauthorised?.();
    throw new ApiError(
      response.status,
      error.code ?? 'HTTP_ERROR',
      error.message ?? `Le serveur a répondu ${response.status}.`,
      error.details,
    );
  }
  return parsed as T;
}

/** A query string from the defined, non-empty values. */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A form field's text ('' when absent or a file). */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
