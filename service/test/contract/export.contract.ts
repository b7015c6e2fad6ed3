import { describe, expect, it } from 'vitest';
import type { HouseholdInvitation } from '../../src/core/domain/household-invitation.ts';
import { collectUserExport } from '../../src/core/use-cases/export-user.ts';
import { at, aUser, type MakeStores, useFreshStores } from './contract-support.ts';

const HOUR_MS = 3_600_000;
const PHONE = aUser().phone ?? '';
const SID_1 = `SM${'1'.repeat(32)}`;
const SID_2 = `SM${'2'.repeat(32)}`;

const anInvitation = (overrides: Partial<HouseholdInvitation>): HouseholdInvitation => ({
  id: 'inv-1',
  ownerId: 'user-1',
  inviteeUserId: 'user-3',
  inviteePhone: '+15555550103',
  relation: 'partner',
  relationWord: 'wife',
  status: 'pending',
  createdAt: at(0).toISOString(),
  expiresAt: at(72 * HOUR_MS).toISOString(),
  ...overrides,
});

/**
 * The GDPR export (core/use-cases/export-user.ts) read through each family's stores: what the household,
 * weekly-delivery and outbound-message stores hold for the user is in it, and nothing of anyone else.
 */
export function describeExportContract(makeStores: MakeStores): void {
  describe('user export across the stores', () => {
    const stores = useFreshStores(makeStores);

    it('exports the user’s invitations, weekly subscription and outbound keys and statuses, nobody else’s', async () => {
      const s = stores();
      await s.users.create(aUser());
      await s.users.create(aUser({ id: 'user-2', phone: '+15555550102' }));
      await s.households.create(anInvitation({ id: 'inv-sent' }));
      await s.households.create(
        anInvitation({ id: 'inv-received', ownerId: 'user-2', inviteeUserId: 'user-1', inviteePhone: PHONE }),
      );
      await s.households.create(anInvitation({ id: 'inv-others', ownerId: 'user-2' }));
      await s.weeklyDelivery.subscribe('user-1', 'friday', at(0));
      await s.weeklyDelivery.subscribe('user-2', 'monday', at(0));
      await s.outboundMessages.claim('plan:1', 'user-1', at(0), 60_000);
      await s.outboundMessages.markSent('plan:1', SID_1, at(1));
      await s.outboundMessages.recordStatus({
        messageSid: SID_1,
        status: 'delivered',
        at: at(2).toISOString(),
      });
      await s.outboundMessages.claim('plan:2', 'user-2', at(0), 60_000);
      await s.outboundMessages.markSent('plan:2', SID_2, at(1));
      await s.outboundMessages.recordStatus({
        messageSid: SID_2,
        status: 'delivered',
        at: at(2).toISOString(),
      });

      const data = await collectUserExport(s, 'user-1', at(HOUR_MS));
      expect(data?.household.invitationsSent.map((invitation) => invitation.id)).toEqual(['inv-sent']);
      expect(data?.household.invitationsReceived.map((invitation) => invitation.id)).toEqual([
        'inv-received',
      ]);
      expect(data?.weeklyDelivery).toEqual({
        userId: 'user-1',
        weekday: 'friday',
        active: true,
        updatedAt: at(0).toISOString(),
      });
      expect(data?.outboundMessages).toEqual({
        messages: [
          { key: 'plan:1', userId: 'user-1', state: 'sent', messageSid: SID_1, at: at(1).toISOString() },
        ],
        statuses: [{ messageSid: SID_1, status: 'delivered', at: at(2).toISOString() }],
      });
    });

    it('exports empty sections for a user who never used them', async () => {
      const s = stores();
      await s.users.create(aUser());
      const data = await collectUserExport(s, 'user-1', at(0));
      expect(data?.household).toEqual({ invitationsSent: [], invitationsReceived: [] });
      expect(data?.weeklyDelivery).toBeNull();
      expect(data?.outboundMessages).toEqual({ messages: [], statuses: [] });
    });
  });
}
