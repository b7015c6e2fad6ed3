import type { Body, Profile } from '../domain/profile.ts';
import type { MessageCatalog } from './messages/index.ts';

type Field = keyof MessageCatalog['labels'];

/** "Goal: lose weight. Diet: vegan. …" for every field the profile has (or all fields, marking gaps). */
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
  };
  const shown = fields ?? (Object.keys(values) as Field[]);
  return shown.map((field) => `${m.labels[field]}: ${values[field] ?? m.notSet()}.`).join(' ');
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
  const fields: Field[] = ['goal', 'diet', 'allergies', 'household', 'budget', 'body'];
  return fields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}
