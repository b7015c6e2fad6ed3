import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedChat {
  path: string;
  authorization: string | undefined;
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    tools?: { type: string; function: { name: string; description?: string; parameters?: unknown } }[];
    tool_choice?: unknown;
  };
}

export type FakeChatReply =
  | {
      kind: 'message';
      content: string | null;
      toolCalls?: { name: string; arguments: string }[];
      finishReason: string;
    }
  /** An OpenAI-style error: `{ error: { message, type, code } }` with the status (and `Retry-After`, if given). */
  | { kind: 'error'; status: number; type: string; code: string | null; message: string; retryAfter?: number }
  | { kind: 'hang' }
  | { kind: 'garbage'; body: string };

export const chatText = (content: string): FakeChatReply => ({
  kind: 'message',
  content,
  finishReason: 'stop',
});

/** A tool call; `rawArguments` sends the arguments string as given (even when it is not JSON). */
export const chatTool = (name: string, input: unknown, rawArguments?: string): FakeChatReply => ({
  kind: 'message',
  content: null,
  toolCalls: [{ name, arguments: rawArguments ?? JSON.stringify(input) }],
  finishReason: 'tool_calls',
});

export const RATE_LIMITED: FakeChatReply = {
  kind: 'error',
  status: 429,
  type: 'requests',
  code: 'rate_limit_exceeded',
  message: 'Rate limit reached, please try again later.',
};
export const SERVER_ERROR: FakeChatReply = {
  kind: 'error',
  status: 500,
  type: 'server_error',
  code: null,
  message: 'The server had an error while processing your request.',
};
export const UNAUTHORIZED: FakeChatReply = {
  kind: 'error',
  status: 401,
  type: 'invalid_request_error',
  code: 'invalid_api_key',
  message: 'Incorrect API key provided.',
};

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 (what Ollama, llama.cpp's server and vLLM serve):
 * `POST /v1/chat/completions` answering `choices[].message` with `content` and `tool_calls[]` (arguments as a
 * JSON string), `finish_reason` and `usage`; errors as `{ error: { message, type, code } }`. Scripted by
 * `respond`; every request is recorded.
 */
export class FakeOpenAiServer {
  readonly requests: RecordedChat[] = [];
  readonly #hanging = new Set<ServerResponse>();
  #server: Server | undefined;

  constructor(public respond: (request: RecordedChat, index: number) => FakeChatReply) {}

  async start(): Promise<string> {
    const server = createServer((request, response) => {
      void this.#handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    return this.baseUrl;
  }

  /** The base URL a client is configured with (`OPENAI_BASE_URL`). */
  get baseUrl(): string {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('the fake OpenAI server is not listening');
    return `http://127.0.0.1:${address.port}/v1`;
  }

  async stop(): Promise<void> {
    for (const response of this.#hanging) response.destroy();
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      this.#error(
        response,
        404,
        'invalid_request_error',
        'unknown_url',
        `Unknown request URL: ${request.url}`,
      );
      return;
    }
    let body: RecordedChat['body'];
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedChat['body'];
    } catch {
      this.#error(
        response,
        400,
        'invalid_request_error',
        null,
        'We could not parse the JSON body of your request.',
      );
      return;
    }
    const recorded: RecordedChat = { path: request.url, authorization: request.headers.authorization, body };
    this.requests.push(recorded);
    const reply = this.respond(recorded, this.requests.length - 1);
    switch (reply.kind) {
      case 'hang':
        this.#hanging.add(response);
        response.on('close', () => this.#hanging.delete(response));
        return;
      case 'garbage':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(reply.body);
        return;
      case 'error':
        this.#error(response, reply.status, reply.type, reply.code, reply.message, reply.retryAfter);
        return;
      case 'message': {
        const promptTokens = Math.ceil(JSON.stringify(body.messages ?? []).length / 4);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            id: `chatcmpl-${randomUUID()}`,
            object: 'chat.completion',
            created: 1_795_000_000,
            model: body.model,
            choices: [
              {
                index: 0,
                message: {
                  role: 'assistant',
                  content: reply.content,
                  ...(reply.toolCalls
                    ? {
                        tool_calls: reply.toolCalls.map((call) => ({
                          id: `call_${randomUUID().slice(0, 8)}`,
                          type: 'function',
                          function: { name: call.name, arguments: call.arguments },
                        })),
                      }
                    : {}),
                },
                finish_reason: reply.finishReason,
              },
            ],
            usage: {
              prompt_tokens: promptTokens,
              completion_tokens: 12,
              total_tokens: promptTokens + 12,
              prompt_tokens_details: { cached_tokens: 0 },
            },
          }),
        );
      }
    }
  }

  #error(
    response: ServerResponse,
    status: number,
    type: string,
    code: string | null,
    message: string,
    retryAfter?: number,
  ): void {
    response.writeHead(status, {
      'content-type': 'application/json',
      ...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }),
    });
    response.end(JSON.stringify({ error: { message, type, code, param: null } }));
  }
}

export function chatUserText(request: RecordedChat): string {
  return (request.body.messages ?? [])
    .filter((message) => message.role === 'user')
    .map((message) => message.content)
    .join('\n');
}
