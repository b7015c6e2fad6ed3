/**
 * The one DynamoDB table every store shares, as plain data: the CDK stack (infra) and the test setup both build
 * the table from this, so what is tested is what is deployed. No SDK types here, so any side can read it.
 * docs/DYNAMODB.md explains the key design and every access pattern it serves.
 */
export const TABLE_DEFINITION = {
  /** Generic names: each item kind writes its own prefixes into them (`USER#…`, `PLANTOKEN#…`). */
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  /**
   * Epoch seconds, rounded up from the item's `expiresAtMs` so TTL never deletes an item before it expires.
   * TTL deletes lazily (typically within days), so every read also filters on `expiresAtMs`.
   */
  timeToLiveAttribute: 'ttl',
  /**
   * None: every lookup by something other than the user (phone, web session, plan token, message id) is a
   * small pointer item written in the same transaction, which also enforces uniqueness and reads strongly
   * consistently — a GSI could do neither.
   */
  globalSecondaryIndexes: [],
  /** Traffic is spiky and small (a message at a time); on-demand needs no capacity planning. */
  billingMode: 'PAY_PER_REQUEST',
} as const;

/** Every item carries its kind, so a scan (the expiry sweep) can pick one kind out of the shared table. */
export const ITEM_KINDS = [
  'user',
  'user_phone',
  'user_web_session',
  'dialogue',
  'message',
  'message_id',
  'consent',
  'webhook_receipt',
  'plan',
  'plan_id',
  'plan_token',
  'food',
  'food_id',
  'webhook_ref',
  'export_link',
  'export_ref',
  'erasure',
  'erasing',
  'invitation',
  'invitation_id',
  'invitation_phone',
  'invitation_ref',
  'weekly',
  'weekly_active',
  'outbound',
  'outbound_ref',
  'delivery',
  'billing',
  'billing_reference',
  'billing_customer',
  'billing_family',
  'billing_usage',
  'sign_in_link',
  'sign_in_ref',
  'web_auth_session',
  'web_auth_session_ref',
  'web_message',
  'web_message_key',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
