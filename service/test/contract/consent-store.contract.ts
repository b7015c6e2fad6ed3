import { describe, expect, it } from 'vitest';
import { aConsent, at, type MakeStores, useFreshStores } from './contract-support.ts';

const iso = (ms: number) => at(ms).toISOString();

export function describeConsentStoreContract(makeStores: MakeStores): void {
  describe('ConsentStore contract', () => {
    const stores = useFreshStores(makeStores);

    it('has no latest record and an empty history for an unknown subject', async () => {
      expect(await stores().consent.latest('+15555550101', 'messaging')).toBeUndefined();
      expect(await stores().consent.history('+15555550101')).toEqual([]);
    });

    it('returns the appended record unchanged as the latest', async () => {
      const record = aConsent({ method: 'web:reply:YES', textVersion: '2025-01' });
      await stores().consent.append(record);
      expect(await stores().consent.latest(record.subject, 'messaging')).toStrictEqual(record);
    });

    it('lets a later withdrawal win over an earlier grant, and a later grant win again', async () => {
      await stores().consent.append(aConsent({ at: iso(0) }));
      const stop = aConsent({ granted: false, method: 'sms:keyword:STOP', at: iso(1_000) });
      await stores().consent.append(stop);
      expect(await stores().consent.latest('+15555550101', 'messaging')).toStrictEqual(stop);

      const start = aConsent({ method: 'sms:keyword:START', at: iso(2_000) });
      await stores().consent.append(start);
      expect(await stores().consent.latest('+15555550101', 'messaging')).toStrictEqual(start);
    });

    it('picks the most recent instant, not the last appended, when records arrive out of order', async () => {
      const withdrawal = aConsent({ granted: false, method: 'provider:opt-out', at: iso(5_000) });
      await stores().consent.append(withdrawal);
      await stores().consent.append(aConsent({ at: iso(1_000) }));
      expect(await stores().consent.latest('+15555550101', 'messaging')).toStrictEqual(withdrawal);
    });

    it('breaks ties between records with the same instant by insertion order', async () => {
      await stores().consent.append(aConsent({ granted: true, at: iso(0) }));
      await stores().consent.append(aConsent({ granted: false, method: 'sms:keyword:STOP', at: iso(0) }));
      expect((await stores().consent.latest('+15555550101', 'messaging'))?.granted).toBe(false);

      await stores().consent.append(aConsent({ granted: true, method: 'sms:keyword:UNSTOP', at: iso(0) }));
      expect((await stores().consent.latest('+15555550101', 'messaging'))?.method).toBe('sms:keyword:UNSTOP');
    });

    it('keeps purposes and subjects apart', async () => {
      await stores().consent.append(aConsent({ purpose: 'messaging', granted: true }));
      await stores().consent.append(
        aConsent({ purpose: 'health_data', granted: false, method: 'web:reply:NO' }),
      );
      await stores().consent.append(aConsent({ subject: 'session-abc', granted: false }));

      expect((await stores().consent.latest('+15555550101', 'messaging'))?.granted).toBe(true);
      expect((await stores().consent.latest('+15555550101', 'health_data'))?.granted).toBe(false);
      expect((await stores().consent.latest('session-abc', 'health_data'))?.granted).toBeUndefined();
      expect(await stores().consent.history('session-abc')).toHaveLength(1);
    });

    it('gives the whole history of a subject oldest first, across purposes, ties in insertion order', async () => {
      const records = [
        aConsent({ purpose: 'health_data', method: 'web:reply:YES', at: iso(3_000) }),
        aConsent({ purpose: 'messaging', method: 'sms:keyword:START', at: iso(1_000) }),
        aConsent({ purpose: 'messaging', granted: false, method: 'sms:keyword:STOP', at: iso(2_000) }),
        aConsent({ purpose: 'messaging', method: 'sms:keyword:START', at: iso(2_000) }),
      ];
      for (const record of records) await stores().consent.append(record);
      await stores().consent.append(aConsent({ subject: '+15555550102' }));

      expect(await stores().consent.history('+15555550101')).toStrictEqual([
        records[1],
        records[2],
        records[3],
        records[0],
      ]);
    });

    it('keeps every record: appending never replaces an earlier one', async () => {
      for (let i = 0; i < 4; i++)
        await stores().consent.append(aConsent({ granted: i % 2 === 0, at: iso(i) }));
      const history = await stores().consent.history('+15555550101');
      expect(history.map((record) => record.granted)).toEqual([true, false, true, false]);
    });

    it('does not let callers change stored records through the objects they pass or receive', async () => {
      const record = aConsent();
      await stores().consent.append(record);
      record.granted = false;
      const latest = await stores().consent.latest('+15555550101', 'messaging');
      expect(latest).toStrictEqual(aConsent());
      if (latest) latest.granted = false;
      expect(await stores().consent.history('+15555550101')).toStrictEqual([aConsent()]);
    });
  });
}
