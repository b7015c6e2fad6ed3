import { describeCommitContract } from './commit.contract.ts';
import { describeConsentStoreContract } from './consent-store.contract.ts';
import type { MakeStores } from './contract-support.ts';
import { describeDialogueStoreContract } from './dialogue-store.contract.ts';
import { describeExportContract } from './export.contract.ts';
import { describeFoodLogStoreContract } from './food-log-store.contract.ts';
import { describeHouseholdStoreContract } from './household-store.contract.ts';
import { describeMessageLogContract } from './message-log.contract.ts';
import { describeOutboundMessageStoreContract } from './outbound-message-store.contract.ts';
import { describePlanStoreContract } from './plan-store.contract.ts';
import { describePrivacyContract } from './privacy.contract.ts';
import { describeUserStoreContract } from './user-store.contract.ts';
import { describeWebhookReceiptStoreContract } from './webhook-receipt-store.contract.ts';
import { describeWeeklyDeliveryStoreContract } from './weekly-delivery-store.contract.ts';

/** Every contract suite a family of stores must pass: memory and SQLite (stores.test.ts), DynamoDB (its own file). */
export const STORE_CONTRACTS: readonly ((makeStores: MakeStores) => void)[] = [
  describeCommitContract,
  describeUserStoreContract,
  describeDialogueStoreContract,
  describeMessageLogContract,
  describeConsentStoreContract,
  describeWebhookReceiptStoreContract,
  describePlanStoreContract,
  describeFoodLogStoreContract,
  describePrivacyContract,
  describeHouseholdStoreContract,
  describeWeeklyDeliveryStoreContract,
  describeOutboundMessageStoreContract,
  describeExportContract,
];
