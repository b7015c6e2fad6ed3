import type { Hono } from 'hono';
import { z } from 'zod';
import { forgetUserInCache } from '../core/cache/cache-tags.ts';
import { maskPhone } from '../core/conversation/address.ts';
import { messagesFor } from '../core/conversation/messages/index.ts';
import { classifyPrivacyRequest } from '../core/conversation/privacy-intent.ts';
import { settingsProfileChange } from '../core/conversation/settings-profile-change.ts';
import { ALLERGENS, bodySchema, budgetSchema, DIETS, GOALS } from '../core/domain/profile.ts';
import type { User } from '../core/domain/user.ts';
import { LOCALES } from '../core/domain/user.ts';
import { WEEKDAYS } from '../core/domain/weekly-delivery.ts';
import { consentSubject } from '../core/privacy/consent-subject.ts';
import { isKnownTimeZone } from '../core/time/local-date.ts';
import { userTimeZone } from '../core/time/time-zones.ts';
import { userTier } from '../core/use-cases/billing-conversation.ts';
import { erasureWrite, newExportUrl } from '../core/use-cases/export-user.ts';
import { householdContext } from '../core/use-cases/household-invitations.ts';
import { changeWeeklyDelivery } from '../core/use-cases/weekly-delivery.ts';
import type { ExportResponse, HouseholdResponse, SettingsResponse } from './api-types.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';
import { clearWebCookies, jsonBody, requireCaller } from './web-session.ts';

const settingsSchema = z
  .object({
    locale: z.enum(LOCALES),
    timeZone: z.string().max(64).refine(isKnownTimeZone, 'unknown time zone'),
    diet: z.enum(DIETS),
    allergies: z.array(z.enum(ALLERGENS)).max(ALLERGENS.length),
    budget: budgetSchema.omit({ currency: true }).strict(),
    weeklyDelivery: z.object({ active: z.boolean(), weekday: z.enum(WEEKDAYS).optional() }).strict(),
    goal: z.enum(GOALS),
    goalWeightKg: z.number().min(25).max(350).nullable(),
    body: bodySchema.partial().strict(),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
const exportSchema = z.object({}).strict();
const deleteSchema = z.object({ confirm: z.string().max(100) }).strict();

/** Household, settings, the export link and erasure, for the signed-in user only. */
export function registerWebAccountRoutes(app: Hono, deps: AppDeps): void {
  const useCases = () => {
    if (!deps.useCases) throw new HttpError(404, 'not_found', 'Not available here');
    return deps.useCases;
  };

  app.get('/api/household', async (c) => {
    const { user } = await requireCaller(c, deps);
    const now = deps.clock.now();
    const [invitations, plan] = await Promise.all([
      deps.stores.households?.activeForOwner(user.id, now) ?? [],
      deps.stores.plans.current(user.id, now),
    ]);
    const membership = deps.useCases ? (await householdContext(deps.useCases, user)).membership : undefined;
    const response: HouseholdResponse = {
      membership: membership ? { ownerLast4: membership.ownerLast4 } : null,
      adults: user.profile.household?.adults ?? null,
      children: user.profile.household?.children ?? null,
      planMembers: plan?.plan.members.map((m) => m.name) ?? [],
      invitations: invitations.map((invitation) => ({
        id: invitation.id,
        name: invitation.name ?? invitation.relationWord,
        relation: invitation.relation,
        status: invitation.status,
        maskedPhone: maskPhone(invitation.inviteePhone),
      })),
    };
    return c.json(response);
  });

  app.get('/api/settings', async (c) => {
    const { user } = await requireCaller(c, deps);
    return c.json(await settingsView(deps, user));
  });

  app.patch('/api/settings', async (c) => {
    const { user } = await requireCaller(c, deps);
    const body = await jsonBody(c, settingsSchema);
    const {
      weeklyDelivery,
      locale,
      timeZone,
      diet,
      allergies,
      budget,
      goal,
      goalWeightKg,
      body: person,
    } = body;
    // Goal, goal weight and body: the chat's own rules and words (settings-profile-change.ts), after its consent.
    const personal = {
      ...(goal ? { goal } : {}),
      ...(person ? { body: person } : {}),
      ...(allergies ? { allergies } : {}),
    };
    const m = messagesFor(locale ?? user.locale);
    const personChange = settingsProfileChange(
      user.profile,
      goalWeightKg === undefined ? personal : { ...personal, goalWeightKg },
      m,
    );
    if (!personChange.ok) throw new HttpError(400, personChange.code, personChange.message);
    if (goal !== undefined || goalWeightKg !== undefined || person !== undefined || allergies !== undefined) {
      const consent = await deps.stores.consent.latest(consentSubject(user), 'health_data');
      if (consent?.granted !== true) throw new HttpError(409, 'no_consent', m.consentReminder());
    }
    const profile = {
      ...personChange.profile,
      ...(timeZone === undefined ? {} : { timeZone }),
      ...(diet === undefined ? {} : { diet }),
      ...(budget === undefined ? {} : { budget: { ...budget, currency: 'USD' as const } }),
    };
    const updated: User = {
      ...user,
      profile,
      locale: locale ?? user.locale,
      updatedAt: deps.clock.now().toISOString(),
    };
    await deps.stores.users.update(updated);
    const messages: string[] = [];
    if (weeklyDelivery) {
      const command = weeklyDelivery.active
        ? { kind: 'on' as const, ...(weeklyDelivery.weekday ? { weekday: weeklyDelivery.weekday } : {}) }
        : { kind: 'off' as const };
      messages.push(
        ...(await changeWeeklyDelivery(
          useCases(),
          updated,
          { kind: 'weekly_delivery', command },
          updated.locale,
        )),
      );
    }
    if (personChange.reply) messages.unshift(personChange.reply);
    return c.json({ message: messages.join('\n'), data: await settingsView(deps, updated) });
  });

  app.post('/api/export', async (c) => {
    const { user } = await requireCaller(c, deps);
    await jsonBody(c, exportSchema);
    const url = await newExportUrl(useCases(), user);
    c.header('cache-control', 'no-store');
    const response: ExportResponse = { url, message: '' };
    return c.json(response);
  });

  // Erasure as in chat: the page warns first, and only DELETE ALL / BORRAR TODO (as the chat reads them) confirms.
  app.post('/api/account/delete', async (c) => {
    const { user } = await requireCaller(c, deps);
    const body = await jsonBody(c, deleteSchema);
    if (classifyPrivacyRequest(body.confirm)?.kind !== 'confirm_erase')
      throw new HttpError(400, 'not_confirmed', 'Nothing was deleted: type DELETE ALL to confirm');
    const committed = await deps.stores.commit([erasureWrite(useCases(), user)]);
    if (!committed.ok) throw new HttpError(409, 'conflict', 'Nothing was deleted: try again');
    await deps.stores.webAuth?.deleteForUser(user.id);
    await forgetUserInCache(deps.cache, user.id);
    clearWebCookies(c);
    deps.logger.info('web_user_erased', { userId: user.id });
    return c.json({ deleted: true });
  });
}

async function settingsView(deps: AppDeps, user: User): Promise<SettingsResponse> {
  const weekly = await deps.stores.weeklyDelivery?.get(user.id);
  const { budget } = user.profile;
  return {
    locale: user.locale,
    timeZone: userTimeZone(user),
    goal: user.profile.goal ?? null,
    goalWeightKg: user.profile.goalWeightKg ?? null,
    body: user.profile.body ?? null,
    // Billing may be off (no Stripe configured): the page then says every feature is free.
    billing: deps.useCases?.billing
      ? { enabled: true, tier: await userTier(deps.useCases, deps.useCases.billing, user) }
      : { enabled: false, tier: null },
    diet: user.profile.diet ?? null,
    allergies: user.profile.allergies ?? [],
    budget: budget ? { amount: budget.amount, period: budget.period } : null,
    weeklyDelivery: weekly ? { active: weekly.active, weekday: weekly.weekday } : null,
  };
}
