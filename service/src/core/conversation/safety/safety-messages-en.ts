import { ADULT_FLOOR_KCAL } from '../../nutrition/targets/energy-policy.ts';
import { formatKcal } from './kcal-format.ts';
import type { SafetyCatalog } from './safety-catalog.ts';
import { ANAD_HELPLINE, CRISIS_LINE, EMERGENCY_NUMBER } from './support-resources.ts';

const womenFloor = formatKcal(ADULT_FLOOR_KCAL.female, 'en');
const menFloor = formatKcal(ADULT_FLOOR_KCAL.male, 'en');

export const safetyMessagesEn: SafetyCatalog = {
  // The crisis line comes first, before anything about food.
  self_harm_crisis: () => [
    `I'm so sorry you're feeling this way. Please call or text ${CRISIS_LINE} now: the Suicide & Crisis Lifeline is free and there any time, day or night. If you're in immediate danger, call ${EMERGENCY_NUMBER}. I'm glad you told me, and you don't have to go through this alone.`,
  ],
  // No numbers, no tips: warm words, people to talk to, and what we switched off.
  eating_disorder: () => [
    "Thank you for telling me. What you're going through sounds really hard, and you deserve care and support. I've switched off weight-loss plans, calorie numbers and tracking reminders for you.",
    `If you'd like to talk to someone: the ANAD helpline ${ANAD_HELPLINE}, or call or text ${CRISIS_LINE} (Suicide & Crisis Lifeline, any time). You can also talk to a doctor. I'm still here for regular, balanced meals whenever you want.`,
  ],
  minor_under_13: (brand) => [
    `Sorry, ${brand.name} is for people 13 and older, so I can't set you up. A parent, guardian or doctor is the best person to talk to about food and growing up healthy.`,
  ],
  minor_teen_deficit: () => [
    "I don't make weight-loss plans for anyone under 18: growing bodies need enough food. A doctor is the right person to talk to about weight, together with a parent or guardian. I can help with balanced, regular meals instead.",
  ],
  pregnancy: () => [
    "During pregnancy or breastfeeding I don't plan a calorie deficit: a doctor or midwife is the right person to set weight and nutrition goals. I can suggest balanced meals that may help you feel well; check with them which foods to avoid.",
  ],
  medical: () => [
    "With a health condition like this I don't plan a calorie deficit. Please follow the doctor's or care team's advice on food and check any plan with them. I can share general healthy-eating ideas that may help alongside their care. This is not medical advice.",
  ],
  extreme_deficit: () => [
    `I can't plan below ${womenFloor} kcal a day for women or ${menFloor} for men: going lower needs a doctor's supervision. Losing about 0.5 kg (1 lb) a week is safer and easier to keep up. I can make you a plan at a safe level if you like.`,
  ],
  allergen_free_request: (brand) => [
    `I can't promise that any meal has no trace of an allergen. ${brand.name} plans leave out the allergens in your profile as ingredients, but products can still carry traces: always check labels for "may contain" and ask the maker if unsure. For a severe allergy, your allergist can advise.`,
  ],
};
