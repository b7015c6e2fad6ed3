import type { PlanEditMessages } from './plan-edit-catalog.ts';

const WEEKDAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
/** With the article, as a sentence needs them: "cambié la cena del martes". */
const SLOTS = { breakfast: 'el desayuno', lunch: 'el almuerzo', dinner: 'la cena', snack: 'la merienda' };

const weekday = (day: number) => WEEKDAYS[day] ?? '';
const joined = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} y ${items.at(-1)}`;

export const planEditEs: PlanEditMessages = {
  swapWhich: () =>
    "¿Qué comida cambio? Di p. ej. 'cambia la cena', 'cambia el almuerzo del martes' o 'sin pescado esta semana'.",
  dayNotInPlan: () => 'Ese día no está en tu plan actual. Responde PLAN para una semana nueva.',
  swapped: (slot, day, recipe, servings, cost, budget, link) =>
    `Cambié ${SLOTS[slot]} del ${weekday(day)}: ${recipe} (${servings}). Tu semana ahora cuesta ${cost} de tu presupuesto de ${budget}: ${link}`,
  noOtherMeal: (slot, day) =>
    `No hay otra opción para ${SLOTS[slot]} del ${weekday(day)} que cumpla tus metas y tu presupuesto, así que tu plan no cambió.`,
  excluded: (food, changed, cost, budget, link) =>
    `Sin ${food} esta semana: cambié ${changed} comida${changed === 1 ? '' : 's'}. Tu semana ahora cuesta ${cost} de tu presupuesto de ${budget}: ${link}`,
  nothingToExclude: (food, cost, budget) =>
    `Tu plan no tiene ${food}, así que no cambió nada (${cost} de tu presupuesto de ${budget}). Lo dejaré fuera de los cambios de esta semana.`,
  excludeFailed: (food) =>
    `No encontré otras comidas sin ${food} que cumplan tus metas y tu presupuesto, así que tu plan no cambió.`,
  unknownFood: (food) =>
    `No conozco "${food}" como alimento, así que tu plan no cambió. Prueba p. ej. 'sin pescado esta semana'.`,
  offList: (items, left, link) =>
    `Quité de tu lista de compras: ${joined(items)}. Te falta comprar: ${left} (${link}).`,
  notOnList: (items) =>
    `${joined(items)} no ${items.length === 1 ? 'está' : 'están'} en tu lista de compras.`,
  shoppingListLeft: (left, link, aisles, atHome) =>
    `Lista de compras, te falta comprar ${left} (${atHome} que ya tienes fuera de la lista; lista completa: ${link}). ${aisles}`,
};
