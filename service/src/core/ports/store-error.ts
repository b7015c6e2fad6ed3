export type StoreErrorCode = 'conflict' | 'not_found' | 'corrupt_row';

/** A fault or refusal from a store adapter, with a stable code callers can branch on. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
