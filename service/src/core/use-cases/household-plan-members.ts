import type { HouseholdInvitation } from '../domain/household-invitation.ts';
import type { Diet, Profile } from '../domain/profile.ts';
import type { StoredPlan } from '../domain/stored-plan.ts';
import { referenceBody } from '../nutrition/targets/reference-body.ts';
import type { PlanRequest } from '../planning/plan-request.ts';
import type { Clock } from '../ports/clock.port.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Stores } from '../ports/stores.ts';

type PlanMember = PlanRequest['members'][number];

/** A member who joined by phone, as their own profile describes them; only what the shared plan needs. */
export interface JoinedMember {
  member: PlanMember;
  allergies: NonNullable<Profile['allergies']>;
  diet?: Diet;
}

const ADULT_AGE = 18;

/** The plan name of a member who joined: the name the owner gave, else their relation word ("Wife"). */
export function joinedMemberName(invitation: Pick<HouseholdInvitation, 'name' | 'relationWord'>): string {
  const word = invitation.name ?? invitation.relationWord;
  return (word[0] ?? '').toUpperCase() + word.slice(1);
}

/**
 * Everyone who joined the owner's household from their own phone, from their own profiles at this moment. A member
 * without their age and sex yet is left out (nothing is guessed for them). Adults plan toward their own goal; under
 * 18 always at maintenance (no deficit plans for minors).
 */
export async function joinedMembers(
  deps: { stores: Stores; clock: Clock },
  ownerId: string,
): Promise<JoinedMember[]> {
  const links = await deps.stores.households.activeForOwner(ownerId, deps.clock.now());
  const joined: JoinedMember[] = [];
  for (const link of links) {
    if (link.status !== 'joined') continue;
    const user = await deps.stores.users.findById(link.inviteeUserId);
    const body = user?.profile.body;
    if (!user || !body?.age || !body.sex) continue;
    const reference = referenceBody(body.age, body.sex);
    const estimated = body.heightCm === undefined || body.weightKg === undefined;
    const goal = user.profile.goal;
    const ownGoal = goal === 'lose' || goal === 'gain' ? goal : 'maintain';
    joined.push({
      member: {
        name: joinedMemberName(link),
        sex: body.sex,
        age: body.age,
        heightCm: body.heightCm ?? reference.heightCm,
        weightKg: body.weightKg ?? reference.weightKg,
        activity: body.activity ?? (body.age < ADULT_AGE ? 'moderate' : 'light'),
        goal: body.age < ADULT_AGE ? 'maintain' : ownGoal,
        ...(estimated ? { estimated: true } : {}),
        invitationId: link.id,
      },
      allergies: user.profile.allergies ?? [],
      ...(user.profile.diet ? { diet: user.profile.diet } : {}),
    });
  }
  return joined;
}

const DIET_STRICTNESS: readonly Diet[] = ['omnivore', 'pescatarian', 'vegetarian', 'vegan'];

/**
 * The owner's request with the joined members in it. Shared meals must suit everyone: each member's allergies
 * become hard constraints of the whole plan and the strictest diet wins. Names stay unique ("Ana 2"). A member's
 * dislikes stay theirs: the owner's plan edits would name them back.
 */
export function withJoinedMembers(request: PlanRequest, joined: readonly JoinedMember[]): PlanRequest {
  if (joined.length === 0) return request;
  const used = new Set(request.members.map((member) => member.name.toLowerCase()));
  const members = [...request.members];
  for (const { member } of joined) {
    if (members.length >= 12) break;
    let name = member.name;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${member.name} ${n}`;
    used.add(name.toLowerCase());
    members.push({ ...member, name });
  }
  const diets = [request.diet, ...joined.flatMap((j) => (j.diet ? [j.diet] : []))];
  const diet = diets.reduce((a, b) => (DIET_STRICTNESS.indexOf(b) > DIET_STRICTNESS.indexOf(a) ? b : a));
  return {
    ...request,
    members,
    diet,
    allergies: [...new Set([...request.allergies, ...joined.flatMap((j) => j.allergies)])],
  };
}

/**
 * A member left or was removed: the owner's plans with them in stop working at once (their links answer 404 and
 * "today" no longer reads them), so nothing of the member reaches the owner afterwards.
 */
export async function endPlansWithMember(
  deps: { stores: Stores; clock: Clock; logger: Logger },
  ownerId: string,
  invitationId: string,
): Promise<void> {
  const now = deps.clock.now();
  const plans: StoredPlan[] = await deps.stores.plans.listForUser(ownerId, now);
  const ended = new Date(now.getTime() - 1).toISOString();
  let count = 0;
  for (const plan of plans) {
    if (!plan.request.members.some((member) => member.invitationId === invitationId)) continue;
    await deps.stores.plans.update({ ...plan, expiresAt: ended });
    count++;
  }
  if (count > 0) deps.logger.info('household_plans_ended', { userId: ownerId, plans: count });
}
