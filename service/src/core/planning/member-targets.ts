import { computeTargets } from '../nutrition/targets/index.ts';
import type { PlanRequest } from './plan-request.ts';
import type { PlanWhy } from './plan-why.ts';
import type { MemberPlanTargets } from './planning-inputs.ts';

/** AMDR for carbohydrate, 45–65 % of energy at every age (IOM DRI 2002/2005). */
const CARBS_MIN_PCT = 0.45;
const CARBS_MAX_PCT = 0.65;
/** Fibre adequate intake: 14 g per 1,000 kcal (IOM DRI 2002/2005). */
const FIBER_PER_KCAL = 14 / 1000;
const KCAL_PER_G_FAT = 9;
const KCAL_PER_G_PROTEIN = 4;

export type MemberTargetsOutcome = { ok: true; members: MemberPlanTargets[] } | { ok: false; why: PlanWhy };

/**
 * Daily constraints per member from the targets calculator: energy, protein floor, AMDR as shares of the day's
 * energy (the fat range and protein cap differ for children, so they are read back from the computed grams).
 */
export function memberTargets(request: PlanRequest): MemberTargetsOutcome {
  const members: MemberPlanTargets[] = [];
  for (const [index, member] of request.members.entries()) {
    const result = computeTargets(member, { isAccountHolder: index === 0 });
    if (!result.ok) {
      return {
        ok: false,
        why: { kind: 'member_refused', member: member.name, code: result.code, detail: result.reason },
      };
    }
    const t = result.targets;
    members.push({
      name: member.name,
      kcal: t.kcal,
      proteinMinG: t.proteinG,
      proteinMaxPct: (t.proteinMaxG * KCAL_PER_G_PROTEIN) / t.kcal,
      fatMinPct: (t.fatG.min * KCAL_PER_G_FAT) / t.kcal,
      fatMaxPct: (t.fatG.max * KCAL_PER_G_FAT) / t.kcal,
      carbsMinPct: CARBS_MIN_PCT,
      carbsMaxPct: CARBS_MAX_PCT,
      sodiumMaxMg: t.sodiumMaxMg,
      fiberPerKcal: FIBER_PER_KCAL,
      reported: {
        kcal: t.kcal,
        proteinG: t.proteinG,
        // Ranges are reported by their midpoint: the share the plan aims for inside the AMDR.
        fatG: Math.round(((t.fatG.min + t.fatG.max) / 2) * 10) / 10,
        carbsG: Math.round(((t.carbsG.min + t.carbsG.max) / 2) * 10) / 10,
        fiberG: t.fiberG,
        sodiumMg: t.sodiumMaxMg,
      },
    });
  }
  return { ok: true, members };
}
