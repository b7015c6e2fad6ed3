import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers one create-message request (the next in its script; `ok` when the script is used up). */
export type FakeTwilioAnswer = 'ok' | { status: number; code: number } | 'drop';

export interface RecordedRequest {
  method: string;
  path: string;
  /** The account SID and auth token of the Basic authorization header. */
  username: string;
  password: string;
  contentType: string;
  /** The posted form, field by field (Twilio's parameter names: To, From, Body, ContentSid …). */
  form: Record<string, string>;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/(AC[0-9a-fA-F]{32})\/Messages\.json$/;

/**
 * A small stand-in for Twilio's REST API on 127.0.0.1, speaking its wire format: form-encoded
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` with HTTP Basic auth, a 201 JSON message resource with
 * the real fields, and Twilio's error JSON `{code, message, more_info, status}`. It checks credentials and the
 * parameters Twilio itself requires, and records every request it receives.
 */
export class FakeTwilioApi {
  readonly requests: RecordedRequest[] = [];
  #script: FakeTwilioAnswer[] = [];
  #server: Server | undefined;

  constructor(
    private readonly accountSid: string,
    private readonly authToken: string,
  ) {}

  async start(): Promise<string> {
    const server = createServer((request, response) => {
      void this.#handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    return this.url;
  }

  get url(): string {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('the fake Twilio API is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** The answers to the next requests, in order. */
  script(answers: readonly FakeTwilioAnswer[]): void {
    this.#script = [...answers];
  }

  reset(): void {
    this.requests.length = 0;
    this.#script = [];
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const [username = '', password = ''] = basicCredentials(request.headers.authorization);
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      path: url.pathname,
      username,
      password,
      contentType: request.headers['content-type'] ?? '',
      form: Object.fromEntries(new URLSearchParams(raw)),
    };
    this.requests.push(recorded);

    const match = MESSAGES_PATH.exec(url.pathname);
    if (request.method !== 'POST' || !match) {
      return error(response, 404, 20404, `The requested resource ${url.pathname} was not found`);
    }
    if (username !== this.accountSid || password !== this.authToken || match[1] !== this.accountSid) {
      return error(response, 401, 20003, 'Authenticate');
    }
    const form = recorded.form;
    if (!form.To) return error(response, 400, 21604, "A 'To' phone number is required.");
    if (!form.From && !form.MessagingServiceSid) {
      return error(response, 400, 21603, "A 'From' phone number is required.");
    }
    if (!form.Body && !form.ContentSid && !form.MediaUrl) {
      return error(response, 400, 21619, 'A text message body or media urls must be specified.');
    }

    const answer = this.#script.shift() ?? 'ok';
    if (answer === 'drop') {
      request.socket.destroy();
      return;
    }
    if (answer !== 'ok') return error(response, answer.status, answer.code, messageFor(answer.code));
    json(response, 201, messageResource(this.accountSid, form));
  }
}

function basicCredentials(header: string | undefined): string[] {
  if (!header?.startsWith('Basic ')) return [];
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? [decoded] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** Twilio's error body, as its API answers it. */
function error(response: ServerResponse, status: number, code: number, message: string): void {
  json(response, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

function messageFor(code: number): string {
  switch (code) {
    case 21610:
      return 'Attempt to send to unsubscribed recipient';
    case 21211:
      return "The 'To' number is not a valid phone number.";
    case 20429:
      return 'Too Many Requests';
    default:
      return 'Internal Server Error';
  }
}

/** The message resource Twilio answers a create with (API version 2010-04-01). */
function messageResource(accountSid: string, form: Record<string, string>): Record<string, unknown> {
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const now = new Date().toUTCString().replace('GMT', '+0000');
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    body: form.Body ?? '',
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: form.From ?? null,
    messaging_service_sid: form.MessagingServiceSid ?? null,
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid,
    status: form.MessagingServiceSid ? 'accepted' : 'queued',
    subresource_uris: {
      media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json`,
    },
    to: form.To,
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  };
}
