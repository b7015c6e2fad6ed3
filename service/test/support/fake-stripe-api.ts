import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A subscription as the fake holds it: Stripe's JSON object (the fields the service reads, and their neighbours). */
export interface FakeSubscription {
  id: string;
  object: 'subscription';
  customer: string;
  status: string;
  cancel_at_period_end: boolean;
  created: number;
  canceled_at: number | null;
  ended_at: number | null;
  metadata: Record<string, string>;
  items: {
    object: 'list';
    data: {
      id: string;
      object: 'subscription_item';
      price: { id: string; object: 'price' };
      current_period_start: number;
      current_period_end: number;
    }[];
  };
}

export interface RecordedStripeRequest {
  method: string;
  path: string;
  authorization: string;
  contentType: string;
  /** The form-encoded body, key by key as Stripe's nested names (`line_items[0][price]`). */
  form: Record<string, string>;
}

/**
 * A small stand-in for Stripe's API on 127.0.0.1, in its wire format: form-encoded POSTs with a Bearer secret key,
 * JSON objects with their `object` names (`checkout.session`, `billing_portal.session`, `subscription`), and
 * errors as `{error: {type, code, message, param}}` with Stripe's status codes. It records every request.
 */
export class FakeStripeApi {
  readonly requests: RecordedStripeRequest[] = [];
  readonly subscriptions = new Map<string, FakeSubscription>();
  readonly customers = new Set<string>();
  /** While true every request answers 500 api_error (Stripe down). */
  failing = false;
  #server: Server | undefined;
  #n = 0;

  constructor(private readonly secretKey: string) {}

  async start(): Promise<number> {
    const server = createServer((request, response) => {
      void this.#handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    return (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  setSubscription(subscription: FakeSubscription): void {
    this.subscriptions.set(subscription.id, subscription);
    this.customers.add(subscription.customer);
  }

  checkoutRequests(): RecordedStripeRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const path = (request.url ?? '').split('?')[0] ?? '';
    const method = request.method ?? 'GET';
    const authorization = request.headers.authorization ?? '';
    this.requests.push({
      method,
      path,
      authorization,
      contentType: request.headers['content-type'] ?? '',
      form,
    });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${++this.#n}` });
      response.end(JSON.stringify(body));
    };
    const fail = (status: number, type: string, code: string | undefined, message: string, param?: string) =>
      send(status, { error: { type, ...(code ? { code } : {}), message, ...(param ? { param } : {}) } });
    if (authorization !== `Bearer ${this.secretKey}`) {
      return fail(401, 'invalid_request_error', undefined, 'Invalid API Key provided');
    }
    if (this.failing) return fail(500, 'api_error', undefined, 'An unknown error occurred');
    if (method === 'POST' && path === '/v1/checkout/sessions') return this.#checkout(form, send, fail);
    if (method === 'POST' && path === '/v1/billing_portal/sessions') {
      const customer = form.customer ?? '';
      if (!this.customers.has(customer)) {
        return fail(
          400,
          'invalid_request_error',
          'resource_missing',
          `No such customer: '${customer}'`,
          'customer',
        );
      }
      const id = `bps_test_${++this.#n}`;
      return send(200, {
        id,
        object: 'billing_portal.session',
        customer,
        livemode: false,
        return_url: form.return_url ?? null,
        url: `https://billing.stripe.com/p/session/test_${id}`,
      });
    }
    const match = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
    if (match?.[1]) {
      const subscription = this.subscriptions.get(decodeURIComponent(match[1]));
      if (!subscription) {
        return fail(
          404,
          'invalid_request_error',
          'resource_missing',
          `No such subscription: '${match[1]}'`,
          'id',
        );
      }
      if (method === 'GET') return send(200, subscription);
      if (method === 'DELETE') {
        if (subscription.status === 'canceled') {
          return fail(
            400,
            'invalid_request_error',
            'resource_missing',
            'This subscription is already canceled',
          );
        }
        const now = Math.floor(Date.now() / 1000);
        Object.assign(subscription, { status: 'canceled', canceled_at: now, ended_at: now });
        return send(200, subscription);
      }
    }
    return fail(404, 'invalid_request_error', undefined, `Unrecognized request URL (${method}: ${path})`);
  }

  #checkout(
    form: Record<string, string>,
    send: (status: number, body: unknown) => void,
    fail: (status: number, type: string, code: string | undefined, message: string, param?: string) => void,
  ): void {
    if (form.mode !== 'subscription' && form.mode !== 'payment') {
      fail(400, 'invalid_request_error', 'parameter_missing', 'Missing required param: mode.', 'mode');
      return;
    }
    if (!form['line_items[0][price]']) {
      fail(400, 'invalid_request_error', 'parameter_missing', 'Missing required param: line_items.');
      return;
    }
    if (!form.success_url) {
      fail(400, 'invalid_request_error', 'url_invalid', 'Not a valid URL', 'success_url');
      return;
    }
    const customer = form.customer ?? `cus_test_${++this.#n}`;
    this.customers.add(customer);
    const id = `cs_test_${++this.#n}`;
    send(200, {
      id,
      object: 'checkout.session',
      mode: form.mode,
      client_reference_id: form.client_reference_id ?? null,
      customer,
      metadata: { ...(form['metadata[reference]'] ? { reference: form['metadata[reference]'] } : {}) },
      status: 'open',
      success_url: form.success_url,
      cancel_url: form.cancel_url ?? null,
      url: `https://checkout.stripe.com/c/pay/${id}`,
    });
  }
}

/** A Stripe subscription object; `created` and the period end in seconds. */
export function fakeSubscription(options: {
  id: string;
  customer: string;
  status: string;
  priceId: string;
  periodEnd: number;
  created: number;
  cancelAtPeriodEnd?: boolean;
  reference?: string;
}): FakeSubscription {
  const ended = options.status === 'canceled' || options.status === 'incomplete_expired';
  return {
    id: options.id,
    object: 'subscription',
    customer: options.customer,
    status: options.status,
    cancel_at_period_end: options.cancelAtPeriodEnd ?? false,
    created: options.created,
    canceled_at: ended ? options.created + 1 : null,
    ended_at: ended ? options.created + 1 : null,
    metadata: options.reference ? { reference: options.reference } : {},
    items: {
      object: 'list',
      data: [
        {
          id: `si_${options.id}`,
          object: 'subscription_item',
          price: { id: options.priceId, object: 'price' },
          current_period_start: options.periodEnd - 30 * 86_400,
          current_period_end: options.periodEnd,
        },
      ],
    },
  };
}
