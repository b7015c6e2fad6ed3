import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStores } from '../../src/adapters/sqlite/index.ts';
import { buildTestApp, signedTwilioRequest, smsParams, twimlMessages } from '../support/test-app.ts';
import { findInFiles, phoneForms } from './erasure-support.ts';

const PHONE = '+15550069001';
/** What the user sent, distinctive enough that any copy left in a file is theirs. */
const SENT = [
  'hi',
  'YES',
  'maintain',
  'vegetarian, no allergies, but I hate zucchinifrobnitz',
  'just me, $80 a week',
  '52 male 175cm 78kg light',
  'plan',
  'had 2 eggs and a slice of toast',
  'my neighbour Quillfeather says hello',
];
const DISTINCTIVE = [
  'zucchinifrobnitz',
  'Quillfeather',
  'had 2 eggs and a slice of toast',
  '52 male 175cm 78kg light',
  'just me, $80 a week',
];

const root = mkdtempSync(path.join(tmpdir(), 'nutritionist-erasure-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * The erasure test of issue 5 against a real SQLite file, through the signed Twilio webhook: after DELETE ALL the
 * store APIs return nothing for the user, and no byte of the database, its WAL or its shared-memory file holds the
 * number, the user id or what they wrote, while the opt-out/consent proof is still found by the number.
 */
describe('erasure over the Twilio webhook into a SQLite file', () => {
  it('leaves no trace of the user in the store APIs or in the files', async () => {
    const dir = mkdtempSync(path.join(root, 'run-'));
    const file = path.join(dir, 'nutritionist.sqlite');
    const stores = openSqliteStores({ file });
    const { app } = buildTestApp({ stores });
    const send = async (body: string) => {
      const response = await app.request(signedTwilioRequest(smsParams(PHONE, body)));
      expect(response.status).toBe(200);
      return twimlMessages(await response.text()).join('\n');
    };
    try {
      const replies: string[] = [];
      for (const text of SENT) replies.push(await send(text));
      const planLink = replies.join('\n').match(/https:\/\/coach\.example\.test\/p\/[A-Za-z0-9_-]+/)?.[0];
      expect(planLink).toBeDefined();
      const user = await stores.users.findByPhone(PHONE);
      expect(user).toBeDefined();
      const userId = user?.id ?? '';
      const exportLink = (await send('export my data')).match(
        /https:\/\/coach\.example\.test\/export\/[A-Za-z0-9_-]+/,
      )?.[0];
      const beforeFiles = findInFiles(dir, [...phoneForms(PHONE), userId, ...DISTINCTIVE]);
      // The search finds what is there: before erasure the number, id and texts are all in the files.
      expect(beforeFiles.length).toBeGreaterThan(0);

      expect(await send('delete my data')).toContain('DELETE ALL');
      expect(await send('DELETE ALL')).toContain('deleted everything');

      const now = new Date('2026-11-26T12:00:00Z');
      expect(await stores.users.findById(userId)).toBeUndefined();
      expect(await stores.users.findByPhone(PHONE)).toBeUndefined();
      expect(await stores.dialogue.load(userId)).toBeUndefined();
      expect(await stores.messages.listForUser(userId, now)).toEqual([]);
      expect(await stores.plans.listForUser(userId, now)).toEqual([]);
      expect(await stores.foodLog.forDays(userId, '0001-01-01', '9999-12-31', now)).toEqual([]);
      expect((await app.request(planLink ?? '')).status).toBe(404);
      expect((await app.request(exportLink ?? '')).status).toBe(404);
      const proof = await stores.consent.history(PHONE);
      expect(proof.map((record) => `${record.purpose}:${record.granted}`)).toContain('health_data:false');
      expect(proof.every((record) => record.subject !== PHONE)).toBe(true);
      expect(await stores.privacy.erasures()).toHaveLength(1);

      const needles = [...phoneForms(PHONE), userId, ...DISTINCTIVE];
      // While the database is open (as in a running server): the file, the WAL and the shared memory.
      expect(readdirSync(dir)).toEqual(
        expect.arrayContaining(['nutritionist.sqlite', 'nutritionist.sqlite-wal']),
      );
      expect(findInFiles(dir, needles)).toEqual([]);
      await stores.close();
      expect(findInFiles(dir, needles)).toEqual([]);
    } finally {
      await stores.close();
    }
  });
});
