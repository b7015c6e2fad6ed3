import type { CallBudget } from '../../core/knowledge/model-call-budget.ts';

export interface OpenAiEndpoint {
  /** Up to and including the API version, e.g. `http://127.0.0.1:11434/v1` (Ollama) or `http://host:8000/v1` (vLLM). */
  baseUrl: string;
  /** Sent as a bearer token when set; local servers usually need none. */
  apiKey?: string;
}

/** A refusal from the server: the status and the `error.type` / `error.code` it named (never its message). */
export class OpenAiCompatibleError extends Error {
  override readonly name = 'OpenAiCompatibleError';
  constructor(
    readonly status: number,
    readonly type: string | null,
    readonly code: string | null,
  ) {
    super(`chat completion failed with HTTP ${status}${type ? ` (${type})` : ''}`);
  }
}

/** Rate limits and server faults pass; a bad request or a bad key will fail the same way again. */
const RETRYABLE = new Set([408, 409, 429, 500, 502, 503, 504]);

/**
 * POST `/chat/completions`, retried on 429, 5xx, dropped connections and attempts that outlast `attemptMs`,
 * with exponential back-off (or the server's `Retry-After`) — only while the budget's signal is live.
 */
export async function postChatCompletion(
  endpoint: OpenAiEndpoint,
  body: unknown,
  budget: CallBudget,
  signal: AbortSignal,
): Promise<{ json: unknown; attempts: number }> {
  const url = `${endpoint.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    let wait: number;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.any([signal, AbortSignal.timeout(budget.attemptMs)]),
      });
      if (response.ok) return { json: await response.json(), attempts: attempt };
      const error = await refusal(response);
      if (!RETRYABLE.has(response.status) || attempt >= budget.maxAttempts) throw error;
      wait = retryAfterMs(response) ?? backoffMs(attempt);
      // A server asking for more time than is left: give up now rather than hold the reply.
      if (wait >= budget.totalMs - (Date.now() - started)) throw error;
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (!isTransient(error) || attempt >= budget.maxAttempts) throw error;
      wait = backoffMs(attempt);
    }
    await sleep(wait, signal);
  }
}

async function refusal(response: Response): Promise<OpenAiCompatibleError> {
  const body = (await response.json().catch(() => undefined)) as
    | { error?: { type?: unknown; code?: unknown } }
    | undefined;
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  return new OpenAiCompatibleError(response.status, text(body?.error?.type), text(body?.error?.code));
}

/** A dropped or refused connection, or one attempt's own timeout; not a refusal or an unreadable body. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'TimeoutError' || (error.name === 'TypeError' && error.message.includes('fetch failed'))
  );
}

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

function backoffMs(attempt: number): number {
  return 200 * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
