import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers one SendTextMessage (the next in its script; `ok` when the script is used up). */
export type FakeAwsSmsAnswer = 'ok' | { status: number; type: string; reason?: string } | 'drop';

export interface RecordedAwsRequest {
  method: string;
  path: string;
  /** `x-amz-target`, e.g. `PinpointSMSVoiceV2.SendTextMessage`. */
  target: string;
  contentType: string;
  /** From the SigV4 `Authorization` header's credential scope. */
  accessKeyId: string;
  region: string;
  service: string;
  signedHeaders: string[];
  body: Record<string, unknown>;
  /** What the fake answered: `ok` (a MessageId), an error type, or `drop`. */
  answer: 'ok' | 'drop' | string;
}

const CREDENTIAL =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=[0-9a-f]{64}$/;

/**
 * A small stand-in for the AWS End User Messaging SMS API (service `sms-voice`, `PinpointSMSVoiceV2`) on
 * 127.0.0.1, speaking what the official SDK speaks: AWS JSON 1.0 — `POST /` with
 * `content-type: application/x-amz-json-1.0`, the operation in `x-amz-target`, a SigV4 `Authorization` header —
 * answered with JSON, and errors as `{"__type": …, "Message": …, "Reason": …}` (HTTP 400 for client errors, 500
 * for server errors). It checks the signature's shape and the access key, refuses a request without
 * DestinationPhoneNumber as AWS does, and records every request.
 */
export class FakeAwsSmsApi {
  readonly requests: RecordedAwsRequest[] = [];
  #script: FakeAwsSmsAnswer[] = [];
  #server: Server | undefined;

  constructor(private readonly accessKeyId: string) {}

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
    if (!address) throw new Error('the fake AWS SMS API is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  script(answers: readonly FakeAwsSmsAnswer[]): void {
    this.#script = [...answers];
  }

  reset(): void {
    this.requests.length = 0;
    this.#script = [];
  }

  /** The SendTextMessage requests AWS took (answered with a MessageId). */
  accepted(): RecordedAwsRequest[] {
    return this.requests.filter((request) => request.answer === 'ok');
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
    const credential = CREDENTIAL.exec(String(request.headers.authorization ?? ''));
    const recorded: RecordedAwsRequest = {
      method: request.method ?? '',
      path: new URL(request.url ?? '/', 'http://127.0.0.1').pathname,
      target: String(request.headers['x-amz-target'] ?? ''),
      contentType: String(request.headers['content-type'] ?? ''),
      accessKeyId: credential?.[1] ?? '',
      region: credential?.[2] ?? '',
      service: credential?.[3] ?? '',
      signedHeaders: (credential?.[4] ?? '').split(';'),
      body: parseObject(raw),
      answer: 'ok',
    };
    this.requests.push(recorded);
    const refuse = (status: number, type: string, message: string, reason?: string) => {
      recorded.answer = type;
      error(response, status, type, message, reason);
    };

    if (request.method !== 'POST' || recorded.path !== '/') {
      return refuse(404, 'UnknownOperationException', 'Not found');
    }
    if (!credential || recorded.accessKeyId !== this.accessKeyId || recorded.service !== 'sms-voice') {
      return refuse(
        400,
        'UnrecognizedClientException',
        'The security token included in the request is invalid.',
      );
    }
    if (recorded.target !== 'PinpointSMSVoiceV2.SendTextMessage') {
      return refuse(400, 'UnknownOperationException', `Operation ${recorded.target} is not supported here`);
    }
    const destination = recorded.body.DestinationPhoneNumber;
    if (typeof destination !== 'string' || destination === '') {
      return refuse(400, 'ValidationException', 'DestinationPhoneNumber is required', 'MISSING_PARAMETER');
    }

    const answer = this.#script.shift() ?? 'ok';
    if (answer === 'drop') {
      recorded.answer = 'drop';
      request.socket.destroy();
      return;
    }
    if (answer !== 'ok') {
      // AWS's messages may name the destination; the adapter must never log them.
      return refuse(
        answer.status,
        answer.type,
        `Cannot send to ${destination}: ${answer.type}`,
        answer.reason,
      );
    }
    json(response, 200, { MessageId: randomUUID() });
  }
}

function parseObject(raw: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'x-amzn-requestid': randomUUID(),
  });
  response.end(JSON.stringify(body));
}

function error(
  response: ServerResponse,
  status: number,
  type: string,
  message: string,
  reason?: string,
): void {
  json(response, status, {
    __type: type,
    Message: message,
    ...(reason === undefined ? {} : { Reason: reason }),
  });
}
