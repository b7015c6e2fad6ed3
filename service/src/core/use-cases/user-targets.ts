import type { User } from '../domain/user.ts';
import { computeTargets, type NutritionTargets } from '../nutrition/targets/index.ts';

/** The account holder's daily targets from their profile, or undefined until their body data is known. */
export function userTargets(user: User): NutritionTargets | undefined {
  const { body, goal } = user.profile;
  if (!body?.age || !body.sex || !body.heightCm || !body.weightKg || !body.activity || !goal)
    return undefined;
  const result = computeTargets(
    {
      name: 'you',
      sex: body.sex,
      age: body.age,
      heightCm: body.heightCm,
      weightKg: body.weightKg,
      activity: body.activity,
      goal: goal === 'eat_healthier' ? 'maintain' : goal,
    },
    { isAccountHolder: true },
  );
  return result.ok ? result.targets : undefined;
}
