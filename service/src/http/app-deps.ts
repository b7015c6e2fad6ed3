import type { Cache } from '../core/ports/cache.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { OutboundMessageStore } from '../core/ports/outbound-message-store.port.ts';
import type { Stores } from '../core/ports/stores.ts';
import type {
  HandleInboundDeps,
  InboundMessage,
  InboundResult,
} from '../core/use-cases/handle-inbound-message.ts';

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
  /** Keeps rendered plan pages (`/p/<token>`); absent: every request renders. Never throws (ResilientCache). */
  cache?: Cache;
}
