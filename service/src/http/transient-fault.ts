/**
 * A store fault that goes away by itself: another connection held the SQLite write lock past the busy timeout, or
 * DynamoDB throttled or cancelled a transaction for a concurrent one. The edge answers these 503, not 500: the
 * request wrote nothing that stays (a webhook's claim is given back), and Twilio and Stripe retry it.
 * Recognised by the error's code and name only, so the edge needs no adapter (nor its driver) to tell.
 */
const SQLITE_TRANSIENT = /^SQLITE_(BUSY|LOCKED)(_|$)/;
const DYNAMODB_TRANSIENT = new Set([
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ThrottlingException',
  'TransactionConflictException',
  'TransactionInProgressException',
  'InternalServerError',
]);

export function isTransientStoreFault(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && SQLITE_TRANSIENT.test(code)) return true;
    if (DYNAMODB_TRANSIENT.has(current.name)) return true;
    current = current.cause;
  }
  return false;
}
