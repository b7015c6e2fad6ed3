import type { Slot } from '../planning/plan-request.ts';

export type PlanQuery =
  | { kind: 'show_day'; offset: 0 | 1; slot?: Slot }
  | { kind: 'shopping_list' }
  | { kind: 'summary'; range: 'day' | 'week' };

const SLOT_WORDS: Record<string, Slot> = {
  breakfast: 'breakfast',
  lunch: 'lunch',
  dinner: 'dinner',
  supper: 'dinner',
  snack: 'snack',
  desayuno: 'breakfast',
  almuerzo: 'lunch',
  comida: 'lunch',
  cena: 'dinner',
  merienda: 'snack',
};

/** "today", "tomorrow", "what's for dinner", "list" (and Spanish): questions answered from the current plan. */
export function planQuery(text: string): PlanQuery | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[?!.¿¡]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (
    /^(?:(?:my |the )?(?:shopping|grocery) list|list|groceries|lista(?: de (?:compras|super|mercado))?|compras)$/.test(
      t,
    )
  ) {
    return { kind: 'shopping_list' };
  }
  if (
    /^(?:summary|daily summary|how am i doing|how'?s my day|how is my day|my day|resumen|resumen del dia|como voy|como va mi dia)$/.test(
      t,
    )
  ) {
    return { kind: 'summary', range: 'day' };
  }
  if (
    /^(?:week|my week|weekly summary|week summary|how was my week|semana|mi semana|resumen semanal|resumen de la semana)$/.test(
      t,
    )
  ) {
    return { kind: 'summary', range: 'week' };
  }
  if (/^(?:today|today'?s (?:meals|menu)|what'?s (?:for |on )?today|hoy|que como hoy|menu de hoy)$/.test(t)) {
    return { kind: 'show_day', offset: 0 };
  }
  if (
    /^(?:tomorrow|tomorrow'?s (?:meals|menu)|what'?s (?:for |on )?tomorrow|manana|que como manana)$/.test(t)
  ) {
    return { kind: 'show_day', offset: 1 };
  }
  const slot = t.match(
    /^(?:what'?s (?:for )?|what is (?:for )?|que hay de |que hay para (?:el |la )?|que (?:hay de )?)?(breakfast|lunch|dinner|supper|snack|desayuno|almuerzo|comida|cena|merienda)(?: today| hoy)?$/,
  );
  const word = slot?.[1];
  if (word && SLOT_WORDS[word]) return { kind: 'show_day', offset: 0, slot: SLOT_WORDS[word] };
  return undefined;
}
