import { describe, expect, it } from 'vitest';
import type { HouseholdInvitation } from '../../src/core/domain/household-invitation.ts';
import type { HouseholdStore } from '../../src/core/ports/household-store.port.ts';
import { at, expectStoreError, type MakeStores, useFreshStores } from './contract-support.ts';

const HOUR = 3_600_000;

function invitation(overrides: Partial<HouseholdInvitation> = {}): HouseholdInvitation {
  return {
    id: 'inv-1',
    ownerId: 'owner-1',
    inviteeUserId: 'invitee-1',
    inviteePhone: '+15550100901',
    relation: 'partner',
    relationWord: 'wife',
    name: 'Ana',
    status: 'pending',
    createdAt: at(0).toISOString(),
    expiresAt: at(72 * HOUR).toISOString(),
    ...overrides,
  };
}

/** The household-store port: every family of stores passes these (all-contracts.ts). */
export function describeHouseholdStoreContract(makeStores: MakeStores): void {
  describe('household store', () => {
    const stores = useFreshStores(makeStores);
    const households = (): HouseholdStore => stores().households;

    it('creates, reads back exactly, and refuses a taken id', async () => {
      await households().create(invitation());
      expect(await households().findById('inv-1')).toEqual(invitation());
      await expectStoreError(households().create(invitation()), 'conflict');
      expect(await households().findById('nope')).toBeUndefined();
    });

    it('lists pending invitations until strictly after they expire, by owner and by number, oldest first', async () => {
      await households().create(invitation({ id: 'inv-2', createdAt: at(HOUR).toISOString() }));
      await households().create(invitation());
      const ids = (list: HouseholdInvitation[]) => list.map((found) => found.id);
      expect(ids(await households().activeForOwner('owner-1', at(72 * HOUR)))).toEqual(['inv-1', 'inv-2']);
      expect(ids(await households().activeForInvitee('+15550100901', at(72 * HOUR)))).toEqual([
        'inv-1',
        'inv-2',
      ]);
      expect(await households().activeForOwner('owner-1', at(72 * HOUR + 1))).toEqual([]);
      expect(await households().activeForInvitee('+15550100901', at(72 * HOUR + 1))).toEqual([]);
      expect(await households().activeForOwner('someone-else', at(0))).toEqual([]);
    });

    it('joins only a pending, unexpired invitation, once; a joined member stays active past the expiry', async () => {
      await households().create(invitation());
      expect(await households().join('inv-1', at(72 * HOUR + 1))).toBe(false);
      expect(await households().join('inv-1', at(HOUR))).toBe(true);
      expect(await households().join('inv-1', at(HOUR))).toBe(false);
      const joined = await households().findById('inv-1');
      expect(joined).toMatchObject({ status: 'joined', joinedAt: at(HOUR).toISOString() });
      expect((await households().activeForOwner('owner-1', at(1000 * HOUR))).map((f) => f.status)).toEqual([
        'joined',
      ]);
      expect(await households().join('unknown', at(0))).toBe(false);
    });

    it('ends a pending or joined invitation once; an ended one is active nowhere and cannot be joined', async () => {
      await households().create(invitation());
      await households().create(invitation({ id: 'inv-2', inviteePhone: '+15550100902' }));
      await households().join('inv-2', at(HOUR));
      expect(await households().end('inv-1', at(2 * HOUR))).toBe(true);
      expect(await households().end('inv-2', at(2 * HOUR))).toBe(true);
      expect(await households().end('inv-2', at(2 * HOUR))).toBe(false);
      expect(await households().join('inv-1', at(2 * HOUR))).toBe(false);
      expect(await households().activeForOwner('owner-1', at(2 * HOUR))).toEqual([]);
      expect(await households().findById('inv-2')).toMatchObject({
        status: 'ended',
        endedAt: at(2 * HOUR).toISOString(),
      });
    });

    it('erases every invitation a user sent or received, by id or by number', async () => {
      await households().create(invitation());
      await households().create(invitation({ id: 'inv-2', ownerId: 'owner-2', inviteeUserId: 'owner-1' }));
      await households().create(invitation({ id: 'inv-3', ownerId: 'owner-3', inviteeUserId: 'other' }));
      await households().create(
        invitation({ id: 'inv-4', ownerId: 'owner-4', inviteeUserId: 'x', inviteePhone: '+15550100999' }),
      );
      await households().deleteForUser('owner-1');
      expect(await households().findById('inv-1')).toBeUndefined();
      expect(await households().findById('inv-2')).toBeUndefined();
      expect(await households().findById('inv-3')).toBeDefined();
      await households().deleteForUser('someone', '+15550100901');
      expect(await households().findById('inv-3')).toBeUndefined();
      expect(await households().findById('inv-4')).toBeDefined();
    });
  });
}
