import type { Sex } from '../../domain/profile.ts';

/**
 * Reference heights and weights by DRI life-stage group, used for household members described only by age and sex.
 * Source: Institute of Medicine, "Dietary Reference Intakes for Energy, Carbohydrate, Fiber, Fat, Fatty Acids,
 * Cholesterol, Protein, and Amino Acids", National Academies Press, 2002/2005, Table 1-1 "Reference Heights and
 * Weights for Children and Adults in the United States" (CDC/NCHS 2000 growth-chart medians; adults at the median
 * BMI of 19–30-year-olds, used by the DRIs for every adult age), doi:10.17226/10490.
 * They are estimates: the reply says so and asks for real heights and weights for exact portions.
 */
interface ReferenceBody {
  heightCm: number;
  weightKg: number;
}

interface Band {
  /** Inclusive upper age of the life-stage group. */
  maxAge: number;
  body: Record<Sex, ReferenceBody>;
}

const both = (heightCm: number, weightKg: number): Record<Sex, ReferenceBody> => ({
  female: { heightCm, weightKg },
  male: { heightCm, weightKg },
});

const BANDS: readonly Band[] = [
  { maxAge: 3, body: both(86, 12) },
  { maxAge: 8, body: both(115, 20) },
  { maxAge: 13, body: { male: { heightCm: 144, weightKg: 36 }, female: { heightCm: 144, weightKg: 37 } } },
  { maxAge: 18, body: { male: { heightCm: 174, weightKg: 61 }, female: { heightCm: 163, weightKg: 54 } } },
  {
    maxAge: Number.POSITIVE_INFINITY,
    body: { male: { heightCm: 177, weightKg: 70 }, female: { heightCm: 163, weightKg: 57 } },
  },
];

/** The IOM 2005 reference height and weight for a person of this age (whole years) and sex. */
export function referenceBody(age: number, sex: Sex): ReferenceBody {
  const band = BANDS.find((candidate) => age <= candidate.maxAge) ?? BANDS[BANDS.length - 1];
  return { ...(band as Band).body[sex] };
}
