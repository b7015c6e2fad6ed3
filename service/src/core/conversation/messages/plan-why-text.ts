import type { Locale } from '../../domain/user.ts';
import { money } from '../../planning/money.ts';
import type { PlanWhy } from '../../planning/plan-why.ts';
import { en } from './en.ts';
import { es } from './es.ts';

type Filters = Extract<PlanWhy, { filters: unknown }>['filters'];
type Family = Extract<PlanWhy, { kind: 'nutrient_family' }>['family'];
type Code = Extract<PlanWhy, { kind: 'member_refused' }>['code'];

function joinWords(words: readonly string[], and: string): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`;
}

/** "a vegan diet without peanuts and soy, avoiding mushroom" — the hard filters in plain words. */
function filtersEn(filters: Filters): string {
  const diet = filters.diet === 'omnivore' ? 'your diet' : `a ${filters.diet} diet`;
  const allergies = filters.allergies.map((allergy) => en.allergenName(allergy));
  const without = allergies.length > 0 ? ` without ${joinWords(allergies, 'and')}` : '';
  const dislikes = filters.dislikes.length > 0 ? `, avoiding ${joinWords(filters.dislikes, 'and')}` : '';
  return `${diet}${without}${dislikes}`;
}

function filtersEs(filters: Filters): string {
  const diet = filters.diet === 'omnivore' ? 'tu dieta' : `una dieta ${es.dietName(filters.diet)}`;
  const allergies = filters.allergies.map((allergy) => es.allergenName(allergy));
  const without = allergies.length > 0 ? ` sin ${joinWords(allergies, 'ni')}` : '';
  const dislikes = filters.dislikes.length > 0 ? `, evitando ${joinWords(filters.dislikes, 'y')}` : '';
  return `${diet}${without}${dislikes}`;
}

const FAMILY_EN: Record<Family, string> = {
  protein: "reach everyone's protein target",
  fat_carbs: 'keep fat and carbohydrate within healthy ranges',
  sodium: 'stay under the daily sodium limit',
  fiber: 'reach 14 g of fibre per 1,000 kcal',
  meal_shares: "spread everyone's energy sensibly across meals",
};

const FAMILY_ES: Record<Family, string> = {
  protein: 'alcanzar la proteína de cada persona',
  fat_carbs: 'mantener grasas y carbohidratos en rangos saludables',
  sodium: 'quedar bajo el límite diario de sodio',
  fiber: 'llegar a 14 g de fibra por cada 1,000 kcal',
  meal_shares: 'repartir bien la energía de cada persona entre las comidas',
};

const REFUSAL_ES: Record<Exclude<Code, 'invalid_input'>, string> = {
  under_13:
    'los menores de 13 años no pueden tener su propia cuenta. Una madre, padre o tutor puede añadirlos a su hogar.',
  under_3:
    'calculamos metas desde los 3 años. Las necesidades de un niño pequeño cambian rápido; consulta a su pediatra.',
  goal_bmi_too_low:
    'ese peso objetivo dejaría tu IMC por debajo del mínimo saludable de 18.5. No podemos planear hacia él; un médico o dietista puede ayudarte a fijar una meta segura.',
};

const SLOT_EN = { breakfast: 'breakfast', lunch: 'lunch', dinner: 'dinner', snack: 'snack' } as const;

/** The English sentence (also kept as the plan's `reason` for the CLI and logs). */
export function planWhyEnglish(why: PlanWhy): string {
  switch (why.kind) {
    case 'within_budget':
      return `Plan costs ${money(why.cost)} of your ${money(why.budget)} budget.`;
    case 'over_budget':
      return `The cheapest plan that meets everyone's needs costs ${money(why.cost)}; your budget is ${money(why.budget)}.`;
    case 'budget_bound':
      return `A plan that meets everyone's needs costs at least ${money(why.minCost)} for ${why.days} days; your budget is ${money(why.budget)}.`;
    case 'member_refused':
      return `${why.member}: ${why.detail}`;
    case 'no_recipe_for_slot':
      return `No ${SLOT_EN[why.slot]} recipe fits ${filtersEn(why.filters)}.`;
    case 'prep_time':
      return `Too few recipes that fit ${filtersEn(why.filters)} take ${why.minutes} minutes or less, so weekdays can't meet everyone's needs; allow more prep time.`;
    case 'nutrient_family':
      return `The recipes that fit ${filtersEn(why.filters)} can't ${FAMILY_EN[why.family]} while meeting everyone's energy needs.`;
    case 'no_combination':
      return `No combination of the recipes that fit ${filtersEn(why.filters)} meets everyone's energy and nutrient targets together.`;
    case 'day_unsolved':
      return `I couldn't fit a day's meals to everyone's targets (day ${why.day}).`;
    case 'day_missing':
      return `Day ${why.day} is not in this plan.`;
    case 'no_swap':
      return `No other ${SLOT_EN[why.slot]} that fits ${filtersEn(why.filters)} keeps day ${why.day} within everyone's targets.`;
  }
}

function planWhySpanish(why: PlanWhy): string {
  switch (why.kind) {
    case 'within_budget':
      return `El plan cuesta ${money(why.cost)} de tu presupuesto de ${money(why.budget)}.`;
    case 'over_budget':
      return `El plan más barato que cubre las necesidades de todos cuesta ${money(why.cost)}; tu presupuesto es ${money(why.budget)}.`;
    case 'budget_bound':
      return `Un plan que cubra las necesidades de todos cuesta al menos ${money(why.minCost)} por ${why.days} días; tu presupuesto es ${money(why.budget)}.`;
    case 'member_refused':
      return why.code === 'invalid_input'
        ? `${why.member}: faltan datos o alguno está fuera de rango.`
        : `${why.member}: ${REFUSAL_ES[why.code]}`;
    case 'no_recipe_for_slot':
      return `Ninguna receta de ${es.slotName(why.slot).toLowerCase()} encaja con ${filtersEs(why.filters)}.`;
    case 'prep_time':
      return `Muy pocas recetas que encajan con ${filtersEs(why.filters)} se preparan en ${why.minutes} minutos o menos, así que entre semana no se cubren las necesidades de todos; permite más tiempo de preparación.`;
    case 'nutrient_family':
      return `Las recetas que encajan con ${filtersEs(why.filters)} no permiten ${FAMILY_ES[why.family]} y a la vez cubrir la energía de todos.`;
    case 'no_combination':
      return `Ninguna combinación de las recetas que encajan con ${filtersEs(why.filters)} cubre juntas las metas de energía y nutrientes de todos.`;
    case 'day_unsolved':
      return `No pude ajustar las comidas de un día a las metas de todos (día ${why.day}).`;
    case 'day_missing':
      return `El día ${why.day} no está en este plan.`;
    case 'no_swap':
      return `Ninguna otra opción de ${es.slotName(why.slot).toLowerCase()} que encaje con ${filtersEs(why.filters)} mantiene el día ${why.day} dentro de las metas de todos.`;
  }
}

/** Why a plan came out as it did, in the user's language. */
export function planWhyText(why: PlanWhy, locale: Locale): string {
  return locale === 'es' ? planWhySpanish(why) : planWhyEnglish(why);
}

/** A plan's reason in the user's language; plans stored before `why` existed keep their English sentence. */
export function planReasonText(plan: { reason: string; why?: PlanWhy | undefined }, locale: Locale): string {
  return plan.why ? planWhyText(plan.why, locale) : plan.reason;
}
