/**
 * A stand-in for the service in the browser test: serves web/dist and a fake `POST /api/chat` that echoes the
 * text, records every API request, and can be told to answer differently (fail, or hold the answer).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

export interface RecordedApiRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  body: string;
}

export interface FakeReply {
  status: number;
  body: string;
}

/** Decides the answer to one chat message; swap it per test. */
export type ChatResponder = (text: string) => FakeReply | Promise<FakeReply>;

export const echoResponder: ChatResponder = (text) => ({
  status: 200,
  body: JSON.stringify({ replies: [`You said: ${text}`, 'Second reply https://example.test/p/abc'] }),
});

export interface FakeChatServer {
  origin: string;
  apiRequests: RecordedApiRequest[];
  respondWith(responder: ChatResponder): void;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

export async function startFakeChatServer(distDir: string): Promise<FakeChatServer> {
  const apiRequests: RecordedApiRequest[] = [];
  let responder = echoResponder;

  async function handleApi(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    apiRequests.push({
      method: request.method ?? '',
      path: request.url ?? '',
      contentType: request.headers['content-type'],
      body,
    });
    if (request.method !== 'POST') return send(response, 405, 'application/json', '{}');
    let text = '';
    try {
      text = String((JSON.parse(body) as { text?: unknown }).text);
    } catch {
      return send(response, 400, 'application/json', '{}');
    }
    const reply = await responder(text);
    send(response, reply.status, 'application/json', reply.body);
  }

  async function handleStatic(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(distDir, pathname === '/' ? 'index.html' : pathname));
    const contentType = CONTENT_TYPES[extname(file)];
    if (!file.startsWith(distDir + sep) || contentType === undefined)
      return send(response, 404, 'text/plain', '');
    try {
      send(response, 200, contentType, await readFile(file));
    } catch {
      send(response, 404, 'text/plain', '');
    }
  }

  const server = createServer((request, response) => {
    const handler = request.url?.startsWith('/api/') ? handleApi : handleStatic;
    handler(request, response).catch(() => send(response, 500, 'text/plain', ''));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    apiRequests,
    respondWith(next) {
      responder = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}
