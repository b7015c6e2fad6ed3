import { createHash } from 'node:crypto';
import type { SignInLink, WebSession } from '../../core/domain/web-auth.ts';
import { StoreError } from '../../core/ports/store-error.ts';
import type { SignInLinkUse, WebAuthStore } from '../../core/ports/web-auth-store.port.ts';
import { stringAttr } from './dynamo-items.ts';
import { expiry, type Key, keys, userPartition } from './dynamo-keys.ts';
import { purgeExpiredItems } from './dynamo-purge.ts';
import { type DynamoTable, type Item, notExists } from './dynamo-table.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A reference in the user's partition names its link or session by the hash after these (from dynamo-keys.ts). */
const SIGN_IN_PREFIX = keys.signInRef('', '').sk;
const SESSION_PREFIX = keys.webAuthSessionRef('', '').sk;

const isLive = (item: Item | undefined, now: Date): item is Item =>
  item !== undefined && Number(item.expiresAtMs) >= now.getTime();

/**
 * Sign-in links (`SIGNIN#<hash>`) and web sessions (`WEBAUTH#<hash>`), each keyed by the SHA-256 of its token and
 * named by a reference in the user's partition, so `erase_user` and `deleteForUser` find them (dynamo-erase.ts).
 * The token itself is never stored and never goes into an error. Every item carries `expiresAtMs` (what reads
 * filter on: expired means strictly past it) and `ttl`.
 */
export class DynamoWebAuthStore implements WebAuthStore {
  constructor(readonly table: DynamoTable) {}

  async saveSignInLink(link: SignInLink): Promise<void> {
    const tokenHash = hash(link.token);
    const expires = expiry(link.expiresAt);
    const outcome = await this.table.transact([
      this.table.putItem(
        {
          ...keys.signInLink(tokenHash),
          kind: 'sign_in_link',
          userId: link.userId,
          createdAt: link.createdAt,
          ...expires,
        },
        notExists,
      ),
      this.table.putItem({ ...keys.signInRef(link.userId, tokenHash), kind: 'sign_in_ref', ...expires }),
    ]);
    if (!outcome.ok) throw new StoreError('conflict', 'sign-in token already taken');
  }

  async useSignInLink(token: string, now: Date): Promise<SignInLinkUse> {
    const key = keys.signInLink(hash(token));
    const item = await this.table.get(key);
    if (!isLive(item, now)) return { status: 'not_found' };
    if (item.used === true) return { status: 'used' };
    const userId = stringAttr(item, 'userId', 'sign-in link');
    // One conditional update marks it: of racing opens (in any process) exactly one lands.
    const marked = await this.table.update(
      key,
      { expression: 'SET used = :true', values: { ':true': true } },
      {
        expression: 'userId = :userId AND attribute_not_exists(used) AND expiresAtMs >= :now',
        values: { ':userId': userId, ':now': now.getTime() },
      },
    );
    if (marked) return { status: 'signed_in', userId };
    // Lost the race, or the link went (logout of everything, erasure) in between: read what is there now.
    const after = await this.table.get(key);
    return isLive(after, now) && after.used === true ? { status: 'used' } : { status: 'not_found' };
  }

  async saveSession(session: WebSession): Promise<void> {
    const tokenHash = hash(session.token);
    const expires = expiry(session.expiresAt);
    const outcome = await this.table.transact([
      this.table.putItem(
        {
          ...keys.webAuthSession(tokenHash),
          kind: 'web_auth_session',
          userId: session.userId,
          createdAt: session.createdAt,
          expiresAt: session.expiresAt,
          ...expires,
        },
        notExists,
      ),
      this.table.putItem({
        ...keys.webAuthSessionRef(session.userId, tokenHash),
        kind: 'web_auth_session_ref',
        ...expires,
      }),
    ]);
    if (!outcome.ok) throw new StoreError('conflict', 'session token already taken');
  }

  async findSession(token: string, now: Date): Promise<WebSession | undefined> {
    const item = await this.table.get(keys.webAuthSession(hash(token)));
    if (!isLive(item, now)) return undefined;
    const what = 'web session';
    return {
      token,
      userId: stringAttr(item, 'userId', what),
      createdAt: stringAttr(item, 'createdAt', what),
      expiresAt: stringAttr(item, 'expiresAt', what),
    };
  }

  async deleteSession(token: string): Promise<void> {
    const tokenHash = hash(token);
    const key = keys.webAuthSession(tokenHash);
    const item = await this.table.get(key);
    if (item === undefined) return;
    const owned: Key[] =
      typeof item.userId === 'string' ? [keys.webAuthSessionRef(item.userId, tokenHash)] : [];
    await this.table.deleteAll([key, ...owned]);
  }

  async deleteForUser(userId: string): Promise<void> {
    const refs = (
      await Promise.all(
        [SIGN_IN_PREFIX, SESSION_PREFIX].map((prefix) =>
          this.table.query({
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': userPartition(userId), ':prefix': prefix },
            ProjectionExpression: 'pk, sk',
          }),
        ),
      )
    ).flat();
    await this.table.deleteAll(
      refs.flatMap((ref) => [{ pk: String(ref.pk), sk: String(ref.sk) }, webAuthPointer(ref)]),
    );
  }

  /**
   * TTL removes expired links, sessions and their references on AWS anyway; this sweep only does it at once (it
   * scans the table, so it runs rarely). References carry the same expiry and go with what they name; only the
   * links and sessions are counted.
   */
  async purgeExpired(now: Date): Promise<number> {
    const links = await purgeExpiredItems(this.table, now, 'sign_in_link', ['sign_in_ref']);
    const sessions = await purgeExpiredItems(this.table, now, 'web_auth_session', ['web_auth_session_ref']);
    return links + sessions;
  }
}

/** The link or session a reference in the user's partition names (by the hash in its sort key); erasure uses it. */
export function webAuthPointer(ref: Item): Key {
  const sk = String(ref.sk);
  return sk.startsWith(SIGN_IN_PREFIX)
    ? keys.signInLink(sk.slice(SIGN_IN_PREFIX.length))
    : keys.webAuthSession(sk.slice(SESSION_PREFIX.length));
}
