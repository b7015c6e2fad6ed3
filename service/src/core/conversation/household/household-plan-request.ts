import type { ActivityLevel, Member } from '../../domain/profile.ts';
import { MIN_SUPPORTED_AGE } from '../../nutrition/targets/life-stage.ts';
import type { MemberInput } from '../../nutrition/targets/member-input.schema.ts';
import { referenceBody } from '../../nutrition/targets/reference-body.ts';
import type { HouseholdMessages } from './household-messages.ts';

/** Planned members besides the account holder, with the names of those estimated or left out. */
export interface OtherMembers {
  members: (MemberInput & { goal: 'maintain' })[];
  estimated: string[];
  leftOut: string[];
}

const ADULT_AGE = 18;
/**
 * Activity when not told: adults "light" (activity factor 1.375); children "moderate", which the EER code maps to
 * the IOM "low active" category, the usual level for school-age children (IOM 2005, ch. 5).
 */
function defaultActivity(age: number): ActivityLevel {
  return age < ADULT_AGE ? 'moderate' : 'light';
}

/**
 * Everyone but the account holder as plan members. Only the account holder may plan a deficit or surplus: the
 * others are planned at maintenance (children never get a deficit). Missing heights or weights come from the IOM
 * reference values for the age and sex and are marked estimated; children under 3 are left out (targets start at 3).
 * Names are unique: a second "Boy (8)" becomes "Boy (8) 2".
 */
export function otherMembers(
  described: readonly Member[],
  text: HouseholdMessages,
  taken: string[],
): OtherMembers {
  const result: OtherMembers = { members: [], estimated: [], leftOut: [] };
  const used = new Set(taken.map((name) => name.toLowerCase()));
  for (const member of described) {
    const base = text.memberName(member);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    used.add(name.toLowerCase());
    if (member.age < MIN_SUPPORTED_AGE) {
      result.leftOut.push(name);
      continue;
    }
    const reference = referenceBody(member.age, member.sex);
    const estimated = member.heightCm === undefined || member.weightKg === undefined;
    if (estimated) result.estimated.push(name);
    result.members.push({
      name,
      sex: member.sex,
      age: member.age,
      heightCm: member.heightCm ?? reference.heightCm,
      weightKg: member.weightKg ?? reference.weightKg,
      activity: member.activity ?? defaultActivity(member.age),
      goal: 'maintain',
      ...(estimated ? { estimated: true } : {}),
    });
  }
  return result;
}

/** Adults and children as the described members count them (the account holder is one of the adults). */
export function countsOf(described: readonly Member[]): { adults: number; children: number } {
  const children = described.filter((member) => member.age < ADULT_AGE).length;
  return { adults: 1 + described.length - children, children };
}
