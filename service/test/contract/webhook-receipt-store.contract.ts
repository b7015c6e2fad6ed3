import { describe, expect, it } from 'vitest';
import type { StoredResponse } from '../../src/core/ports/webhook-receipt-store.port.ts';
import { at, type MakeStores, useFreshStores } from './contract-support.ts';

const TTL_SECONDS = 3_600;
const twiml: StoredResponse = {
  status: 200,
  contentType: 'text/xml; charset=utf-8',
  body: '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Hi! ¿Qué tal?</Message></Response>',
};

export function describeWebhookReceiptStoreContract(makeStores: MakeStores): void {
  describe('WebhookReceiptStore contract', () => {
    const stores = useFreshStores(makeStores);
    const claim = (key: string, ms: number, ttlSeconds = TTL_SECONDS) =>
      stores().webhookReceipts.claim(key, at(ms), ttlSeconds);

    it('claims a new key', async () => {
      expect(await claim('twilio:SM1', 0)).toEqual({ status: 'claimed' });
    });

    it('answers in_progress while a fresh claim is not completed', async () => {
      await claim('twilio:SM1', 0);
      expect(await claim('twilio:SM1', 0)).toEqual({ status: 'in_progress' });
      expect(await claim('twilio:SM1', 29_999)).toEqual({ status: 'in_progress' });
    });

    it('replays the stored response once the key is completed', async () => {
      await claim('twilio:SM1', 0);
      await stores().webhookReceipts.complete('twilio:SM1', twiml);
      expect(await claim('twilio:SM1', 1_000)).toStrictEqual({ status: 'done', response: twiml });
      // Long past the stale-claim window, a completed key is still done until its TTL ends.
      expect(await claim('twilio:SM1', 1_800_000)).toStrictEqual({ status: 'done', response: twiml });
    });

    it('replays an empty body and a non-200 status exactly', async () => {
      const empty: StoredResponse = { status: 204, contentType: 'text/plain', body: '' };
      await claim('stripe:evt_1', 0);
      await stores().webhookReceipts.complete('stripe:evt_1', empty);
      expect(await claim('stripe:evt_1', 1)).toStrictEqual({ status: 'done', response: empty });
    });

    it('lets a stale claim (30 s or more, its process probably died) be claimed again', async () => {
      await claim('twilio:SM1', 0);
      expect(await claim('twilio:SM1', 30_000)).toEqual({ status: 'claimed' });
      // The new claim is fresh: others wait for it in turn.
      expect(await claim('twilio:SM1', 30_001)).toEqual({ status: 'in_progress' });
      expect(await claim('twilio:SM1', 59_999)).toEqual({ status: 'in_progress' });
      expect(await claim('twilio:SM1', 60_000)).toEqual({ status: 'claimed' });
    });

    it('treats an expired key as new, even when it was completed', async () => {
      await claim('twilio:SM1', 0, 60);
      await stores().webhookReceipts.complete('twilio:SM1', twiml);
      expect(await claim('twilio:SM1', 59_000, 60)).toStrictEqual({ status: 'done', response: twiml });
      expect(await claim('twilio:SM1', 61_000, 60)).toEqual({ status: 'claimed' });
      expect(await claim('twilio:SM1', 62_000, 60)).toEqual({ status: 'in_progress' });
    });

    it('gives exactly one of many concurrent claims on a key the claim', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => claim('twilio:SM1', 0)));
      expect(results.filter((result) => result.status === 'claimed')).toHaveLength(1);
      expect(results.filter((result) => result.status === 'in_progress')).toHaveLength(9);
    });

    it('keeps keys apart', async () => {
      await claim('twilio:SM1', 0);
      await stores().webhookReceipts.complete('twilio:SM1', twiml);
      expect(await claim('twilio:SM2', 0)).toEqual({ status: 'claimed' });
      expect(await claim('stripe:SM1', 0)).toEqual({ status: 'claimed' });
    });

    it('releases an uncompleted claim so a retry can process the event again', async () => {
      await claim('twilio:SM1', 0);
      await stores().webhookReceipts.release('twilio:SM1');
      expect(await claim('twilio:SM1', 1_000)).toEqual({ status: 'claimed' });
    });

    it('does not release a completed key, and releasing an unknown key is harmless', async () => {
      await claim('twilio:SM1', 0);
      await stores().webhookReceipts.complete('twilio:SM1', twiml);
      await stores().webhookReceipts.release('twilio:SM1');
      await stores().webhookReceipts.release('twilio:never-seen');
      expect(await claim('twilio:SM1', 1_000)).toStrictEqual({ status: 'done', response: twiml });
    });

    it('purges expired keys only, and reports how many went', async () => {
      await claim('short-1', 0, 10);
      await claim('short-2', 0, 20);
      await stores().webhookReceipts.complete('short-2', twiml);
      await claim('long', 0, 3_600);
      await stores().webhookReceipts.complete('long', twiml);

      expect(await stores().webhookReceipts.purgeExpired(at(30_000))).toBe(2);
      expect(await stores().webhookReceipts.purgeExpired(at(30_000))).toBe(0);
      expect(await claim('long', 31_000)).toStrictEqual({ status: 'done', response: twiml });
      // Purged keys are gone, not only hidden: claimed anew even at an instant before they expired.
      expect(await claim('short-2', 1_000)).toEqual({ status: 'claimed' });
    });

    it('does not let callers change a stored response through the objects they pass or receive', async () => {
      const response = { ...twiml };
      await claim('twilio:SM1', 0);
      await stores().webhookReceipts.complete('twilio:SM1', response);
      response.body = 'mutated';
      const replay = await claim('twilio:SM1', 1);
      expect(replay).toStrictEqual({ status: 'done', response: twiml });
      if (replay.status === 'done') replay.response.status = 500;
      expect(await claim('twilio:SM1', 2)).toStrictEqual({ status: 'done', response: twiml });
    });
  });
}
