import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStores, type SqliteStores } from '../../src/adapters/sqlite/index.ts';
import { buildTestApp, signedTwilioRequest, smsParams, twimlMessages } from '../support/test-app.ts';
import { type SqliteLockHolder, sqliteLockHolder } from './sqlite-lock-holder.ts';

// Rows S1–S3 of FAULTS.md. Phone numbers of this file: +1555011xxxx.
const ONBOARDING = [
  'hi',
  'yes',
  'maintain',
  'no allergies, I eat everything',
  'just me, $90 a week',
  '41 male 180cm 80kg light',
];
/** Short, so a lock held "too long" is quickly too long; the default (5 s) is used where the lock is let go. */
const SHORT_BUSY_TIMEOUT_MS = 200;

describe('a webhook while another connection holds the SQLite write lock (real file, real second connection)', () => {
  let dir: string;
  let file: string;
  let stores: SqliteStores | undefined;
  let holder: SqliteLockHolder | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nutritionist-faults-sqlite-'));
    file = join(dir, 'stores.db');
  });
  afterEach(async () => {
    await holder?.close();
    holder = undefined;
    await stores?.close();
    stores = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  /** An onboarded user over SQLite stores on the file, and what to count after each fault. */
  async function readyUser(phone: string, busyTimeoutMs?: number) {
    stores = openSqliteStores({ file, ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }) });
    const built = buildTestApp({ stores });
    const post = (params: Record<string, string>) => built.app.request(signedTwilioRequest(params));
    for (const text of ONBOARDING) expect((await post(smsParams(phone, text))).status).toBe(200);
    const user = await built.stores.users.findByPhone(phone);
    if (!user) throw new Error('onboarding made no user');
    const snapshot = async (body: string) => ({
      version: (await built.stores.dialogue.load(user.id))?.version ?? 0,
      inbound: (await built.stores.messages.listForUser(user.id, built.clock.now(), 1_000)).filter(
        (entry) => entry.direction === 'in' && entry.body === body,
      ).length,
      calls: built.calls.count,
    });
    holder = sqliteLockHolder(file);
    return { ...built, post, user, snapshot };
  }

  it('S1: a lock let go within the busy timeout: the request waits, answers 200 and is processed once', async () => {
    const { post, snapshot } = await readyUser('+15550110001');
    const text = 'had 2 eggs and a slice of toast';
    const before = await snapshot(text);
    holder?.lockFor(150);
    const response = await post(smsParams('+15550110001', text));
    expect(response.status).toBe(200);
    expect(
      twimlMessages(await response.text())
        .join('\n')
        .toLowerCase(),
    ).toContain('logged');
    const after = await snapshot(text);
    expect(after.inbound - before.inbound).toBe(1);
    expect(after.version - before.version).toBe(1);
    expect(after.calls - before.calls).toBe(1);
  });

  it('S2: a lock held past the busy timeout when the message arrives: 503, nothing written, the retry is processed once', async () => {
    const { post, snapshot } = await readyUser('+15550110002', SHORT_BUSY_TIMEOUT_MS);
    const text = 'had a banana';
    const params = smsParams('+15550110002', text);
    const before = await snapshot(text);
    holder?.lock();
    const refused = await post(params);
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toMatch(/\w+/);
    await holder?.unlock();
    const during = await snapshot(text);
    expect(during.inbound).toBe(before.inbound);
    expect(during.version).toBe(before.version);

    const retried = await post(params);
    expect(retried.status).toBe(200);
    expect(
      twimlMessages(await retried.text())
        .join('\n')
        .toLowerCase(),
    ).toContain('logged');
    const after = await snapshot(text);
    expect(after.inbound - before.inbound).toBe(1);
    expect(after.version - before.version).toBe(1);
    // A third delivery is answered from the receipt: not processed again.
    expect((await post(params)).status).toBe(200);
    expect((await snapshot(text)).inbound - before.inbound).toBe(1);
  });

  it('S3: the lock taken after the MessageSid was claimed: 503, nothing half-written, the retry is processed once', async () => {
    const built = await readyUser('+15550110003', SHORT_BUSY_TIMEOUT_MS);
    const { post, snapshot } = built;
    const text = 'had an apple';
    const params = smsParams('+15550110003', text);
    const receipts = built.stores.webhookReceipts;
    const claim = receipts.claim.bind(receipts);
    let lockedOnce = false;
    receipts.claim = async (key, now, ttl) => {
      const result = await claim(key, now, ttl);
      if (!lockedOnce && result.status === 'claimed') {
        lockedOnce = true;
        holder?.lock();
      }
      return result;
    };
    const before = await snapshot(text);
    const refused = await post(params);
    expect(refused.status).toBe(503);
    await holder?.unlock();
    const during = await snapshot(text);
    expect(during.inbound).toBe(before.inbound);
    expect(during.version).toBe(before.version);

    const retried = await post(params);
    expect(retried.status).toBe(200);
    expect(
      twimlMessages(await retried.text())
        .join('\n')
        .toLowerCase(),
    ).toContain('logged');
    const after = await snapshot(text);
    expect(after.inbound - before.inbound).toBe(1);
    expect(after.version - before.version).toBe(1);
  });
});
