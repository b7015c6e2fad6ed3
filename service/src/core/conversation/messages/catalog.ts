import type { ActivityLevel, Allergen, Diet, Goal, Household, Sex } from '../../domain/profile.ts';
import type { AbuseMessages } from './abuse-catalog.ts';
import type { BillingMessages } from './billing-catalog.ts';
import type { DormancyMessages } from './dormancy-catalog.ts';
import type { PlanEditMessages } from './plan-edit-catalog.ts';
import type { PrivacyMessages } from './privacy-catalog.ts';
import type { QuestionMessages } from './question-catalog.ts';
import type { WeeklyMessages } from './weekly-catalog.ts';

export interface Brand {
  name: string;
  contact: string;
}

/** Every sentence the coach can send, per language. Numbers are formatted by the caller's data, never invented. */
export interface MessageCatalog {
  help(brand: Brand): string;
  optOutConfirmation(brand: Brand): string;
  optInConfirmation(brand: Brand): string;
  /** One or two messages: each must fit three SMS segments (UCS-2 for accented Spanish). */
  welcome(brand: Brand, privacyUrl: string): string[];
  consentReminder(): string;
  consentDeclined(): string;
  consentGiven(): string;
  askGoal(): string;
  askAllergiesAndDiet(): string;
  askAllergies(): string;
  askDiet(): string;
  askHouseholdAndBudget(): string;
  askHousehold(): string;
  askBudget(): string;
  askBody(): string;
  notUnderstood(question: string): string;
  tooYoung(brand: Brand): string;
  bodyOutOfRange(): string;
  onboardingComplete(summary: string): string[];
  profileSummary(summary: string): string;
  updated(changes: string): string;
  photoNotRead(): string;
  menu(): string;
  goalName(goal: Goal): string;
  dietName(diet: Diet): string;
  allergenName(allergen: Allergen): string;
  noAllergies(): string;
  sexName(sex: Sex): string;
  activityName(activity: ActivityLevel): string;
  household(household: Household): string;
  budget(amount: number): string;
  labels: Record<
    'goal' | 'diet' | 'allergies' | 'household' | 'budget' | 'body' | 'goalWeight' | 'dislikes' | 'timeZone',
    string
  >;
  notSet(): string;
  languageSwitched(): string;
  /** Profile changes in free text: goal weight (never a number that pushes lower), dislikes, time zone, language. */
  goalWeightTooLow(): string;
  goalWeightConflict(goal: 'lose' | 'gain'): string;
  goalWeightNeedsHeight(): string;
  goalWeightNeedsUnit(): string;
  goalWeightOutOfRange(): string;
  noDislikes(): string;
  dislikesUnknown(names: string): string;
  dislikesTooMany(max: number): string;
  dislikesNotListed(names: string): string;
  timeZoneUnknown(): string;
  languageUnsupported(): string;
  planNeedsBody(): string;
  planNeedsHousehold(): string;
  planNeedsProfile(): string;
  planReady(cost: string, budget: string, today: string, link: string): string;
  planFailed(reason: string): string;
  noPlan(): string;
  logged(items: string, today: string): string;
  dayTotals(
    kcal: number,
    targetKcal: number | undefined,
    proteinG: number,
    targetProteinG: number | undefined,
  ): string;
  foodUnsure(phrase: string, options: string): string;
  foodUnknown(): string;
  foodTooMany(limit: number): string;
  nothingLogged(range: 'day' | 'week'): string;
  summary(label: string, parts: string): string;
  summaryWeekLabel(daysLogged: number): string;
  nutrientPart(
    key: 'kcal' | 'proteinG' | 'fatG' | 'carbsG' | 'fiberG' | 'sodiumMg',
    value: number,
    target?: number,
  ): string;
  allergenWarning(foods: string, allergens: string): string;
  planEnded(): string;
  dayLabel(offset: 0 | 1): string;
  slotName(slot: 'breakfast' | 'lunch' | 'dinner' | 'snack'): string;
  servings(count: number): string;
  aisleName(aisle: string): string;
  shoppingList(total: string, link: string, aisles: string): string;
  /** Swaps, a food kept out for the week, groceries at home (plan-edit-en.ts, plan-edit-es.ts). */
  planEdit: PlanEditMessages;
  /** Export and erasure of the user's data (privacy-en.ts, privacy-es.ts). */
  privacy: PrivacyMessages;
  /** Weekly plan delivery (weekly-en.ts, weekly-es.ts). */
  weekly: WeeklyMessages;
  /** Open nutrition questions (question-en.ts, question-es.ts). */
  questions: QuestionMessages;
  /** Subscriptions and the Free limits (billing-en.ts, billing-es.ts). */
  billing: BillingMessages;
  /** Rate limits and the SMS-pumping guard (abuse-en.ts, abuse-es.ts). */
  abuse: AbuseMessages;
  /** A number quiet for long: the ME / NEW question and the weekly pause (dormancy-en.ts, dormancy-es.ts). */
  dormancy: DormancyMessages;
  /** The word for the person being planned for, used as their name in the plan. */
  you(): string;
}
