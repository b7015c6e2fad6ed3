import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_ACCOUNT = '000000000000';

export interface FakeQueueOptions {
  name: string;
  /** The queue's redrive policy: after `maxReceiveCount` receives a message moves to `deadLetterQueue`. */
  redrive?: { deadLetterQueue: string; maxReceiveCount: number };
  /** Seconds a received message stays invisible when ReceiveMessage names none (SQS's default is 30). */
  visibilityTimeout?: number;
}

export interface RecordedSqsRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The operation from `x-amz-target` ("AmazonSQS.SendMessage" → "SendMessage"). */
  operation: string;
  body: Record<string, unknown>;
}

interface StoredMessage {
  id: string;
  body: string;
  attributes: Record<string, { DataType: string; StringValue?: string }>;
  sentAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  visibleAt: number;
  receiptHandle?: string;
}

/** The AWS JSON 1.0 error shape SQS answers with (query-compatible: the old code rides in x-amzn-query-error). */
class SqsFault extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly queryCode?: string,
  ) {
    super(message);
  }
}

/**
 * A small SQS on 127.0.0.1 speaking the protocol @aws-sdk/client-sqs uses: AWS JSON 1.0, `POST /` with
 * `x-amz-target: AmazonSQS.<Operation>` and `content-type: application/x-amz-json-1.0`, SigV4-signed. It keeps
 * queues in memory with SQS's visibility timeout, receive counts and redrive policy (a message received
 * `maxReceiveCount` times moves to the DLQ when it would be received again), on a clock the test moves.
 * Operations: SendMessage, ReceiveMessage, DeleteMessage. Every request is recorded.
 */
export class FakeSqs {
  readonly requests: RecordedSqsRequest[] = [];
  readonly #queues = new Map<string, { options: FakeQueueOptions; messages: StoredMessage[] }>();
  #now = Date.parse('2026-11-26T12:00:00Z');
  #server: Server | undefined;

  constructor(
    private readonly accessKeyId: string,
    queues: readonly FakeQueueOptions[],
  ) {
    for (const options of queues) this.#queues.set(options.name, { options, messages: [] });
  }

  async start(): Promise<string> {
    const server = createServer((request, response) => {
      void this.#handle(request, response);
    });
    // SQS keeps idle connections open far longer than Node's 5 s default; the SDK reuses them.
    server.keepAliveTimeout = 120_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    return this.endpoint;
  }

  get endpoint(): string {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('the fake SQS is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  queueUrl(name: string): string {
    return `${this.endpoint}/${FAKE_ACCOUNT}/${name}`;
  }

  /** Moves the queue's clock on: received messages whose visibility timeout lapses can be received again. */
  advance(seconds: number): void {
    this.#now += seconds * 1000;
  }

  /** The bodies a queue holds now, visible or in flight, oldest first. */
  bodies(name: string): string[] {
    return this.#queue(name).messages.map((message) => message.body);
  }

  /** Empties a queue (as PurgeQueue would), for a test that sets up its own batch. */
  clear(name: string): void {
    this.#queue(name).messages.length = 0;
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
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
    );
    const target = headers['x-amz-target'] ?? '';
    const operation = target.startsWith('AmazonSQS.') ? target.slice('AmazonSQS.'.length) : '';
    let body: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        body = parsed as Record<string, unknown>;
    } catch {
      // Left empty: the operation then reports its missing parameters.
    }
    this.requests.push({ method: request.method ?? '', path: request.url ?? '', headers, operation, body });
    try {
      this.#authorize(headers);
      if (request.method !== 'POST' || headers['content-type'] !== 'application/x-amz-json-1.0') {
        throw new SqsFault(400, 'com.amazonaws.sqs#InvalidAddress', 'not an AWS JSON 1.0 request');
      }
      const result = this.#operate(operation, body);
      response.writeHead(200, {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': randomUUID(),
      });
      response.end(JSON.stringify(result));
    } catch (error) {
      const fault =
        error instanceof SqsFault
          ? error
          : new SqsFault(500, 'com.amazonaws.sqs#InternalError', String(error));
      response.writeHead(fault.status, {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': randomUUID(),
        ...(fault.queryCode ? { 'x-amzn-query-error': fault.queryCode } : {}),
      });
      response.end(JSON.stringify({ __type: fault.type, message: fault.message }));
    }
  }

  #authorize(headers: Record<string, string>): void {
    const authorization = headers.authorization ?? '';
    if (!authorization.startsWith(`AWS4-HMAC-SHA256 Credential=${this.accessKeyId}/`)) {
      throw new SqsFault(
        400,
        'com.amazon.coral.service#UnrecognizedClientException',
        'The security token included in the request is invalid.',
      );
    }
  }

  #operate(operation: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (operation) {
      case 'SendMessage':
        return this.#send(body);
      case 'ReceiveMessage':
        return this.#receive(body);
      case 'DeleteMessage':
        return this.#delete(body);
      default:
        throw new SqsFault(
          400,
          'com.amazon.coral.service#UnknownOperationException',
          `unknown: ${operation}`,
        );
    }
  }

  #send(body: Record<string, unknown>): Record<string, unknown> {
    const queue = this.#queueOf(body);
    const text = body.MessageBody;
    if (typeof text !== 'string' || text.length === 0) {
      throw new SqsFault(
        400,
        'com.amazonaws.sqs#InvalidParameterValue',
        'The request must contain the parameter MessageBody.',
        'InvalidParameterValue;Sender',
      );
    }
    const message: StoredMessage = {
      id: randomUUID(),
      body: text,
      attributes: (body.MessageAttributes ?? {}) as StoredMessage['attributes'],
      sentAt: this.#now,
      receiveCount: 0,
      visibleAt: this.#now,
    };
    queue.messages.push(message);
    return { MessageId: message.id, MD5OfMessageBody: md5(text) };
  }

  #receive(body: Record<string, unknown>): Record<string, unknown> {
    const queue = this.#queueOf(body);
    const max = typeof body.MaxNumberOfMessages === 'number' ? body.MaxNumberOfMessages : 1;
    const visibility =
      typeof body.VisibilityTimeout === 'number'
        ? body.VisibilityTimeout
        : (queue.options.visibilityTimeout ?? 30);
    const systemNames = [
      ...((body.MessageSystemAttributeNames as string[] | undefined) ?? []),
      ...((body.AttributeNames as string[] | undefined) ?? []),
    ];
    const attributeNames = (body.MessageAttributeNames as string[] | undefined) ?? [];
    const received: Record<string, unknown>[] = [];
    for (const message of [...queue.messages]) {
      if (received.length >= max) break;
      if (message.visibleAt > this.#now) continue;
      const redrive = queue.options.redrive;
      if (redrive && message.receiveCount >= redrive.maxReceiveCount) {
        // What SQS does: the message that has used up its receives goes to the DLQ instead of to the consumer.
        queue.messages.splice(queue.messages.indexOf(message), 1);
        this.#queue(redrive.deadLetterQueue).messages.push({
          ...message,
          receiveCount: 0,
          visibleAt: this.#now,
          receiptHandle: undefined,
        });
        continue;
      }
      message.receiveCount++;
      message.firstReceivedAt ??= this.#now;
      message.visibleAt = this.#now + visibility * 1000;
      message.receiptHandle = `${message.id}#${message.receiveCount}#${randomUUID()}`;
      received.push({
        MessageId: message.id,
        ReceiptHandle: message.receiptHandle,
        MD5OfBody: md5(message.body),
        Body: message.body,
        ...(systemNames.length > 0 ? { Attributes: this.#systemAttributes(message, systemNames) } : {}),
        ...(attributeNames.length > 0 && Object.keys(message.attributes).length > 0
          ? { MessageAttributes: pick(message.attributes, attributeNames) }
          : {}),
      });
    }
    return received.length > 0 ? { Messages: received } : {};
  }

  #delete(body: Record<string, unknown>): Record<string, unknown> {
    const queue = this.#queueOf(body);
    const index = queue.messages.findIndex((message) => message.receiptHandle === body.ReceiptHandle);
    if (index < 0) {
      throw new SqsFault(
        400,
        'com.amazonaws.sqs#ReceiptHandleIsInvalid',
        'The input receipt handle is invalid.',
        'ReceiptHandleIsInvalid;Sender',
      );
    }
    queue.messages.splice(index, 1);
    return {};
  }

  #systemAttributes(message: StoredMessage, names: readonly string[]): Record<string, string> {
    const all: Record<string, string> = {
      SenderId: 'AIDAFAKESENDER',
      SentTimestamp: String(message.sentAt),
      ApproximateReceiveCount: String(message.receiveCount),
      ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? this.#now),
    };
    return names.includes('All') ? all : pick(all, names);
  }

  #queueOf(body: Record<string, unknown>) {
    const url = typeof body.QueueUrl === 'string' ? body.QueueUrl : '';
    const match = /^https?:\/\/[^/]+\/(\d{12})\/([A-Za-z0-9_-]{1,80})$/.exec(url);
    const queue = match?.[1] === FAKE_ACCOUNT ? this.#queues.get(match[2] ?? '') : undefined;
    if (!queue) {
      throw new SqsFault(
        400,
        'com.amazonaws.sqs#QueueDoesNotExist',
        'The specified queue does not exist.',
        'AWS.SimpleQueueService.NonExistentQueue;Sender',
      );
    }
    return queue;
  }

  #queue(name: string) {
    const queue = this.#queues.get(name);
    if (!queue) throw new Error(`the fake SQS has no queue ${name}`);
    return queue;
  }
}

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

function pick<T>(record: Record<string, T>, names: readonly string[]): Record<string, T> {
  if (names.includes('All') || names.includes('.*')) return { ...record };
  return Object.fromEntries(Object.entries(record).filter(([name]) => names.includes(name)));
}
