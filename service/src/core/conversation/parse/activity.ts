import type { ActivityLevel } from '../../domain/profile.ts';

export interface ActivityMatch {
  activity: ActivityLevel;
  /** The text with the matched phrase blanked out, so its numbers ("3 times a week") are not read as an age. */
  rest: string;
}

/**
 * Exercise sessions per week → level, following the usual Mifflin-St Jeor activity descriptions:
 * none → sedentary, 1–2 → light, 3–5 → moderate, 6–7 → active, more (twice a day) → very active.
 */
export function levelForSessionsPerWeek(sessions: number): ActivityLevel {
  if (sessions <= 0) return 'sedentary';
  if (sessions <= 2) return 'light';
  if (sessions <= 5) return 'moderate';
  if (sessions <= 7) return 'active';
  return 'very_active';
}

const TIMES: Record<string, number> = { once: 1, twice: 2, thrice: 3 };
const PER_WEEK =
  /\b(\d+|once|twice|thrice)\s*(?:x|times|veces|days|dias)?\s*(?:a|per|por|each|every|a la|al|\/)\s*(?:week|wk|semana)\b/;
const PER_DAY = /\b(?:twice|2\s*(?:x|times|veces)) (?:a|per|por|al) (?:day|dia)\b/;
const DAILY_EXERCISE =
  /\b(?:exercis\w*|work ?out|workouts?|train\w*|gym|run|walk|swim|bike|lift|ejercicio|entreno|corro|gimnasio)\b.*\b(?:every ?day|daily|todos los dias|a diario|diario)\b/;

/** Ordered: the first rule that matches wins ("not very active" before "very active" before "active"). */
const RULES: readonly (readonly [RegExp, ActivityLevel])[] = [
  [/\bpoco activ[oa]\b|\ba (?:little|bit) active\b|\bsomewhat active\b/, 'light'],
  [/\bnot (?:very |that |really |too )?active\b|\binactive\b|\bnada activ[oa]\b/, 'sedentary'],
  [/\b(?:no|never|don'?t|do not) (?:exercise|work ?out|train)\b|\bno hago ejercicio\b/, 'sedentary'],
  [
    /\b(?:very|extremely|super|really|highly) active\b|\bmuy activ[oa]\b|\bathlete\b|\batleta\b/,
    'very_active',
  ],
  [
    /\bphysical (?:job|work)\b|\bmanual (?:labou?r|work)\b|\bconstruction\b|\btrabajo fisico\b/,
    'very_active',
  ],
  [/\bsedentar\w*|\bdesk job\b|\boffice job\b|\bsit all day\b|\btrabajo de oficina\b/, 'sedentary'],
  [/\blight(?:ly)?(?: active)?\b|\bligeramente activ[oa]\b|\bliger[oa]\b/, 'light'],
  [
    /\bmoderate(?:ly)?(?: active)?\b|\bmoderad[oa]\b|\bmoderadamente(?: activ[oa])?\b|\bfairly active\b/,
    'moderate',
  ],
  [/\bactive\b|\bactiv[oa]\b/, 'active'],
];

/** The first activity level named in normalised text, or undefined. */
export function extractActivity(text: string): ActivityMatch | undefined {
  if (PER_DAY.test(text)) return { activity: 'very_active', rest: text.replace(PER_DAY, ' ') };
  const perWeek = PER_WEEK.exec(text);
  if (perWeek) {
    const raw = perWeek[1] ?? '';
    const sessions = TIMES[raw] ?? Number(raw);
    return { activity: levelForSessionsPerWeek(sessions), rest: text.replace(PER_WEEK, ' ') };
  }
  if (DAILY_EXERCISE.test(text)) return { activity: 'active', rest: text };
  for (const [pattern, activity] of RULES) {
    if (pattern.test(text)) return { activity, rest: text.replace(pattern, ' ') };
  }
  return undefined;
}
