import type { Hono } from 'hono';
import { z } from 'zod';
import { inviteRefusal } from '../core/conversation/household/invitation-intent.ts';
import { invitationMessagesFor } from '../core/conversation/household/invitation-messages.ts';
import { messagesFor } from '../core/conversation/messages/index.ts';
import { RELATIONS } from '../core/domain/profile.ts';
import type { User } from '../core/domain/user.ts';
import { consentSubject } from '../core/privacy/consent-subject.ts';
import {
  householdContext,
  inviteMember,
  runHouseholdEffect,
} from '../core/use-cases/household-invitations.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';
import { jsonBody, requireCaller } from './web-session.ts';

const inviteSchema = z
  .object({
    phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number'),
    relation: z.enum(RELATIONS),
    // Letters, spaces, apostrophes and hyphens: the name is echoed in texts to both people.
    name: z
      .string()
      .trim()
      .min(1)
      .max(30)
      .regex(/^[\p{L}][\p{L} '-]*$/u)
      .optional(),
  })
  .strict();
const removeSchema = z.object({ invitationId: z.string().min(1).max(100) }).strict();
const leaveSchema = z.object({}).strict();

/**
 * The Household page's actions: the chat's checks (`inviteRefusal`), then the chat's use case
 * (`runHouseholdEffect`), whose reply is the answer. Only the caller's own household can be touched.
 */
export function registerWebHouseholdRoutes(app: Hono, deps: AppDeps): void {
  const useCases = () => {
    if (!deps.useCases) throw new HttpError(404, 'not_found', 'Not available here');
    return deps.useCases;
  };
  // As in the chat, household commands are for a user who agreed to the coach keeping their answers.
  const consented = async (user: User) => {
    const consent = await deps.stores.consent.latest(consentSubject(user), 'health_data');
    if (consent?.granted !== true)
      throw new HttpError(409, 'no_consent', messagesFor(user.locale).consentReminder());
  };

  app.post('/api/household/invite', async (c) => {
    const { user } = await requireCaller(c, deps);
    const { phone, relation, name } = await jsonBody(c, inviteSchema);
    await consented(user);
    const h = invitationMessagesFor(user.locale);
    const refusal = inviteRefusal(phone, await householdContext(useCases(), user), h);
    if (refusal) throw new HttpError(409, 'cannot_invite', refusal);
    const invited = await inviteMember(
      useCases(),
      user,
      { kind: 'household_invite', phone, relation, ...(name ? { name } : {}) },
      user.locale,
    );
    // The SMS-pumping guard refused the number: a 4xx with the reason, as the phone-link code does.
    if (invited.refusal)
      throw new HttpError(
        invited.refusal === 'country_not_allowed' ? 422 : 429,
        invited.refusal,
        invited.message,
      );
    return c.json({ message: invited.message });
  });

  app.post('/api/household/remove', async (c) => {
    const { user } = await requireCaller(c, deps);
    const { invitationId } = await jsonBody(c, removeSchema);
    const found = await deps.stores.households?.findById(invitationId);
    // Someone else's id, or one already ended, names nothing of the caller's.
    if (!found || found.ownerId !== user.id || found.status === 'ended')
      throw new HttpError(404, 'not_found', 'No such invitation');
    const h = invitationMessagesFor(user.locale);
    const replies = await runHouseholdEffect(
      useCases(),
      user,
      {
        kind: 'household_remove',
        invitationId,
        label: h.label(found.name, found.relationWord),
        joined: found.status === 'joined',
      },
      user.locale,
    );
    return c.json({ message: replies.join('\n') });
  });

  app.post('/api/household/leave', async (c) => {
    const { user } = await requireCaller(c, deps);
    await jsonBody(c, leaveSchema);
    const { membership } = await householdContext(useCases(), user);
    if (!membership)
      throw new HttpError(409, 'not_a_member', invitationMessagesFor(user.locale).notAMember());
    const replies = await runHouseholdEffect(
      useCases(),
      user,
      { kind: 'household_leave', invitationId: membership.id },
      user.locale,
    );
    return c.json({ message: replies.join('\n') });
  });
}
