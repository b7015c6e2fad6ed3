import { abuseEs } from './abuse-es.ts';
import { billingEs } from './billing-es.ts';
import type { MessageCatalog } from './catalog.ts';
import { dormancyEs } from './dormancy-es.ts';
import { formatAmount } from './en.ts';
import { planEditEs } from './plan-edit-es.ts';
import { privacyEs } from './privacy-es.ts';
import { questionEs } from './question-es.ts';
import { weeklyEs } from './weekly-es.ts';

const GOALS = {
  lose: 'bajar de peso',
  maintain: 'mantener el peso',
  gain: 'subir de peso',
  eat_healthier: 'comer más sano',
};
const DIETS = {
  omnivore: 'come de todo',
  pescatarian: 'pescetariana',
  vegetarian: 'vegetariana',
  vegan: 'vegana',
};
const ALLERGENS = {
  milk: 'leche',
  egg: 'huevo',
  fish: 'pescado',
  shellfish: 'mariscos',
  tree_nut: 'frutos secos',
  peanut: 'maní',
  wheat: 'trigo',
  soy: 'soya',
  sesame: 'ajonjolí',
  gluten: 'gluten',
};

const ACTIVITY = {
  sedentary: 'sedentaria',
  light: 'ligera',
  moderate: 'moderada',
  active: 'activa',
  very_active: 'muy activa',
};

const AISLES: Record<string, string> = {
  produce: 'frutas y verduras',
  bakery: 'panadería',
  dairy: 'lácteos',
  meat_seafood: 'carnes y pescados',
  pantry: 'despensa',
  canned: 'enlatados',
  frozen: 'congelados',
  spices_condiments: 'especias y condimentos',
  beverages: 'bebidas',
};

export const es: MessageCatalog = {
  help: (b) =>
    `${b.name}: planes de comida y consejos por mensaje. Ayuda: ${b.contact}. Pueden aplicarse tarifas de mensajes y datos. Responde STOP para cancelar. No es consejo médico.`,
  optOutConfirmation: (b) =>
    `${b.name}: Cancelaste tu suscripción y no recibirás más mensajes. Responde START para volver.`,
  optInConfirmation: (b) =>
    `${b.name}: Te suscribiste de nuevo. Responde AYUDA para ayuda, STOP para cancelar. Pueden aplicarse tarifas de mensajes y datos.`,
  welcome: (b, privacyUrl) => [
    `¡Hola! Soy ${b.name}, tu coach de nutrición por mensaje: planes semanales para tu hogar según tu presupuesto, lista de compras y registro de comidas. No es consejo médico.`,
    `Para ayudarte guardo tus respuestas sobre comida, salud y hogar (${privacyUrl}). Responde SÍ para aceptar o STOP para salir.`,
  ],
  consentReminder: () =>
    'Antes de empezar necesito tu permiso para guardar tus respuestas. Responde SÍ para aceptar o NO para rechazar. AYUDA para ayuda.',
  consentDeclined: () => 'Entendido, no guardé nada sobre ti. Escribe SÍ cuando quieras empezar.',
  consentGiven: () => '¡Gracias! Unas preguntas rápidas para planear por ti.',
  askGoal: () => '¿Cuál es tu meta? 1) bajar de peso 2) mantener 3) subir de peso 4) comer más sano',
  askAllergiesAndDiet: () =>
    "¿Tienes alergias y cómo comes? p. ej. 'sin alergias, como de todo' o 'vegetariano, alergia al maní'",
  askAllergies: () => "¿Alguna alergia? p. ej. 'maní y mariscos', 'intolerante a la lactosa' o 'ninguna'",
  askDiet: () => '¿Cómo comes: de todo, pescetariano, vegetariano o vegano?',
  askHouseholdAndBudget: () =>
    "¿Para quién cocinas y cuál es tu presupuesto semanal? p. ej. 'solo yo, $60 a la semana' o 'familia de 4, $150'",
  askHousehold: () => "¿Para quién cocinas? p. ej. 'solo yo', 'mi esposa y yo' o 'familia de 4'",
  askBudget: () => "¿Cuál es tu presupuesto semanal de comida? p. ej. '$80 a la semana'",
  askBody: () =>
    "Última, opcional: edad, sexo, estatura, peso y actividad hacen tus metas exactas. p. ej. '34 mujer 165cm 68kg moderada'. O responde OMITIR.",
  notUnderstood: (question) => `Perdón, no entendí. ${question}`,
  tooYoung: (b) =>
    `Lo siento, ${b.name} es para mayores de 13 años, así que no puedo registrarte. Borré los datos que enviaste. Habla con tu familia o un médico sobre tus metas.`,
  bodyOutOfRange: () =>
    "Esos números no parecen correctos. Envía edad, sexo, estatura y peso otra vez, p. ej. '34 mujer 165cm 68kg', o responde OMITIR.",
  onboardingComplete: (summary) => [
    `¡Listo! ${summary}`,
    "Para cambiar algo dímelo, p. ej. 'en realidad soy vegetariano'. Responde PERFIL para verlo, AYUDA para ayuda.",
  ],
  profileSummary: (summary) => `Tu perfil: ${summary} Para cambiarlo dímelo, p. ej. 'presupuesto $90'.`,
  updated: (changes) => `Entendido. ${changes}`,
  photoNotRead: () =>
    "Todavía no puedo leer fotos. Dime lo que comiste con palabras, p. ej. '2 huevos y una tostada'.",
  menu: () =>
    "Puedo ayudarte con: PLAN para una semana de comidas y la lista de compras; PERFIL para ver tus datos; cambios como 'soy vegano' o 'presupuesto $70'; AYUDA; STOP para salir.",
  goalName: (goal) => GOALS[goal],
  dietName: (diet) => DIETS[diet],
  allergenName: (allergen) => ALLERGENS[allergen],
  noAllergies: () => 'sin alergias',
  sexName: (sex) => (sex === 'female' ? 'mujer' : 'hombre'),
  activityName: (activity) => ACTIVITY[activity],
  household: (h) =>
    h.adults === 1 && h.children === 0
      ? 'solo tú'
      : `${h.adults} adulto${h.adults === 1 ? '' : 's'}${h.children > 0 ? ` y ${h.children} niño${h.children === 1 ? '' : 's'}` : ''}`,
  budget: (amount) => `$${formatAmount(amount)}/semana`,
  labels: {
    goal: 'Meta',
    diet: 'Dieta',
    allergies: 'Alergias',
    household: 'Hogar',
    budget: 'Presupuesto',
    body: 'Sobre ti',
    goalWeight: 'Peso objetivo',
    dislikes: 'No te gusta',
    timeZone: 'Zona horaria',
  },
  notSet: () => 'sin definir',
  languageSwitched: () => 'De acuerdo, te escribiré en español.',
  goalWeightTooLow: () =>
    'No puedo poner ese peso objetivo: está por debajo de un peso saludable para tu estatura, así que no planearé para llegar a él. Con gusto te ayudo a comer bien y sentirte con energía. Si la comida o el peso te preocupan, un médico puede ayudarte.',
  goalWeightConflict: (goal) =>
    goal === 'lose'
      ? "Ese peso objetivo está por encima de tu peso actual, pero tu meta es bajar de peso. Si quieres subir, dime 'quiero subir de peso' y luego envía el peso objetivo otra vez."
      : "Ese peso objetivo está por debajo de tu peso actual, pero tu meta es subir de peso. Si quieres bajar, dime 'quiero bajar de peso' y luego envía el peso objetivo otra vez.",
  goalWeightNeedsHeight: () =>
    "Para saber si un peso objetivo es saludable para ti necesito primero tu estatura, p. ej. 'mido 165 cm'.",
  goalWeightNeedsUnit: () => "¿En kg o en libras? p. ej. 'peso objetivo 68 kg' o 'peso objetivo 150 libras'.",
  goalWeightOutOfRange: () => 'Ese peso objetivo no parece correcto. Envíalo otra vez en kg o libras.',
  noDislikes: () => 'nada',
  dislikesUnknown: (names) =>
    `No encontré ${names} en mi lista de alimentos, así que no hay nada que quitar. Prueba con el nombre de un alimento, p. ej. 'champiñones'.`,
  dislikesTooMany: (max) =>
    `Puedes tener hasta ${max} alimentos que no te gustan. Quita uno primero, p. ej. 'ya me gustan los champiñones'.`,
  dislikesNotListed: (names) => `${names} no estaba en tu lista de lo que no te gusta.`,
  timeZoneUnknown: () =>
    "No conozco esa zona horaria. Dime una ciudad, p. ej. 'vivo en Madrid', o un nombre como 'America/Mexico_City'.",
  languageUnsupported: () => 'Puedo escribir en inglés o en español: responde ENGLISH o ESPAÑOL.',
  planNeedsBody: () =>
    "Para planear tus comidas necesito tu edad, sexo, estatura, peso y actividad, p. ej. '34 mujer 165cm 68kg moderada'.",
  planNeedsHousehold: () =>
    "Los planes para varias personas necesitan los datos de cada persona, y aún no puedo pedirlos. Responde 'solo yo' y planeo para ti.",
  planNeedsProfile: () => 'Primero completemos tu perfil. Responde PERFIL para ver qué falta.',
  planReady: (cost, budget, today, link) =>
    `Tu semana: ${cost} de tu presupuesto de ${budget}. Plan y lista de compras: ${link}\nHoy: ${today}.`,
  planFailed: (reason) => `No pude hacer un plan: ${reason}`,
  you: () => 'Tú',
  noPlan: () => 'Aún no hay plan: responde PLAN para una semana de comidas.',
  logged: (items, today) => `Registré: ${items}. ${today}`,
  dayTotals: (kcal, targetKcal, protein, targetProtein) =>
    `Hoy llevas: ${kcal}${targetKcal ? ` de ${targetKcal}` : ''} kcal, proteína ${protein}${targetProtein ? ` de ${targetProtein}` : ''} g.`,
  foodUnsure: (phrase, options) =>
    `¿Te refieres a ${options}? ("${phrase}") Responde con el número o el nombre.`,
  nothingLogged: (range) =>
    `Aún no registraste nada ${range === 'day' ? 'hoy' : 'en los últimos 7 días'}. Dime qué comiste, p. ej. 'comí 2 huevos y una tostada'.`,
  summary: (label, parts) => `${label}: ${parts}.`,
  summaryWeekLabel: (days) => `Últimos 7 días (${days} con registro), promedio por día`,
  nutrientPart: (key, value, target) => {
    const unit = {
      kcal: 'kcal',
      proteinG: 'g de proteína',
      fatG: 'g de grasa',
      carbsG: 'g de carbohidratos',
      fiberG: 'g de fibra',
      sodiumMg: 'mg de sodio',
    }[key];
    return `${value}${target !== undefined ? ` de ${target}` : ''} ${unit}`;
  },
  foodUnknown: () =>
    "No encontré ese alimento. Escribe su nombre y cantidad, p. ej. '2 huevos' o '150 g de arroz'.",
  foodTooMany: (limit) =>
    `Son más de ${limit} alimentos en un mensaje, así que no registré nada. Envíalos en partes más pequeñas.`,
  allergenWarning: (foods, allergens) =>
    `Cuidado: ${foods} contiene ${allergens}, y me dijiste que eres alérgico.`,
  planEnded: () => 'Tu plan terminó: responde PLAN para una semana nueva.',
  dayLabel: (offset) => (offset === 0 ? 'Hoy' : 'Mañana'),
  slotName: (slot) => ({ breakfast: 'Desayuno', lunch: 'Almuerzo', dinner: 'Cena', snack: 'Merienda' })[slot],
  servings: (count) => `${count} porci${count === 1 ? 'ón' : 'ones'}`,
  aisleName: (aisle) => AISLES[aisle] ?? aisle,
  shoppingList: (total, link, aisles) =>
    `Lista de compras, total ${total} (lista completa: ${link}). ${aisles}`,
  planEdit: planEditEs,
  privacy: privacyEs,
  weekly: weeklyEs,
  questions: questionEs,
  billing: billingEs,
  abuse: abuseEs,
  dormancy: dormancyEs,
};
