import { householdMessagesFor } from '../conversation/household/household-messages.ts';
import { messagesFor } from '../conversation/messages/index.ts';
import type { WeeklySchedule } from '../conversation/messages/weekly-catalog.ts';
import { planRequestFromProfile } from '../conversation/plan-intent.ts';
import type { WeeklyDeliveryEffect } from '../conversation/weekly-delivery-effect.ts';
import type { Locale, User } from '../domain/user.ts';
import {
  DEFAULT_WEEKDAY,
  WEEKDAYS,
  type Weekday,
  type WeeklySubscription,
} from '../domain/weekly-delivery.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { JobQueue } from '../ports/job-queue.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import { StoreError } from '../ports/store-error.ts';
import type { Stores } from '../ports/stores.ts';
import { consentSubject } from '../privacy/consent-subject.ts';
import { clockText, isoWeek, localTime } from '../time/local-time.ts';
import { userTimeZone } from '../time/time-zones.ts';
import { type DeliverMessageDeps, deliverMessage } from './deliver-message.ts';
import { type PlanForUserDeps, planForUser } from './plan-for-user.ts';
import { withheldForDormancy } from './weekly-dormancy.ts';

/**
 * When scheduled messages may go out, in minutes since local midnight: from `fromMinutes` inclusive to
 * `untilMinutes` exclusive. The law's outer limits are 08:00–21:00 (reference: SMS rules); config may narrow them.
 */
export interface DeliveryWindow {
  fromMinutes: number;
  untilMinutes: number;
}
export const DEFAULT_DELIVERY_WINDOW: DeliveryWindow = { fromMinutes: 8 * 60, untilMinutes: 21 * 60 };

/**
 * The ISO week whose plan is due for this subscription at `now`, or undefined: due means on, the chosen weekday
 * in the user's zone, inside the window, and that week not yet sent. Only the chosen day counts: a day missed (the
 * machine was off) is not made up mid-week.
 */
export function dueWeek(
  subscription: WeeklySubscription,
  user: Pick<User, 'phone' | 'profile'>,
  now: Date,
  window: DeliveryWindow,
): string | undefined {
  if (!subscription.active) return undefined;
  const local = localTime(now, userTimeZone(user));
  if (WEEKDAYS[local.weekday] !== subscription.weekday) return undefined;
  if (local.minutes < window.fromMinutes || local.minutes >= window.untilMinutes) return undefined;
  const week = isoWeek(local.date);
  // "2026-W44" strings order as the weeks they name.
  if (subscription.lastSentWeek !== undefined && subscription.lastSentWeek >= week) return undefined;
  return week;
}

/** Answers "weekly on" / "weekly off" / "weekly" after the commit, through the weekly-delivery store. */
export async function changeWeeklyDelivery(
  deps: { stores: Stores; clock: Clock; deliveryWindow?: DeliveryWindow },
  user: User,
  effect: WeeklyDeliveryEffect,
  locale: Locale,
): Promise<string[]> {
  const m = messagesFor(locale).weekly;
  const store = deps.stores.weeklyDelivery;
  const window = deps.deliveryWindow ?? DEFAULT_DELIVERY_WINDOW;
  const schedule = (weekday: Weekday): WeeklySchedule => ({
    weekday,
    from: clockText(window.fromMinutes),
    until: clockText(window.untilMinutes),
    zone: userTimeZone(user),
  });
  const { command } = effect;
  if (command.kind === 'off') {
    await store.unsubscribe(user.id, deps.clock.now());
    return [m.turnedOff()];
  }
  const current = await store.get(user.id);
  if (command.kind === 'status') return [current?.active ? m.isOn(schedule(current.weekday)) : m.isOff()];
  // "weekly on" without a day keeps the day chosen before.
  const weekday = command.weekday ?? current?.weekday ?? DEFAULT_WEEKDAY;
  await store.subscribe(user.id, weekday, deps.clock.now());
  return [m.turnedOn(schedule(weekday))];
}

export interface WeeklyDeliveryDeps {
  stores: Stores;
  clock: Clock;
  logger: Logger;
  jobs: JobQueue;
  deliveryWindow: DeliveryWindow;
}

/** Why a subscribed user gets nothing at a tick even though their day and hour have come. */
type Skip = 'no_user' | 'opted_out' | 'no_consent' | 'profile' | 'body' | 'members';

/**
 * One scheduler tick: every delivery due now becomes a `weekly_plan` job keyed by user and local ISO week, so a
 * second tick (or a restart) before the job has run only queues a job that finds the week sent. Users who opted out,
 * never consented, or whose profile cannot make a plan yet are skipped without a message (no nudge: the plan asks
 * for what is missing when they next say "plan"). Returns the jobs queued.
 */
export async function runWeeklyDeliveries(
  deps: WeeklyDeliveryDeps,
): Promise<{ userId: string; week: string }[]> {
  const store = deps.stores.weeklyDelivery;
  const now = deps.clock.now();
  const queued: { userId: string; week: string }[] = [];
  for (const subscription of await store.listActive()) {
    const job = await queueIfDue(deps, subscription, now);
    if (job) queued.push(job);
  }
  if (queued.length > 0) deps.logger.info('weekly_plans_queued', { count: queued.length });
  return queued;
}

/** One subscription at a tick: its `weekly_plan` job queued when due and allowed (the paged scan shares it). */
export async function queueIfDue(
  deps: WeeklyDeliveryDeps,
  subscription: WeeklySubscription,
  now: Date,
): Promise<{ userId: string; week: string } | undefined> {
  const user = await deps.stores.users.findById(subscription.userId);
  const week = user ? dueWeek(subscription, user, now, deps.deliveryWindow) : undefined;
  if (!user || !week) return undefined;
  const skip = await whySkip(deps.stores, user);
  if (skip) {
    deps.logger.info('weekly_plan_skipped', { userId: user.id, week, reason: skip });
    return undefined;
  }
  await deps.jobs.enqueue({ type: 'weekly_plan', userId: user.id, week });
  return { userId: user.id, week };
}

async function whySkip(stores: Stores, user: User): Promise<Skip | undefined> {
  const subject = consentSubject(user);
  const [messaging, healthData] = await Promise.all([
    stores.consent.latest(subject, 'messaging'),
    stores.consent.latest(subject, 'health_data'),
  ]);
  if (messaging?.granted === false) return 'opted_out';
  if (healthData?.granted !== true) return 'no_consent';
  const readiness = planRequestFromProfile(
    user.profile,
    messagesFor(user.locale).you(),
    householdMessagesFor(user.locale),
  );
  return readiness.ok ? undefined : readiness.missing;
}

export type DeliverWeeklyPlanDeps = PlanForUserDeps &
  DeliverMessageDeps & {
    deliveryWindow: DeliveryWindow;
    /** A number quiet this long gets no plan (weekly-dormancy.ts); 60 when absent. */
    dormantAfterDays?: number;
  };

/**
 * The `weekly_plan` job: checks again that the week is due (a job that waited past 21:00 local, or ran after
 * "weekly off" or STOP, sends nothing), makes the plan from the profile as it is now (single or household, the same
 * path as "plan"), saves it under an id made of the week and the user, sends it, and records the week. A second
 * run finds the week recorded; a run racing another loses the save of the same plan id and stops.
 */
export async function deliverWeeklyPlan(
  deps: DeliverWeeklyPlanDeps,
  job: { userId: string; week: string },
): Promise<void> {
  const store = deps.stores.weeklyDelivery;
  const [user, subscription] = await Promise.all([
    deps.stores.users.findById(job.userId),
    store.get(job.userId),
  ]);
  if (!user || !subscription) {
    deps.logger.info('weekly_plan_skipped', { reason: 'no_subscription' });
    return;
  }
  if (dueWeek(subscription, user, deps.clock.now(), deps.deliveryWindow) !== job.week) {
    deps.logger.info('weekly_plan_skipped', { userId: user.id, week: job.week, reason: 'not_due' });
    return;
  }
  const skip = await whySkip(deps.stores, user);
  const readiness = planRequestFromProfile(
    user.profile,
    messagesFor(user.locale).you(),
    householdMessagesFor(user.locale),
  );
  if (skip || !readiness.ok) {
    deps.logger.info('weekly_plan_skipped', { userId: user.id, week: job.week, reason: skip ?? 'profile' });
    return;
  }
  if (await withheldForDormancy(deps, user, job.week)) return;
  const planId = `weekly-${job.week}-${user.id}`;
  let text: string;
  try {
    text = await planForUser(deps, user, readiness.request, user.locale, planId);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'conflict') {
      deps.logger.info('weekly_plan_skipped', { userId: user.id, week: job.week, reason: 'already_saved' });
      return;
    }
    throw error;
  }
  // The plan's own words, with nothing added: the link must stay inside three SMS segments. A refusal for good (opted out meanwhile, no route) also closes the week; a fault worth retrying throws first.
  const outcome = await deliverMessage(deps, user, text, `weekly:${user.id}:${job.week}`);
  await store.markSent(user.id, job.week);
  deps.logger.info('weekly_plan_delivered', { userId: user.id, week: job.week, outcome: outcome.status });
}
