/**
 * The page's only conversation with the service: `POST /api/chat`. Failures are values, not exceptions, so the
 * UI has exactly two cases to render.
 */
import type { ApiError, ChatRequest, ChatResponse } from '../../service/src/http/api-types.ts';

export type ChatResult = { ok: true; replies: string[] } | { ok: false; message: string };

export const UNREACHABLE_MESSAGE = "Couldn't reach the coach — try again";
// A coach reply can wait on the language model; past this the user is better off retrying.
const REQUEST_TIMEOUT_MS = 30_000;

export async function sendChatMessage(text: string): Promise<ChatResult> {
  const request: ChatRequest = { text };
  let response: Response;
  try {
    response = await fetch('/api/chat', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, message: UNREACHABLE_MESSAGE };
  }
  const body = await readJson(response);
  if (response.ok && isChatResponse(body)) return { ok: true, replies: body.replies };
  if (!response.ok && isApiError(body)) return { ok: false, message: body.error.message };
  return { ok: false, message: UNREACHABLE_MESSAGE };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

// The server is trusted but proxies and outages are not: check the shape before rendering it.
function isChatResponse(body: unknown): body is ChatResponse {
  if (typeof body !== 'object' || body === null) return false;
  const replies: unknown = (body as { replies?: unknown }).replies;
  return Array.isArray(replies) && replies.every((reply) => typeof reply === 'string');
}

function isApiError(body: unknown): body is ApiError {
  if (typeof body !== 'object' || body === null) return false;
  const error: unknown = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' && message.length > 0;
}
