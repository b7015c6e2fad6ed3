/**
 * Question text → comparable terms, for English and Spanish alike: accents and case folded, filler words dropped,
 * plurals and common endings trimmed ("stemming-lite"), and spelling variants and translations of the same idea
 * merged through synonym groups, so "fibre", "fiber" and "fibra" are one term.
 */

/** Words that say nothing about the topic (question words, pronouns, articles, auxiliaries), EN and ES. */
const STOPWORDS = new Set(
  `a an the and or but if of to in on at by for with from as into about than then so too very
  i im me my we our you your he she it its they them their this that these those there here
  is are was were be been being am do does did doing have has had can could should would will shall may might must
  what whats which who whom whose when where why how much many more most some any all every each other
  not no yes ok okay please won t s don doesn isn aren can t thanks thank hi hello hey just really also still ever eat eating ate get
  tell know want need needs needed take like good day daily per a day
  el la los las un una unos unas lo al del de y o u que cual cuales quien como cuando donde cuanto cuanta
  cuantos cuantas por para con sin en es son ser esta estan estoy soy hay tiene tienen tengo puedo puede
  pueden debo debe deben deberia me mi mis tu tus te se su sus nos le les yo mas muy ya si no pero
  comer como necesito necesita necesitan tomar hace falta dia al dia bien buena bueno algo`.split(/\s+/),
);

/** Spelling variants and translations of one idea: every word maps to the first. */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['fiber', 'fibre', 'fibra', 'fibras', 'fibers'],
  ['carb', 'carbs', 'carbohydrate', 'carbohydrates', 'carbohidrato', 'carbohidratos', 'hidratos'],
  ['protein', 'proteina', 'proteinas'],
  ['sugar', 'azucar', 'azucares', 'sugary', 'azucarado', 'azucaradas'],
  ['salt', 'sal', 'salty', 'salado'],
  ['sodium', 'sodio'],
  ['water', 'agua'],
  ['fat', 'grasa', 'fats', 'fatty', 'fattening', 'engorda', 'engordan', 'engordar'],
  ['coffee', 'cafe', 'cafes'],
  ['caffeine', 'cafeina'],
  ['egg', 'huevo'],
  ['fruit', 'fruta', 'fruits'],
  ['vegetable', 'verdura', 'veggies', 'veg', 'hortaliza', 'vegetales'],
  ['fridge', 'refrigerator', 'nevera', 'refrigerador', 'heladera', 'refrigerate'],
  ['pregnant', 'pregnancy', 'embarazada', 'embarazo'],
  ['diabetes', 'diabetic', 'diabetics', 'diabetico', 'diabetica', 'diabeticos'],
  ['kidney', 'renal', 'rinon', 'rinones'],
  ['cholesterol', 'colesterol'],
  ['juice', 'zumo', 'jugo'],
  ['milk', 'leche'],
  ['dairy', 'lacteo', 'lacteos'],
  ['vitamin', 'vitamina', 'vitamins'],
  ['iron', 'hierro'],
  ['calcium', 'calcio'],
  ['allergen', 'alergeno'],
  ['allergy', 'alergia', 'allergic', 'alergico'],
  ['label', 'etiqueta', 'labels', 'labeling'],
  [
    'cheap',
    'budget',
    'affordable',
    'inexpensive',
    'barato',
    'barata',
    'economico',
    'economica',
    'dinero',
    'money',
  ],
  ['healthy', 'healthier', 'sano', 'sana', 'saludable', 'saludables', 'nutritious'],
  ['bad', 'malo', 'mala', 'unhealthy', 'harmful', 'danino', 'dangerous', 'peligroso'],
  ['breakfast', 'desayuno', 'desayunar'],
  ['snack', 'tentempie', 'merienda', 'snacks'],
  ['leftover', 'sobras', 'restos'],
  ['frozen', 'congelado', 'congeladas', 'congelados'],
  ['canned', 'lata', 'enlatado', 'tinned', 'conserva'],
  ['weight', 'peso'],
  ['lose', 'perder', 'bajar', 'adelgazar'],
  ['fish', 'pescado'],
  ['meat', 'carne'],
  ['chicken', 'pollo'],
  ['bean', 'frijol', 'legume', 'legumbre', 'alubia', 'judia'],
  ['supplement', 'suplemento', 'pills', 'pastilla', 'pastillas'],
  ['pressure', 'presion', 'tension'],
  ['salmon', 'salmon'],
  ['oat', 'oats', 'oatmeal', 'avena', 'porridge'],
  ['thaw', 'defrost', 'descongelar'],
  ['raw', 'crudo', 'cruda'],
  ['wash', 'lavar', 'rinse'],
  ['nut', 'nuts', 'frutos secos', 'nueces'],
  ['sweetener', 'edulcorante', 'sweeteners'],
  ['honey', 'miel'],
  ['alcohol', 'alcoholic'],
  ['breastfeeding', 'lactancia', 'amamantar', 'nursing'],
  ['multivitamin', 'multivitaminico'],
  ['cold', 'colds', 'resfriado', 'gripe'],
  ['night', 'noche', 'late', 'tarde'],
  ['detox', 'cleanse', 'desintoxicar'],
  ['children', 'kids', 'child', 'ninos', 'nino', 'hijos', 'toddler'],
  ['baby', 'babies', 'bebe', 'infant'],
  ['gluten', 'gluten'],
  ['skip', 'skipping', 'saltarse', 'saltar'],
  ['serving', 'portion', 'racion', 'porcion', 'servings'],
];

/** "vitamin d", "omega 3", "b 12" → one term each, so "vitamin c" and "vitamin d" stay apart. */
const COMPOUNDS: readonly [RegExp, (match: string, part: string) => string][] = [
  [/\bvitamin(?:a|e)? (b ?12|b ?9|b ?6|d ?3|[a-z])\b/g, (_, part) => `vitamin_${part.replace(' ', '')}`],
  [/\bomega ?(3|6)\b/g, (_, part) => `omega${part}`],
  [/\bb ?(12)\b/g, () => 'b12'],
  [/\bfrutos (secos)\b/g, () => 'nut'],
  // "How much / how many" asks for an amount: the entries that give one say so in their question.
  [/\b(?:how (much|many)|cuant[oa]s?)\b/g, () => 'howmuch'],
  [/\b(?:too (much|many)|demasiad[oa]s?|exceso)\b/g, () => 'toomuch'],
];

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Plural and common endings off; final vowel off so Spanish gender and number agree ("proteínas" = "proteína"). */
export function stem(word: string): string {
  if (/\d/.test(word) || word.includes('_')) return word;
  let w = word;
  if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && /[aeo]$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('y')) w = `${w.slice(0, -1)}i`;
  return w;
}

const SYNONYMS = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const canonical = stem(group[0] ?? '');
  for (const word of group) SYNONYMS.set(stem(foldText(word).replace(/ /g, '_')), canonical);
}
const STOP_STEMS = new Set([...STOPWORDS].map((word) => stem(word)));

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word) || STOP_STEMS.has(stem(word));
}

export const STOPWORD_LIST: readonly string[] = [...STOPWORDS];

/** Raw words of a text, folded and with compounds joined, before stopwords and stemming. */
export function rawWords(text: string): string[] {
  let folded = foldText(text);
  for (const [pattern, replacement] of COMPOUNDS) folded = folded.replace(pattern, replacement);
  return folded.split(' ').filter((word) => word !== '');
}

/** The canonical term of one word (no stopword check). */
export function termOf(word: string): string {
  const stemmed = stem(word.replace(/ /g, '_'));
  return SYNONYMS.get(stemmed) ?? stemmed;
}

/** The comparable terms of a text: stopwords dropped, stemmed, synonyms merged; order kept, repeats kept. */
export function questionTerms(text: string): string[] {
  return rawWords(text)
    .filter((word) => !isStopword(word))
    .map(termOf);
}
