import twilio from 'twilio';
import { InProcessQueue } from '../../src/adapters/in-process-queue/in-process-queue.ts';
import { LocalOutbox } from '../../src/adapters/local-outbox/local-outbox.ts';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import type { AbuseLimits } from '../../src/core/abuse/abuse-limits.ts';
import { planStoreDroppingCache } from '../../src/core/cache/cache-tags.ts';
import { consentCheckedMessenger } from '../../src/core/messaging/consent-checked-messenger.ts';
import type { Cache } from '../../src/core/ports/cache.port.ts';
import type { Clock } from '../../src/core/ports/clock.port.ts';
import { type Logger, silentLogger } from '../../src/core/ports/logger.port.ts';
import type { Stores } from '../../src/core/ports/stores.ts';
import type { BillingDeps } from '../../src/core/use-cases/billing-conversation.ts';
import { deliverHouseholdPlan } from '../../src/core/use-cases/deliver-household-plan.ts';
import {
  type HandleInboundDeps,
  handleInboundMessage,
} from '../../src/core/use-cases/handle-inbound-message.ts';
import { createApp } from '../../src/http/app.ts';
import type { AppDeps } from '../../src/http/app-deps.ts';
import { stripeWebhookFor } from '../billing/billing-support.ts';
import { sequentialTokens, testPlanner } from './test-planner.ts';

export const AUTH_TOKEN = 'test-auth-token-0123456789abcdef';
export const BASE_URL = 'https://coach.example.test';

export class ManualClock implements Clock {
  constructor(private current = new Date('2026-11-26T12:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function sequentialIds() {
  let n = 0;
  return { next: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
}

export interface TestAppOptions {
  stores?: Stores;
  authToken?: string | undefined;
  managedOptOut?: boolean;
  /** Serves `/p/<token>` pages and is dropped on plan edits and erasures, as the runtimes wire it. */
  cache?: Cache;
  logger?: Logger;
  /** Billing on (issue 8): the use case checks entitlements and `POST /webhooks/stripe` takes signed events. */
  billing?: { deps: BillingDeps; webhookSecret: string };
  /** Abuse limits on (issue 11), counted in `cache`; off by default, as before. */
  abuse?: AbuseLimits;
}

/** The real app and use case over the given stores (memory by default), a manual clock and counted use-case calls. */
export function buildTestApp(options: TestAppOptions = {}) {
  const stores = options.stores ?? createMemoryStores();
  const clock = new ManualClock();
  const logger = options.logger ?? silentLogger;
  if (options.cache) stores.plans = planStoreDroppingCache(stores.plans, options.cache);
  // The given logger reaches the outbox, messenger and queue too, so a log scan sees every line a runtime writes.
  const outbox = new LocalOutbox(logger);
  // As in composition: every send passes the one opt-out check first.
  const messenger = consentCheckedMessenger(outbox, { consent: stores.consent, logger });
  const queue = new InProcessQueue(async (job) => {
    if (job.type === 'household_plan') await deliverHouseholdPlan({ ...inboundDeps, messenger }, job);
  }, logger);
  const inboundDeps: HandleInboundDeps = {
    stores,
    clock,
    ids: sequentialIds(),
    tokens: sequentialTokens(),
    planner: testPlanner,
    logger,
    conversation: {
      brand: { name: 'AI Nutritionist', contact: 'help@example.org' },
      privacyUrl: `${BASE_URL}/privacy`,
      providerConfirmsOptOut: options.managedOptOut ?? false,
    },
    publicBaseUrl: BASE_URL,
    messageRetentionDays: 90,
    jobs: queue,
    messenger,
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.billing ? { billing: options.billing.deps } : {}),
    ...(options.abuse ? { abuse: options.abuse } : {}),
  };
  const calls = { count: 0 };
  const deps: AppDeps = {
    version: '0.1.0-test',
    publicBaseUrl: BASE_URL,
    adapters: { store: stores.kind, ...(options.cache ? { cache: options.cache.kind } : {}) },
    ...(options.cache ? { cache: options.cache } : {}),
    stores,
    logger,
    clock,
    handleInbound: (message) => {
      calls.count++;
      return handleInboundMessage(inboundDeps, message);
    },
    takeWebDeliveries: async (webSessionId) => {
      const user = await stores.users.findByWebSession(webSessionId);
      return user ? outbox.takeNew(user.id) : [];
    },
    twilio: { authToken: 'authToken' in options ? options.authToken : AUTH_TOKEN },
    brandName: 'AI Nutritionist',
    useCases: inboundDeps,
    ...(options.billing
      ? { stripe: stripeWebhookFor(options.billing, () => ({ ...inboundDeps, messenger })) }
      : {}),
  };
  /**
   * The messages delivered to a sender (an E.164 number, `whatsapp:+1…`, or a web session id) since the last call,
   * after every queued job has finished: what a transcript turn's `later` fragments are checked against.
   */
  const takeDeliveries = async (sender: string): Promise<string[]> => {
    await queue.whenIdle();
    const phone = sender.replace(/^whatsapp:/, '');
    const user = (await stores.users.findByPhone(phone)) ?? (await stores.users.findByWebSession(sender));
    return user ? outbox.takeNew(user.id) : [];
  };
  return { app: createApp(deps), stores, clock, calls, queue, outbox, takeDeliveries, inboundDeps };
}

let sid = 0;
export function nextMessageSid(): string {
  sid++;
  return `SM${sid.toString(16).padStart(32, '0')}`;
}

/** A form POST to /webhooks/twilio signed exactly as Twilio signs it (the official library computes it). */
export function signedTwilioRequest(params: Record<string, string>, token = AUTH_TOKEN): Request {
  const url = `${BASE_URL}/webhooks/twilio`;
  const signature = twilio.getExpectedTwilioSignature(token, url, params);
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
}

export function smsParams(
  from: string,
  body: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    MessageSid: nextMessageSid(),
    AccountSid: `AC${'0'.repeat(32)}`,
    From: from,
    To: '+15550001111',
    Body: body,
    NumMedia: '0',
    ...extra,
  };
}

/** The <Message> texts of a TwiML answer. */
export function twimlMessages(xml: string): string[] {
  return [...xml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((match) =>
    (match[1] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}
