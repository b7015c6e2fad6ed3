import {
  type HouseholdInvitation,
  householdInvitationSchema,
  isActive,
} from '../../core/domain/household-invitation.ts';
import type { HouseholdStore } from '../../core/ports/household-store.port.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import { parseDoc } from './dynamo-items.ts';
import { inviteePartition, type Key, keys, userPartition } from './dynamo-keys.ts';
import { type DynamoTable, type Item, notExists } from './dynamo-table.ts';

/** What names the four items of one invitation; every one of them carries it (`link`), so any finds the rest. */
interface InvitationLink {
  id: string;
  ownerId: string;
  inviteeUserId: string;
  inviteePhone: string;
  createdAt: string;
}

/** The invitation document and its three pointers (docs/DYNAMODB.md, "Households"). */
export function invitationKeys(link: InvitationLink): Key[] {
  return [
    keys.invitation(link.ownerId, link.createdAt, link.id),
    keys.invitationId(link.id),
    keys.invitationPhone(link.inviteePhone, link.createdAt, link.id),
    keys.invitationRef(link.inviteeUserId, link.createdAt, link.id),
  ];
}

/** The link an invitation item carries, or undefined for an item that is not one (or was damaged). */
export function linkOf(item: Item): InvitationLink | undefined {
  const link = item.link as Partial<InvitationLink> | undefined;
  const fields = [link?.id, link?.ownerId, link?.inviteeUserId, link?.inviteePhone, link?.createdAt];
  return fields.every((field) => typeof field === 'string') ? (link as InvitationLink) : undefined;
}

const ACTIVE_FILTER = {
  FilterExpression: '#status = :joined OR (#status = :pending AND expiresAtMs >= :now)',
  ExpressionAttributeNames: { '#status': 'status' },
};

/**
 * The invitation lives in its owner's partition (`INVITE#<createdAt>#<id>`), with `status` and `expiresAtMs`
 * beside the document so conditions and filters can read them. Three pointers, written in the same transaction:
 * `INVITE#<id>` (unique id, `findById`, `join`, `end`), `INVITEE#<phone>` (the invitee's number) and a reference
 * in the invitee's partition (erasure of the invitee). `join` and `end` are one conditional UpdateItem each, so a
 * YES racing a "remove" has exactly one outcome. Errors name the invitation id only, never a number.
 */
export class DynamoHouseholdStore implements HouseholdStore {
  constructor(readonly table: DynamoTable) {}

  async create(invitation: HouseholdInvitation): Promise<void> {
    const link: InvitationLink = {
      id: invitation.id,
      ownerId: invitation.ownerId,
      inviteeUserId: invitation.inviteeUserId,
      inviteePhone: invitation.inviteePhone,
      createdAt: invitation.createdAt,
    };
    const [docKey, idKey, phoneKey, refKey] = invitationKeys(link) as [Key, Key, Key, Key];
    const outcome = await this.table.transact([
      this.table.putItem(
        {
          ...docKey,
          kind: 'invitation',
          link,
          status: invitation.status,
          expiresAtMs: Date.parse(invitation.expiresAt),
          doc: invitation,
        },
        notExists,
      ),
      this.table.putItem({ ...idKey, kind: 'invitation_id', link }, notExists),
      this.table.putItem({ ...phoneKey, kind: 'invitation_phone', link }),
      this.table.putItem({ ...refKey, kind: 'invitation_ref', link }),
    ]);
    if (!outcome.ok) throw new StoreError('conflict', `invitation ${invitation.id} already exists`);
  }

  async findById(id: string): Promise<HouseholdInvitation | undefined> {
    const docKey = await this.#docKey(id);
    const item = docKey && (await this.table.get(docKey));
    return item === undefined ? undefined : toInvitation(item);
  }

  async activeForOwner(ownerId: string, now: Date): Promise<HouseholdInvitation[]> {
    const items = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ...ACTIVE_FILTER,
      ExpressionAttributeValues: {
        ':pk': userPartition(ownerId),
        ':prefix': 'INVITE#',
        ...activeValues(now),
      },
    });
    return items.map(toInvitation);
  }

  async activeForInvitee(phone: string, now: Date): Promise<HouseholdInvitation[]> {
    const pointers = await this.table.query({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': inviteePartition(phone) },
    });
    const docKeys = pointers.flatMap((pointer) => {
      const link = linkOf(pointer);
      return link ? [keys.invitation(link.ownerId, link.createdAt, link.id)] : [];
    });
    const docs = await this.table.getMany(docKeys);
    // The pointers' order (created, then id) is the documents' sort key too.
    return docs
      .sort((a, b) => (String(a.sk) < String(b.sk) ? -1 : String(a.sk) > String(b.sk) ? 1 : 0))
      .map(toInvitation)
      .filter((invitation) => isActive(invitation, now));
  }

  async join(id: string, now: Date): Promise<boolean> {
    const docKey = await this.#docKey(id);
    if (docKey === undefined) return false;
    return this.table.update(docKey, transition('joined', 'joinedAt', now), {
      expression: '#status = :pending AND expiresAtMs >= :now',
      names: { '#status': 'status' },
      values: { ':pending': 'pending', ':now': now.getTime() },
    });
  }

  async end(id: string, now: Date): Promise<boolean> {
    const docKey = await this.#docKey(id);
    if (docKey === undefined) return false;
    return this.table.update(docKey, transition('ended', 'endedAt', now), {
      expression: 'attribute_exists(pk) AND #status <> :ended',
      names: { '#status': 'status' },
      values: { ':ended': 'ended' },
    });
  }

  /** Not atomic (as the other stores' `deleteForUser`), but safe to repeat; erasure goes through the commit. */
  async deleteForUser(userId: string, phone?: string): Promise<void> {
    const [sent, received, byPhone] = await Promise.all([
      this.#partition(userPartition(userId), 'INVITE#'),
      this.#partition(userPartition(userId), 'INVITED#'),
      phone === undefined ? [] : this.#partition(inviteePartition(phone), 'INVITE#'),
    ]);
    const unique = new Map<string, Key>();
    for (const item of [...sent, ...received, ...byPhone]) {
      const link = linkOf(item);
      for (const key of link ? invitationKeys(link) : []) unique.set(`${key.pk}\n${key.sk}`, key);
    }
    await this.table.deleteAll([...unique.values()]);
  }

  async #docKey(id: string): Promise<Key | undefined> {
    const pointer = await this.table.get(keys.invitationId(id));
    const link = pointer && linkOf(pointer);
    return link && keys.invitation(link.ownerId, link.createdAt, link.id);
  }

  #partition(pk: string, prefix: string): Promise<Item[]> {
    return this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ProjectionExpression: 'pk, sk, link',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    });
  }
}

function activeValues(now: Date) {
  return { ':joined': 'joined', ':pending': 'pending', ':now': now.getTime() };
}

/** The status beside the document and inside it change together, with the instant of the change. */
function transition(status: 'joined' | 'ended', field: 'joinedAt' | 'endedAt', now: Date) {
  return {
    expression: 'SET #status = :next, #doc.#status = :next, #doc.#field = :at',
    names: { '#status': 'status', '#doc': 'doc', '#field': field },
    values: { ':next': status, ':at': now.toISOString() },
  };
}

function toInvitation(item: Item): HouseholdInvitation {
  return parseDoc(householdInvitationSchema, item, `invitation item ${String(linkOf(item)?.id ?? item.sk)}`);
}
