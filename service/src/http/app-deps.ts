import type { PaymentEvent } from '../core/billing/payment-event.ts';
import type { Cache } from '../core/ports/cache.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { OutboundMessageStore } from '../core/ports/outbound-message-store.port.ts';
import type { Stores } from '../core/ports/stores.ts';
import type { PaymentEventOutcome } from '../core/use-cases/apply-payment-event.ts';
import type {
  HandleInboundDeps,
  InboundMessage,
  InboundResult,
} from '../core/use-cases/handle-inbound-message.ts';
import type { AppMetrics } from './metrics-route.ts';

export interface StaticAsset {
  body: Uint8Array | string;
  contentType: string;
}

/** What the HTTP app needs; composition builds it, tests build their own. */
export interface AppDeps {
  version: string;
  publicBaseUrl: string;
  /** Shown by /health: which adapter serves each port. */
  adapters: Record<string, string>;
  stores: Stores;
  logger: Logger;
  handleInbound(message: InboundMessage): Promise<InboundResult>;
  /** Messages delivered to a web-chat session by queued work since the last call; absent when none are kept. */
  takeWebDeliveries?(webSessionId: string): Promise<string[]>;
  twilio: { authToken?: string };
  /** Where `POST /webhooks/twilio/status` records delivery status; absent: the route answers 404. */
  outboundMessages?: OutboundMessageStore;
  brandName: string;
  /** Static files of the web UI (`/`, `/main.js` …), when this runtime serves them. */
  assets?: (path: string) => Promise<StaticAsset | undefined>;
  clock: HandleInboundDeps['clock'];
  /** The use cases' dependencies, for the web app's routes (plan edits, logging, export); absent: those answer 404. */
  useCases?: HandleInboundDeps;
  /** Keeps rendered plan pages (`/p/<token>`); absent: every request renders. Never throws (ResilientCache). */
  cache?: Cache;
  /** Stripe's webhook (issue 8); absent when billing is off, and `POST /webhooks/stripe` answers 404. */
  stripe?: StripeWebhookDeps;
  /** Counters `GET /metrics` serves (with its token); absent: nothing is counted and the route answers 404. */
  metrics?: AppMetrics;
}

/** What the HTTP edge needs for Stripe's webhooks; absent when billing is off (the route answers 404). */
export interface StripeWebhookDeps {
  webhookSecret: string;
  /** How old a signature may be, in seconds (the library's default is 300). */
  toleranceSeconds: number;
  handle(event: PaymentEvent): Promise<PaymentEventOutcome>;
}
