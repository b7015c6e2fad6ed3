import type { BillingEffect } from '../billing/billing-effect.ts';
import type { ConsentPurpose } from '../domain/consent.ts';
import type { Profile } from '../domain/profile.ts';
import type { Locale } from '../domain/user.ts';
import type { PlanRequest } from '../planning/plan-request.ts';
import type { DialogueState } from './dialogue-state.ts';
import type { HouseholdPlanEffect } from './household/household-plan-effect.ts';
import type { HouseholdContext, HouseholdEffect } from './household/invitation-types.ts';
import type { Brand } from './messages/index.ts';
import type { PlanEdit } from './plan-edit-intent.ts';
import type { PlanQuery } from './plan-queries.ts';
import type { ExportDataEffect } from './privacy-effect.ts';
import type { AnswerQuestionEffect } from './question-effect.ts';
import type { WebSignInEffect } from './web-sign-in-effect.ts';
import type { WeeklyDeliveryEffect } from './weekly-delivery-effect.ts';

export interface Inbound {
  text: string;
  /** The message carried photos or other media (Twilio NumMedia > 0). */
  hasMedia: boolean;
}

export interface ConversationContext {
  state: DialogueState;
  profile: Profile;
  locale: Locale;
  /** The number sent STOP and has not opted back in. */
  optedOut: boolean;
  /** Explicit consent to store health data (GDPR Art. 9) was given and not withdrawn. */
  consented: boolean;
  /** Household invitations and memberships of this number (issue 5); absent where no household store is wired. */
  household?: HouseholdContext;
}

export interface ConversationSettings {
  brand: Brand;
  privacyUrl: string;
  /** The provider (Twilio Advanced Opt-Out, AWS opt-out lists) confirms opt-outs itself. */
  providerConfirmsOptOut: boolean;
}

export interface ConsentChange {
  purpose: ConsentPurpose;
  granted: boolean;
  method: string;
}

/** What one inbound message decides; the use case commits it. */
export interface Decision {
  replies: string[];
  state: DialogueState;
  profile: Profile;
  locale: Locale;
  consentChanges: ConsentChange[];
  /** Message bodies may be kept only once consent is given (and never for the consent exchange itself). */
  mayLogBodies: boolean;
  /** Under-13 users: everything they sent is dropped. */
  eraseProfile: boolean;
  /** GDPR erasure confirmed with DELETE ALL: the user goes from every store in the same commit (privacy-intent.ts). */
  eraseUser?: boolean;
  /** Work the use case does after committing (through ports), whose outcome becomes the reply. */
  effect?:
    | { kind: 'plan_week'; request: PlanRequest }
    | HouseholdPlanEffect
    | HouseholdEffect
    | {
        kind: 'log_food';
        text: string;
        /** The answer to "did you mean …?": log `text` (the original phrase) as this food. */
        chosen?: { foodId: string; accompaniment: boolean };
      }
    | PlanQuery
    | PlanEdit
    | ExportDataEffect
    | WeeklyDeliveryEffect
    | AnswerQuestionEffect
    | WebSignInEffect
    | BillingEffect;
}
