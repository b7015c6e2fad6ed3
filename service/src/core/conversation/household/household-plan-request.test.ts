import { describe, expect, it } from 'vitest';
import type { Profile } from '../../domain/profile.ts';
import { computeTargets } from '../../nutrition/targets/index.ts';
import { planRequestFromProfile } from '../plan-intent.ts';
import { householdMessagesFor } from './household-messages.ts';

const h = householdMessagesFor('en');
const base: Profile = {
  goal: 'lose',
  allergies: [],
  diet: 'omnivore',
  budget: { amount: 180, currency: 'USD', period: 'week' },
  body: { age: 36, sex: 'female', heightCm: 165, weightKg: 70, activity: 'moderate' },
};

describe('planRequestFromProfile for a household', () => {
  it('asks for the members before anything else when a household of more than one has none described', () => {
    expect(planRequestFromProfile({ ...base, household: { adults: 2, children: 2 } }, 'You', h)).toEqual({
      ok: false,
      missing: 'members',
    });
  });

  it('plans only the account holder toward their goal; others at maintenance with IOM reference bodies', () => {
    const readiness = planRequestFromProfile(
      {
        ...base,
        household: {
          adults: 2,
          children: 3,
          members: [
            { relation: 'partner', age: 38, sex: 'male', heightCm: 183, weightKg: 95 },
            { relation: 'child', age: 15, sex: 'female' },
            { relation: 'child', age: 6, sex: 'male' },
            { relation: 'child', age: 1, sex: 'female' },
          ],
        },
      },
      'You',
      h,
    );
    if (!readiness.ok) throw new Error(readiness.missing);
    expect(readiness.request.members).toEqual([
      expect.objectContaining({ name: 'You', goal: 'lose' }),
      {
        name: 'Partner (38)',
        sex: 'male',
        age: 38,
        heightCm: 183,
        weightKg: 95,
        activity: 'light',
        goal: 'maintain',
      },
      {
        name: 'Girl (15)',
        sex: 'female',
        age: 15,
        heightCm: 163,
        weightKg: 54,
        activity: 'moderate',
        goal: 'maintain',
        estimated: true,
      },
      {
        name: 'Boy (6)',
        sex: 'male',
        age: 6,
        heightCm: 115,
        weightKg: 20,
        activity: 'moderate',
        goal: 'maintain',
        estimated: true,
      },
    ]);
    expect(readiness.estimated).toEqual(['Girl (15)', 'Boy (6)']);
    expect(readiness.leftOut).toEqual(['Girl (1)']);
    for (const member of readiness.request.members.slice(1)) {
      const result = computeTargets(member);
      if (!result.ok) throw new Error(result.reason);
      expect(result.basis.appliedGoal, member.name).toBe('maintain');
      expect(result.basis.adjustmentKcal, member.name).toBe(0);
    }
  });

  it('gives twins of the same age and sex distinct names', () => {
    const readiness = planRequestFromProfile(
      {
        ...base,
        household: {
          adults: 1,
          children: 2,
          members: [
            { relation: 'child', age: 7, sex: 'male' },
            { relation: 'child', age: 7, sex: 'male' },
          ],
        },
      },
      'You',
      h,
    );
    if (!readiness.ok) throw new Error(readiness.missing);
    expect(readiness.request.members.map((m) => m.name)).toEqual(['You', 'Boy (7)', 'Boy (7) 2']);
  });
});
