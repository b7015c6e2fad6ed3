import { randomUUID } from 'node:crypto';
import {
  createServer,
  type Http2Server,
  type Http2ServerRequest,
  type Http2ServerResponse,
  type ServerHttp2Session,
} from 'node:http2';
import type { AddressInfo } from 'node:net';

/** A Converse request as the SDK sent it (restJson1: the model id is in the path, the rest is the JSON body). */
export interface RecordedConverse {
  modelId: string;
  path: string;
  /** Whether the request was SigV4-signed (the credentials themselves are fake). */
  signed: boolean;
  body: {
    system?: { text?: string; cachePoint?: { type: string } }[];
    messages?: { role: string; content: { text?: string }[] }[];
    toolConfig?: {
      tools: { toolSpec?: { name: string; description?: string; inputSchema?: { json?: unknown } } }[];
    };
    inferenceConfig?: Record<string, unknown>;
  };
}

export type ConverseBlock =
  | { text: string }
  | { toolUse: { toolUseId: string; name: string; input: unknown } };

/** What the fake answers one request with. */
export type FakeConverseReply =
  | { kind: 'message'; content: ConverseBlock[]; stopReason: string }
  /** A Bedrock error: HTTP status, `x-amzn-errortype` header and `{ message }` body, as the service sends them. */
  | { kind: 'error'; status: number; type: string; message: string }
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  /** A 200 whose body is not JSON. */
  | { kind: 'garbage'; body: string };

export const text = (value: string): FakeConverseReply => ({
  kind: 'message',
  content: [{ text: value }],
  stopReason: 'end_turn',
});

export const toolUse = (name: string, input: unknown, preface?: string): FakeConverseReply => ({
  kind: 'message',
  content: [
    ...(preface === undefined ? [] : [{ text: preface }]),
    { toolUse: { toolUseId: `tooluse_${randomUUID().replaceAll('-', '').slice(0, 22)}`, name, input } },
  ],
  stopReason: 'tool_use',
});

export const bedrockError = (status: number, type: string, message: string): FakeConverseReply => ({
  kind: 'error',
  status,
  type,
  message,
});

export const THROTTLED = bedrockError(
  429,
  'ThrottlingException',
  'Too many requests, please wait before trying again.',
);
export const INTERNAL = bedrockError(
  500,
  'InternalServerException',
  'The server encountered an internal error.',
);
export const INVALID = bedrockError(400, 'ValidationException', 'The provided model identifier is invalid.');

/** Rough token count of a text, for the usage block (the SDK only reports what the service says). */
const tokens = (value: string) => Math.ceil(value.length / 4);

/**
 * Amazon Bedrock Runtime's Converse operation on 127.0.0.1, as the real SDK talks to it — over HTTP/2 (the
 * Bedrock Runtime client's default handler; cleartext here): `POST
 * /model/{modelId}/converse`, JSON in and out, errors as an HTTP status with `x-amzn-errortype` and a JSON
 * `message`. Answers come from `respond`, a script per test. Prompt caching is modelled the way Bedrock reports
 * it: the first request with a given system prefix before a cache point writes it (`cacheWriteInputTokens`),
 * later ones read it (`cacheReadInputTokens`). Every request is recorded.
 */
export class FakeBedrockRuntime {
  readonly requests: RecordedConverse[] = [];
  readonly #cached = new Set<string>();
  readonly #sessions = new Set<ServerHttp2Session>();
  #server: Http2Server | undefined;

  constructor(public respond: (request: RecordedConverse, index: number) => FakeConverseReply) {}

  async start(): Promise<string> {
    const server = createServer((request, response) => {
      void this.#handle(request, response);
    });
    server.on('session', (session) => {
      this.#sessions.add(session);
      session.on('close', () => this.#sessions.delete(session));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    return this.endpoint;
  }

  get endpoint(): string {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('the fake Bedrock Runtime is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    for (const session of this.#sessions) session.destroy();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }

  async #handle(request: Http2ServerRequest, response: Http2ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = request.url ?? '';
    const match = /^\/model\/([^/]+)\/converse$/.exec(path);
    if (request.method !== 'POST' || !match?.[1]) {
      this.#error(response, 404, 'UnknownOperationException', 'not a Converse request');
      return;
    }
    let body: RecordedConverse['body'];
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedConverse['body'];
    } catch {
      this.#error(response, 400, 'SerializationException', 'Malformed request body');
      return;
    }
    const recorded: RecordedConverse = {
      modelId: decodeURIComponent(match[1]),
      path,
      signed: String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256'),
      body,
    };
    this.requests.push(recorded);
    const reply = this.respond(recorded, this.requests.length - 1);
    switch (reply.kind) {
      case 'hang':
        return;
      case 'garbage':
        response.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() });
        response.end(reply.body);
        return;
      case 'error':
        this.#error(response, reply.status, reply.type, reply.message);
        return;
      case 'message':
        response.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() });
        response.end(JSON.stringify(this.#converseOutput(recorded, reply)));
    }
  }

  #converseOutput(request: RecordedConverse, reply: Extract<FakeConverseReply, { kind: 'message' }>) {
    const system = request.body.system ?? [];
    const cut = system.findIndex((block) => block.cachePoint !== undefined);
    const prefix =
      cut < 0
        ? ''
        : system
            .slice(0, cut)
            .map((block) => block.text ?? '')
            .join('');
    const prefixTokens = tokens(prefix) + tokens(JSON.stringify(request.body.toolConfig ?? {}));
    const hit = cut >= 0 && this.#cached.has(prefix);
    if (cut >= 0) this.#cached.add(prefix);
    const messageTokens = tokens(JSON.stringify(request.body.messages ?? []));
    const outputTokens = tokens(JSON.stringify(reply.content));
    const inputTokens = cut < 0 ? prefixTokens + messageTokens : messageTokens;
    return {
      output: { message: { role: 'assistant', content: reply.content } },
      stopReason: reply.stopReason,
      usage: {
        inputTokens,
        outputTokens,
        totalTokens: inputTokens + outputTokens + (cut < 0 ? 0 : prefixTokens),
        ...(cut < 0
          ? {}
          : hit
            ? { cacheReadInputTokens: prefixTokens }
            : { cacheWriteInputTokens: prefixTokens }),
      },
      metrics: { latencyMs: 42 },
    };
  }

  #error(response: Http2ServerResponse, status: number, type: string, message: string): void {
    response.writeHead(status, {
      'content-type': 'application/json',
      'x-amzn-requestid': randomUUID(),
      'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
    });
    response.end(JSON.stringify({ message }));
  }
}

/** The user's turn of a Converse request (the text after the cache point that varies per call). */
export function userTextOf(request: RecordedConverse): string {
  return (request.body.messages ?? [])
    .flatMap((message) => message.content.map((block) => block.text ?? ''))
    .join('\n');
}

/** Which operation a request is for, from the tools it offers. */
export function operationOf(request: RecordedConverse): 'classify' | 'answer_question' | 'phrase' {
  const names = (request.body.toolConfig?.tools ?? []).map((tool) => tool.toolSpec?.name);
  if (names.includes('choose_entry')) return 'answer_question';
  return names.length > 0 ? 'classify' : 'phrase';
}
