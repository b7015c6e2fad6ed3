/**
 * How long a model may take. An SMS webhook must answer within 10 s (Twilio gives up at 15 s, and a person
 * waiting on a phone should not wait longer); the conversation's own reads and commit take well under a second,
 * so a model call — every attempt and every retry together — gets at most `MODEL_BUDGET_MS`. Past that, when
 * the question can be answered later (a queue, and its text kept in the message log), the user is told "let me
 * look that up" and a queued job asks again with `QUEUED_CALL_BUDGET`, delivering through the messenger; otherwise
 * the guard answers with the local engine at once (`docs/ARCHITECTURE.md`, "Language model").
 */
export const SMS_REPLY_BUDGET_MS = 10_000;
export const MODEL_BUDGET_MS = 7_000;
/** One HTTP attempt; a hung connection is dropped here so a retry still fits in the budget. */
export const MODEL_ATTEMPT_TIMEOUT_MS = 3_000;
/** Tries of one call, including the first: throttling, 5xx and timeouts are retried while the budget lasts. */
export const MODEL_MAX_ATTEMPTS = 3;

/**
 * A queued answer's call: nobody is holding a webhook open, so it may wait longer, well inside the worker's 120 s
 * Lambda timeout (the jobs queue hides a message for six of those, so a retry never overlaps a live run).
 */
export const QUEUED_CALL_BUDGET: CallBudget = { totalMs: 30_000, attemptMs: 12_000, maxAttempts: 3 };

export interface CallBudget {
  /** Every attempt and every wait between attempts, together. */
  totalMs: number;
  attemptMs: number;
  maxAttempts: number;
}

export const DEFAULT_CALL_BUDGET: CallBudget = {
  totalMs: MODEL_BUDGET_MS,
  attemptMs: MODEL_ATTEMPT_TIMEOUT_MS,
  maxAttempts: MODEL_MAX_ATTEMPTS,
};

/** The budget ran out: the guard falls back to the local engine (its name is the logged reason). */
export class LanguageModelTimeout extends Error {
  override readonly name = 'LanguageModelTimeout';
}

/** A question the model did not answer within the inline budget, for the caller to answer through the queue. */
export class LanguageModelDeferred extends Error {
  override readonly name = 'LanguageModelDeferred';
}

/** The budget ran out, or every attempt timed out on its own (the SDK's and fetch's `TimeoutError`). */
export function isModelTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'LanguageModelTimeout' || error.name === 'TimeoutError');
}

/**
 * `call` given a signal that aborts when the budget is spent; the promise settles by then whatever the call does
 * (an SDK that ignores the signal during a back-off sleep cannot hold the reply).
 */
export async function withinBudget<T>(
  totalMs: number,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new LanguageModelTimeout(`model call exceeded ${totalMs} ms`));
      reject(new LanguageModelTimeout(`model call exceeded ${totalMs} ms`));
    }, totalMs);
  });
  try {
    return await Promise.race([call(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
