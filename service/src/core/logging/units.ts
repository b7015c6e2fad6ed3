/**
 * The measure words of a food log (English and Spanish, accent-free): mass, volume, household units and sizes.
 * Canonical household unit names are the keys of a food's `units` map in foods.json ("cup", "tbsp", "slice" ...).
 */

export type MassUnit = 'g' | 'kg' | 'oz' | 'lb';
export type VolumeUnit = 'ml' | 'l' | 'floz' | 'cup' | 'tbsp' | 'tsp';
export type Size = 'small' | 'medium' | 'large' | 'extra-large' | 'jumbo';
/** Any canonical unit: a mass, a volume, or a household unit named as in foods.json. */
export type Unit = MassUnit | VolumeUnit | string;

/** Grams in one mass unit. */
export const GRAMS_PER: Record<MassUnit, number> = { g: 1, kg: 1000, oz: 28.349523, lb: 453.59237 };

/** Millilitres in one volume unit (US customary). */
export const ML_PER: Record<VolumeUnit, number> = {
  ml: 1,
  l: 1000,
  floz: 29.5735,
  cup: 236.588,
  tbsp: 14.7868,
  tsp: 4.92892,
};

export function isMassUnit(unit: Unit): unit is MassUnit {
  return unit in GRAMS_PER;
}

export function isVolumeUnit(unit: Unit): unit is VolumeUnit {
  return unit in ML_PER;
}

/** Units that name a whole thing ("2 slices"), tried in this order when a count has no unit ("2 eggs"). */
export const COUNT_UNITS: readonly string[] = [
  'piece',
  'medium',
  'fillet',
  'link',
  'patty',
  'slice',
  'container',
  'packet',
  'stalk',
  'spear',
  'square',
  'cube',
  'scoop',
  'pat',
  'large',
  'small',
  'leaf',
  'clove',
];

/** Every spelling of each canonical unit, space-separated (plurals and Spanish included). */
const UNIT_WORDS: Record<Unit, string> = {
  g: 'g gr grs gm gms gram grams gramme grammes gramo gramos',
  kg: 'kg kgs kilo kilos kilogram kilograms kilogramo kilogramos',
  oz: 'oz ozs ounce ounces onza onzas',
  lb: 'lb lbs pound pounds libra libras',
  ml: 'ml mls cc milliliter milliliters millilitre millilitres mililitro mililitros',
  l: 'l liter liters litre litres litro litros',
  cup: 'cup cups taza tazas',
  // "a splash" of milk is about a tablespoon; a "spoon" in a log is a tablespoon.
  tbsp: 'tbsp tbsps tbs tbl tablespoon tablespoons spoon spoons spoonful spoonfuls splash cucharada cucharadas',
  tsp: 'tsp tsps teaspoon teaspoons cucharadita cucharaditas',
  slice: 'slice slices rebanada rebanadas rodaja rodajas loncha lonchas',
  piece: 'piece pieces pc pcs pieza piezas trozo trozos pedazo pedazos',
  can: 'can cans tin tins lata latas',
  handful: 'handful handfuls punado punados',
  glass: 'glass glasses vaso vasos',
  mug: 'mug mugs',
  scoop: 'scoop scoops bola bolas',
  clove: 'clove cloves diente dientes',
  stalk: 'stalk stalks',
  fillet: 'fillet fillets filet filets filete filetes',
  link: 'link links',
  patty: 'patty patties',
  packet: 'packet packets sachet sachets sobre sobres',
  package: 'package packages pack packs bag bags paquete paquetes',
  container: 'container containers tub tubs',
  stick: 'stick sticks',
  pat: 'pat pats',
  square: 'square squares',
  wedge: 'wedge wedges',
  head: 'head heads',
  leaf: 'leaf leaves hoja hojas',
  bunch: 'bunch bunches',
  block: 'block blocks',
  box: 'box boxes',
  spear: 'spear spears',
  cube: 'cube cubes',
  sleeve: 'sleeve sleeves',
  pinch: 'pinch pinches pizca pizcas',
  dash: 'dash dashes',
  // A bowl or plate is not a measure: read it as one serving of the food.
  serving: 'serving servings portion portions porcion porciones bowl bowls plate plates plato platos',
};

const ALIASES: ReadonlyMap<string, Unit> = new Map(
  Object.entries(UNIT_WORDS).flatMap(([unit, words]) => words.split(' ').map((w) => [w, unit] as const)),
);

/** Abbreviations that are words too ("g", "l", "can", "pack"): read as units only right after a number. */
const NEEDS_NUMBER = new Set(['g', 'l', 'gm', 'pc', 'can', 'tin', 'pack', 'cc']);

const SIZES: Record<string, Size> = {
  small: 'small',
  little: 'small',
  chico: 'small',
  chica: 'small',
  pequeno: 'small',
  pequena: 'small',
  medium: 'medium',
  regular: 'medium',
  mediano: 'medium',
  mediana: 'medium',
  large: 'large',
  big: 'large',
  grande: 'large',
  xl: 'extra-large',
  'extra-large': 'extra-large',
  jumbo: 'jumbo',
};

/** Reads a unit at tokens[i] ("fl oz" and "fluid ounces" take two tokens). */
export function readUnit(
  tokens: readonly string[],
  i: number,
  afterNumber: boolean,
): { unit: Unit; next: number } | undefined {
  const word = tokens[i];
  if (word === undefined) return undefined;
  const second = tokens[i + 1];
  if ((word === 'fl' || word === 'fluid') && second !== undefined && ALIASES.get(second) === 'oz') {
    return { unit: 'floz', next: i + 2 };
  }
  const unit = ALIASES.get(word);
  if (unit === undefined || (!afterNumber && NEEDS_NUMBER.has(word))) return undefined;
  return { unit, next: i + 1 };
}

/** Reads a size word at tokens[i] ("extra large" takes two tokens). */
export function readSize(tokens: readonly string[], i: number): { size: Size; next: number } | undefined {
  const word = tokens[i];
  if (word === undefined) return undefined;
  if (word === 'extra' && tokens[i + 1] === 'large') return { size: 'extra-large', next: i + 2 };
  const size = SIZES[word];
  return size === undefined ? undefined : { size, next: i + 1 };
}

export function isUnitWord(word: string): boolean {
  return ALIASES.has(word);
}

export function isSizeWord(word: string): boolean {
  return word in SIZES || word === 'extra';
}
