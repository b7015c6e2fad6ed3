/**
 * Settings: goal, goal weight and body data (the server applies the chat's own rules and answers in its words),
 * and the subscription line (billing may be off on this server).
 */
import type { ActionResponse, SettingsResponse } from '../../service/src/http/api-types.ts';
import { api } from './app-api.ts';
import type { Lang } from './app-i18n.ts';
import { field, h } from './dom.ts';

const en = {
  title: 'About you',
  goal: 'Goal',
  goals: { lose: 'Lose weight', maintain: 'Maintain', gain: 'Gain weight', eat_healthier: 'Eat healthier' },
  goalWeight: 'Goal weight (kg, optional)',
  age: 'Age',
  sex: 'Sex',
  sexes: { female: 'Female', male: 'Male' },
  height: 'Height (cm)',
  weight: 'Weight (kg)',
  activity: 'Activity',
  activities: {
    sedentary: 'Sedentary',
    light: 'Light',
    moderate: 'Moderate',
    active: 'Active',
    very_active: 'Very active',
  },
  save: 'Update goal and body',
  allergies: 'Allergies (the plan never includes these)',
  allergyNames: {
    milk: 'Milk',
    egg: 'Egg',
    fish: 'Fish',
    shellfish: 'Shellfish',
    tree_nut: 'Tree nuts',
    peanut: 'Peanuts',
    wheat: 'Wheat',
    soy: 'Soy',
    sesame: 'Sesame',
    gluten: 'Gluten',
  } as Record<string, string>,
  saveAllergies: 'Update allergies',
  subscription: 'Subscription',
  billingOff: 'Billing is off on this server: every feature is free.',
  billingOn: (tier: string) =>
    `Your plan: ${tier}. Text UPGRADE or BILLING to the coach for a secure payment or management link.`,
};
type Words = typeof en;
const es: Words = {
  title: 'Sobre ti',
  goal: 'Objetivo',
  goals: {
    lose: 'Bajar de peso',
    maintain: 'Mantener',
    gain: 'Subir de peso',
    eat_healthier: 'Comer más sano',
  },
  goalWeight: 'Peso objetivo (kg, opcional)',
  age: 'Edad',
  sex: 'Sexo',
  sexes: { female: 'Mujer', male: 'Hombre' },
  height: 'Altura (cm)',
  weight: 'Peso (kg)',
  activity: 'Actividad',
  activities: {
    sedentary: 'Sedentaria',
    light: 'Ligera',
    moderate: 'Moderada',
    active: 'Activa',
    very_active: 'Muy activa',
  },
  save: 'Actualizar objetivo y cuerpo',
  allergies: 'Alergias (el plan nunca las incluye)',
  allergyNames: {
    milk: 'Leche',
    egg: 'Huevo',
    fish: 'Pescado',
    shellfish: 'Mariscos',
    tree_nut: 'Frutos secos',
    peanut: 'Cacahuetes',
    wheat: 'Trigo',
    soy: 'Soja',
    sesame: 'Sésamo',
    gluten: 'Gluten',
  },
  saveAllergies: 'Actualizar alergias',
  subscription: 'Suscripción',
  billingOff: 'Los pagos están desactivados en este servidor: todo es gratis.',
  billingOn: (tier: string) =>
    `Tu plan: ${tier}. Envía UPGRADE o BILLING al coach para un enlace seguro de pago o gestión.`,
};
const WORDS: Record<Lang, Words> = { en, es };

function select(id: string, options: Record<string, string>, current: string | undefined): HTMLSelectElement {
  return h(
    'select',
    { id },
    h('option', { value: '', selected: current === undefined }, '—'),
    ...Object.entries(options).map(([value, text]) =>
      h('option', { value, selected: current === value }, text),
    ),
  );
}

function numberInput(id: string, value: number | undefined, min: number, max: number): HTMLInputElement {
  return h('input', {
    id,
    type: 'number',
    inputmode: 'decimal',
    min: String(min),
    max: String(max),
    step: 'any',
    value: value === undefined ? '' : String(value),
  });
}

/** The section; `done` re-renders the page after a save, `say` shows the server's answer. */
export function personSection(
  lang: Lang,
  s: SettingsResponse,
  say: (text: string) => void,
  done: () => Promise<void>,
): HTMLElement {
  const w = WORDS[lang];
  const body = s.body ?? {};
  const goal = select('goal', w.goals, s.goal ?? undefined);
  const goalWeight = numberInput('goal-weight', s.goalWeightKg ?? undefined, 25, 350);
  const age = numberInput('age', body.age, 13, 120);
  const sex = select('sex', w.sexes, body.sex);
  const height = numberInput('height', body.heightCm, 100, 250);
  const weight = numberInput('weight', body.weightKg, 25, 350);
  const activity = select('activity', w.activities, body.activity);
  const form = h(
    'form',
    { class: 'settings', id: 'person' },
    field(w.goal, goal),
    field(w.goalWeight, goalWeight),
    field(w.age, age),
    field(w.sex, sex),
    field(w.height, height),
    field(w.weight, weight),
    field(w.activity, activity),
    h('button', { type: 'submit' }, w.save),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const num = (input: HTMLInputElement) => (input.value.trim() === '' ? undefined : Number(input.value));
    // Only what changed, so an untouched field is never rewritten.
    const nextBody = {
      ...(num(age) !== body.age && num(age) !== undefined ? { age: num(age) } : {}),
      ...(sex.value && sex.value !== body.sex ? { sex: sex.value } : {}),
      ...(num(height) !== body.heightCm && num(height) !== undefined ? { heightCm: num(height) } : {}),
      ...(num(weight) !== body.weightKg && num(weight) !== undefined ? { weightKg: num(weight) } : {}),
      ...(activity.value && activity.value !== body.activity ? { activity: activity.value } : {}),
    };
    const target = num(goalWeight) ?? null;
    const change = {
      ...(goal.value && goal.value !== s.goal ? { goal: goal.value } : {}),
      ...(target !== (s.goalWeightKg ?? null) ? { goalWeightKg: target } : {}),
      ...(Object.keys(nextBody).length > 0 ? { body: nextBody } : {}),
    };
    if (Object.keys(change).length === 0) return;
    const saved = await api<ActionResponse<SettingsResponse>>('/api/settings', 'PATCH', change);
    say(saved.ok ? saved.data.message : saved.message);
    if (saved.ok) await done();
  });
  const boxes = Object.entries(w.allergyNames).map(([value, text]) => {
    const box = h('input', {
      type: 'checkbox',
      id: `allergy-${value}`,
      value,
      checked: s.allergies.includes(value),
    });
    return { box, row: h('div', { class: 'field check' }, box, h('label', { for: box.id }, text)) };
  });
  const allergies = h(
    'form',
    { class: 'settings', id: 'allergies' },
    h('fieldset', {}, h('legend', {}, w.allergies), ...boxes.map((b) => b.row)),
    h('button', { type: 'submit' }, w.saveAllergies),
  );
  allergies.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = boxes.filter((b) => b.box.checked).map((b) => b.box.value);
    const saved = await api<ActionResponse<SettingsResponse>>('/api/settings', 'PATCH', {
      allergies: chosen,
    });
    say(saved.ok ? saved.data.message : saved.message);
    if (saved.ok) await done();
  });
  const billing = s.billing.enabled ? w.billingOn(s.billing.tier ?? 'free') : w.billingOff;
  return h(
    'section',
    { 'aria-labelledby': 'person-title' },
    h('h2', { id: 'person-title' }, w.title),
    form,
    allergies,
    h('h2', {}, w.subscription),
    h('p', { id: 'billing' }, billing),
  );
}
