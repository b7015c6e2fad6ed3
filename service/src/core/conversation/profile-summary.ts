import type { Body, Profile } from '../domain/profile.ts';
import type { MessageCatalog } from './messages/index.ts';

type Field = keyof MessageCatalog['labels'];
export type ProfileField = Field;

/** Fields shown even when unset; the optional ones (goal weight, dislikes, time zone) appear once set. */
const CORE_FIELDS: readonly Field[] = ['goal', 'diet', 'allergies', 'household', 'budget', 'body'];
const PROFILE_KEYS: Record<Field, keyof Profile> = {
  goal: 'goal',
  diet: 'diet',
  allergies: 'allergies',
  household: 'household',
  budget: 'budget',
  body: 'body',
  goalWeight: 'goalWeightKg',
  dislikes: 'dislikes',
  timeZone: 'timeZone',
};

/** "Goal: lose weight. Diet: vegan. …" for the core fields, marking gaps, or for the fields asked for. */
export function describeProfile(profile: Profile, m: MessageCatalog, fields?: readonly Field[]): string {
  const values: Record<Field, string | undefined> = {
    goal: profile.goal && m.goalName(profile.goal),
    diet: profile.diet && m.dietName(profile.diet),
    allergies:
      profile.allergies &&
      (profile.allergies.length === 0 ? m.noAllergies() : profile.allergies.map(m.allergenName).join(', ')),
    household: profile.household && m.household(profile.household),
    budget: profile.budget && m.budget(profile.budget.amount),
    body: profile.body && describeBody(profile.body, m),
    goalWeight:
      profile.goalWeightKg !== undefined ? `${Math.round(profile.goalWeightKg * 10) / 10} kg` : undefined,
    dislikes:
      profile.dislikes && (profile.dislikes.length === 0 ? m.noDislikes() : profile.dislikes.join(', ')),
    timeZone: profile.timeZone,
  };
  const shown = fields ?? CORE_FIELDS;
  return shown.map((field) => `${m.labels[field]}: ${values[field] ?? m.notSet()}.`).join(' ');
}

/**
 * The answer to PROFILE: the core fields, then the optional ones that are set (goal weight, dislikes, time zone) as
 * a second text, so over SMS neither is cut short (a Spanish summary is UCS-2: 201 characters in three segments).
 */
export function profileReplies(profile: Profile, m: MessageCatalog): string[] {
  const optional = (['goalWeight', 'dislikes', 'timeZone'] as const).filter(
    (field) => profile[PROFILE_KEYS[field]] !== undefined,
  );
  const summary = m.profileSummary(describeProfile(profile, m));
  return optional.length > 0 ? [summary, describeProfile(profile, m, optional)] : [summary];
}

function describeBody(body: Body, m: MessageCatalog): string | undefined {
  const parts = [
    body.age !== undefined ? String(body.age) : undefined,
    body.sex && m.sexName(body.sex),
    body.heightCm !== undefined ? `${Math.round(body.heightCm)} cm` : undefined,
    body.weightKg !== undefined ? `${Math.round(body.weightKg * 10) / 10} kg` : undefined,
    body.activity && m.activityName(body.activity),
  ].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The fields that differ between two profiles, for "Updated: diet → vegan." */
export function changedFields(before: Profile, after: Profile): Field[] {
  return (Object.keys(PROFILE_KEYS) as Field[]).filter(
    (field) => JSON.stringify(before[PROFILE_KEYS[field]]) !== JSON.stringify(after[PROFILE_KEYS[field]]),
  );
}
