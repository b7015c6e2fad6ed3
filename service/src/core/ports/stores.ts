import type { ConsentStore } from './consent-store.port.ts';
import type { DialogueStore } from './dialogue-store.port.ts';
import type { MessageLog } from './message-log.port.ts';
import type { PlanStore } from './plan-store.port.ts';
import type { UserStore } from './user-store.port.ts';
import type { WebhookReceiptStore } from './webhook-receipt-store.port.ts';

/** Every store the product needs, as one adapter family provides them. */
export interface Stores {
  /** `sqlite`, `memory`, `dynamodb` … reported by /health. */
  readonly kind: string;
  users: UserStore;
  dialogue: DialogueStore;
  messages: MessageLog;
  consent: ConsentStore;
  webhookReceipts: WebhookReceiptStore;
  plans: PlanStore;
  close(): Promise<void>;
}
