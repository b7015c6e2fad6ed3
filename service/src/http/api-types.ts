/**
 * The JSON shapes of the public web API, shared with `web/` (the only service file the browser may import).
 * Pure types: no imports, so bundling the web never pulls service code.
 */

/** Body of `POST /api/chat`: one message typed by the user. */
export interface ChatRequest {
  text: string;
}

/** Answer of `POST /api/chat`: the coach's replies, in the order they should be shown. */
export interface ChatResponse {
  replies: string[];
}

/** Answer of `GET /api/chat/updates`: messages delivered since the last call (e.g. a household plan), oldest first. */
export interface ChatUpdatesResponse {
  messages: string[];
}

/** Body of every non-2xx API answer; `message` is safe to show to the user. */
export interface ApiError {
  error: { code: string; message: string };
}

/** `GET /api/session`: who the cookies say (never the number). */
export interface SessionResponse {
  /** Signed in through a "web" link (a session that logout ends). */
  signedIn: boolean;
  /** A user is behind the cookies (signed in, or an anonymous web-chat user). */
  known: boolean;
  locale: 'en' | 'es';
  hasPhone: boolean;
}

export type MealSlot = 'breakfast' | 'lunch' | 'dinner' | 'snack';

/** `GET /api/plan`: the current week, each member's portion of each meal, daily totals against targets. */
export interface PlanResponse {
  weekStart: string;
  /** The day index (0-based) that is today in the user's time zone, or null outside the week. */
  today: number | null;
  link: string;
  cost: { total: number; budget: number; currency: 'USD' };
  members: { name: string; kcalTarget: number | null }[];
  days: {
    day: number;
    date: string;
    meals: {
      slot: MealSlot;
      recipeName: string;
      side: boolean;
      portions: { member: string; servings?: number; grams?: number }[];
    }[];
    totals: { member: string; kcal: number; proteinG: number; fiberG: number }[];
  }[];
}

/** `POST /api/plan/swap`: another recipe for one meal of the plan (day index and slot). */
export interface SwapRequest {
  day: number;
  slot: MealSlot;
}

/** Answer of the routes that run a coach action: what the coach said, and the data as it now stands. */
export interface ActionResponse<T> {
  message: string;
  data: T;
}

export interface GroceryItemView {
  foodId: string;
  name: string;
  aisle: string;
  grams: number;
  packages: number;
  packageLabel: string;
  cost: number;
  pantry: boolean;
  atHome: boolean;
}

/** `GET /api/grocery`. */
export interface GroceryResponse {
  items: GroceryItemView[];
  /** What is still to buy once "already have" items are off. */
  toBuyCost: number;
  totalCost: number;
}

/** `POST /api/grocery/at-home`. */
export interface AtHomeRequest {
  foodId: string;
  atHome: boolean;
}

export interface Nutrients {
  kcal: number;
  proteinG: number;
  fatG: number;
  carbsG: number;
  fiberG: number;
}

/** `GET /api/log/today`. */
export interface FoodLogResponse {
  date: string;
  entries: { id: string; name: string; grams: number; kcal: number; proteinG: number; at: string }[];
  totals: Nutrients;
  targets: { kcal: number; proteinG: number; fiberG: number } | null;
}

/** `POST /api/log`: free text, parsed exactly as an SMS is. */
export interface QuickAddRequest {
  text: string;
}

/** `GET /api/progress?days=7|30`: per day, oldest first. */
export interface ProgressResponse {
  days: ({ date: string } & Nutrients)[];
  targets: {
    kcal: number;
    proteinG: number;
    fatG: { min: number; max: number };
    carbsG: { min: number; max: number };
    fiberG: number;
  } | null;
  /** Weight as last given in the profile (the profile keeps no history yet). */
  weightKg: number | null;
  goalWeightKg: number | null;
}

/** `GET /api/household`. */
export interface HouseholdResponse {
  adults: number | null;
  children: number | null;
  planMembers: string[];
  invitations: {
    /** For the page's Remove button; the server checks it is the caller's own. */
    id: string;
    name: string;
    relation: string;
    status: 'pending' | 'joined' | 'ended';
    maskedPhone: string;
  }[];
  /** The household the caller joined (by another's invitation), by the owner's last four digits; null when none. */
  membership: { ownerLast4: string } | null;
}

export type Weekday = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/** `GET /api/settings` and the answer of `PATCH /api/settings`. */
export interface SettingsResponse {
  locale: 'en' | 'es';
  timeZone: string;
  goal: string | null;
  goalWeightKg: number | null;
  body: {
    age?: number;
    sex?: 'female' | 'male';
    heightCm?: number;
    weightKg?: number;
    activity?: 'sedentary' | 'light' | 'moderate' | 'active' | 'very_active';
  } | null;
  /** Off when no payment provider is configured: everything is free. */
  billing: { enabled: boolean; tier: 'free' | 'premium' | 'family' | null };
  diet: string | null;
  allergies: string[];
  budget: { amount: number; period: 'week' } | null;
  weeklyDelivery: { active: boolean; weekday: Weekday } | null;
}

/** `PATCH /api/settings`: any of these, at least one. */
export interface SettingsUpdate {
  locale?: 'en' | 'es';
  timeZone?: string;
  diet?: string;
  allergies?: string[];
  budget?: { amount: number; period: 'week' };
  weeklyDelivery?: { active: boolean; weekday?: Weekday };
}

/** `POST /api/export`: a one-time link to the file (as "export my data" gives). */
export interface ExportResponse {
  url: string;
  message: string;
}

/** `POST /api/account/delete`: exactly DELETE ALL / BORRAR TODO, as in chat. */
export interface DeleteRequest {
  confirm: string;
}
