import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Stores } from '../../core/ports/stores.ts';
import { DynamoBillingStore } from './dynamo-billing-store.ts';
import { dynamoCommit } from './dynamo-commit.ts';
import { DynamoConsentStore } from './dynamo-consent-store.ts';
import { DynamoDialogueStore } from './dynamo-dialogue-store.ts';
import { finishPendingErasures } from './dynamo-erase.ts';
import { DynamoFoodLogStore } from './dynamo-food-log-store.ts';
import { DynamoHouseholdStore } from './dynamo-household-store.ts';
import { DynamoMessageLog } from './dynamo-message-log.ts';
import { DynamoOutboundMessageStore } from './dynamo-outbound-message-store.ts';
import { DynamoPlanStore } from './dynamo-plan-store.ts';
import { DynamoPrivacyStore } from './dynamo-privacy-store.ts';
import { pseudonymizer } from './dynamo-pseudonym.ts';
import { DynamoTable } from './dynamo-table.ts';
import { DynamoUserStore } from './dynamo-user-store.ts';
import { DynamoWebAuthStore } from './dynamo-web-auth-store.ts';
import { DynamoWebInbox } from './dynamo-web-inbox.ts';
import { DynamoWebhookReceiptStore } from './dynamo-webhook-receipt-store.ts';
import { DynamoWeeklyDeliveryStore } from './dynamo-weekly-delivery-store.ts';

export { createTable, createTableInput } from './create-table.ts';
export { TABLE_DEFINITION } from './table-definition.ts';

export interface DynamoStoresOptions {
  /** Built once per container by the composition, which also destroys it. */
  client: DynamoDBClient;
  /** The one table of TABLE_DEFINITION; every store shares it (docs/DYNAMODB.md). */
  tableName: string;
  /**
   * The key of the hash erased users' consent records are kept under (PSEUDONYM_KEY, from the secret store).
   * Required: the table outlives any process, so a random key would lose every opt-out kept after an erasure.
   */
  pseudonymKey: string;
}

/** Every store in one DynamoDB table. The table must exist: the CDK stack creates it on AWS, `createTable` locally. */
export function openDynamoStores(options: DynamoStoresOptions): Stores {
  const table = new DynamoTable(options.client, options.tableName);
  const writers = {
    users: new DynamoUserStore(table),
    dialogue: new DynamoDialogueStore(table),
    messages: new DynamoMessageLog(table),
    consent: new DynamoConsentStore(table, pseudonymizer(options.pseudonymKey)),
    privacy: new DynamoPrivacyStore(table, () => finishPendingErasures(table)),
  };
  return {
    kind: 'dynamodb',
    ...writers,
    webhookReceipts: new DynamoWebhookReceiptStore(table),
    plans: new DynamoPlanStore(table),
    foodLog: new DynamoFoodLogStore(table),
    households: new DynamoHouseholdStore(table),
    weeklyDelivery: new DynamoWeeklyDeliveryStore(table),
    outboundMessages: new DynamoOutboundMessageStore(table),
    billing: new DynamoBillingStore(table),
    webAuth: new DynamoWebAuthStore(table),
    webInbox: new DynamoWebInbox(table),
    commit: dynamoCommit(table, writers),
    // The client is the composition's: it may serve other adapters, so it is not destroyed here.
    async close() {},
  };
}
