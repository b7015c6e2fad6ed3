/** Plain-English (GSM-7 friendly: straight apostrophes) notes and refusal reasons, kept together so wording is reviewed (and later translated) in one place. */

function kcalText(kcal: number): string {
  return `${kcal.toLocaleString('en-US')} kcal`;
}

export const NOTE = {
  growingNoDeficit:
    'Children and teens need energy to grow, so we plan for their estimated needs, not weight loss. ' +
    'A pediatrician can advise if weight is a concern.',
  growingNoSurplus:
    'Children and teens get their estimated needs for growth, without an extra surplus. ' +
    'A pediatrician can advise if weight gain is needed.',
  underweightNoDeficit:
    'Your current weight is already at the low end for your height, so we plan to keep it steady rather than lose.',
  pregnancy:
    'Pregnancy changes energy and nutrient needs, so these are maintenance targets with no deficit or surplus. ' +
    'Please ask your doctor or midwife to confirm them; extra energy is usually needed later in pregnancy.',
  medicalCondition:
    'Because of the health condition you mentioned, we do not plan a calorie deficit or surplus. ' +
    'Please check these targets with your doctor or a registered dietitian.',
  deficitLimitedByFloor: (floorKcal: number) =>
    `We don't plan below ${kcalText(floorKcal)} a day without medical supervision, ` +
    'so your deficit is smaller than 500 kcal.',
  raisedToFloor: (floorKcal: number) =>
    `Your estimated needs are close to or under ${kcalText(floorKcal)} a day; we plan at ${kcalText(floorKcal)}, ` +
    'the least we plan without medical supervision.',
} as const;

export const REASON = {
  invalidInput: (problems: string) => `Some details are missing or out of range: ${problems}.`,
  under13:
    "Members under 13 can't hold their own account. A parent or guardian can add them to their household.",
  under3: "We set targets from age 3. A young child's needs change quickly, so please ask a pediatrician.",
  goalBmiTooLow: (goalWeightKg: number, goalBmi: number) =>
    `A goal weight of ${goalWeightKg} kg would put your BMI at ${goalBmi.toFixed(1)} for your height, below the ` +
    "healthy minimum of 18.5. We can't plan toward it; a doctor or registered dietitian can help set a safe goal.",
} as const;
