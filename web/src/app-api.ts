/**
 * The dashboard's calls to the service: JSON over same-origin fetch (the session cookie rides along; the server
 * checks the origin of every write). Failures are values with a message safe to show.
 */
import type { ApiError } from '../../service/src/http/api-types.ts';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

const TIMEOUT_MS = 30_000;

export async function api<T>(path: string, method = 'GET', body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { ok: false, status: 0, message: "Couldn't reach the coach — try again" };
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  if (response.ok) return { ok: true, data: json as T };
  const message = isApiError(json) ? json.error.message : `Request failed (${response.status})`;
  return { ok: false, status: response.status, message };
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
