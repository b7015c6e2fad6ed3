import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';

export interface TwilioRestClientOptions {
  accountSid: string;
  authToken: string;
  /**
   * Where the REST API is, when not at Twilio (a fake API in tests): requests the SDK makes to
   * `https://api.twilio.com/…` go to this origin instead, path and query unchanged.
   */
  apiBaseUrl?: string;
  /** Per request; a queue job should not hang on a slow API. */
  timeoutMs?: number;
}

/** The official SDK's HTTP client, sending to another origin (the SDK's documented `httpClient` extension point). */
class RedirectingRequestClient extends twilio.RequestClient {
  readonly #origin: URL;

  constructor(origin: string, timeoutMs: number) {
    super({ timeout: timeoutMs, autoRetry: false });
    this.#origin = new URL(origin);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = new URL(opts.uri);
    uri.protocol = this.#origin.protocol;
    uri.host = this.#origin.host;
    return super.request({ ...opts, uri: uri.href });
  }
}

/**
 * The Twilio REST client. The SDK's own retries stay off: a failed send is thrown to the queue, which retries the
 * whole job with the idempotency key, so a retry never sends twice.
 */
export function createTwilioRestClient(options: TwilioRestClientOptions): twilio.Twilio {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const httpClient =
    options.apiBaseUrl === undefined
      ? new twilio.RequestClient({ timeout: timeoutMs, autoRetry: false })
      : new RedirectingRequestClient(options.apiBaseUrl, timeoutMs);
  return twilio(options.accountSid, options.authToken, { httpClient, autoRetry: false });
}
