import type { Profile } from '../domain/profile.ts';
import type { Question } from './dialogue-state.ts';
import type { MessageCatalog } from './messages/index.ts';
import {
  isTooYoung,
  parseAllergies,
  parseBody,
  parseBudget,
  parseDiet,
  parseGoal,
  parseHousehold,
  parseProfileUpdate,
} from './parse/index.ts';
import { applyProfileUpdate } from './profile-update.ts';

/**
 * Progressive onboarding: questions are paired (allergies + diet, household + budget) so a plain answer to each
 * completes the profile in six messages counting the first "hi": hi, YES, goal, allergies/diet, household/budget,
 * body. A partial answer narrows the next question to what is still missing.
 */
export function nextQuestion(profile: Profile, bodyDone: boolean): Question | undefined {
  if (profile.goal === undefined) return 'goal';
  const needAllergies = profile.allergies === undefined;
  const needDiet = profile.diet === undefined;
  if (needAllergies && needDiet) return 'allergies_diet';
  if (needAllergies) return 'allergies';
  if (needDiet) return 'diet';
  const needHousehold = profile.household === undefined;
  const needBudget = profile.budget === undefined;
  if (needHousehold && needBudget) return 'household_budget';
  if (needHousehold) return 'household';
  if (needBudget) return 'budget';
  return bodyDone ? undefined : 'body';
}

export function questionText(question: Question, m: MessageCatalog): string {
  switch (question) {
    case 'goal':
      return m.askGoal();
    case 'allergies_diet':
      return m.askAllergiesAndDiet();
    case 'allergies':
      return m.askAllergies();
    case 'diet':
      return m.askDiet();
    case 'household_budget':
      return m.askHouseholdAndBudget();
    case 'household':
      return m.askHousehold();
    case 'budget':
      return m.askBudget();
    case 'body':
      return m.askBody();
  }
}

export type AnswerOutcome =
  | { kind: 'answered'; profile: Profile; bodyDone: boolean }
  | { kind: 'not_understood' }
  | { kind: 'body_out_of_range' }
  | { kind: 'too_young' };

const SKIP = /^(skip|later|no|nah|no thanks|pass|omitir|saltar|despues|después)\.?$/i;
const CORRECTION = /^\s*(actually|wait|oops|sorry|correction|change|update|en realidad|perd[oó]n|cambia)\b/i;
const CURRENCY = /\$|dollar|buck|usd|d[oó]lar/i;

/** Reads the answer to `question`; anything else the message says about the profile is taken too. */
export function applyAnswer(question: Question, text: string, profile: Profile): AnswerOutcome {
  const { tooYoung, ...extra } = parseProfileUpdate(text);
  if (tooYoung) return { kind: 'too_young' };
  // "actually I'm vegetarian" while the household question is pending corrects the diet; it is no answer.
  if (CORRECTION.test(text) && Object.keys(extra).length > 0) {
    return { kind: 'answered', profile: applyProfileUpdate(profile, extra), bodyDone: false };
  }
  const found = answerFor(question, text);
  if (found === 'too_young') return { kind: 'too_young' };
  if (found === 'out_of_range') return { kind: 'body_out_of_range' };
  if (found === 'skip')
    return { kind: 'answered', profile: applyProfileUpdate(profile, extra), bodyDone: true };
  if (found === undefined || Object.keys(found).length === 0) {
    // A correction of another field while a question is pending still counts.
    if (Object.keys(extra).length > 0)
      return { kind: 'answered', profile: applyProfileUpdate(profile, extra), bodyDone: false };
    return { kind: 'not_understood' };
  }
  // The direct answer sets its fields (an allergy answer of "none" means none); extras only add.
  return {
    kind: 'answered',
    profile: { ...applyProfileUpdate(profile, extra), ...found, ...mergedBody(profile, found) },
    bodyDone: question === 'body',
  };
}

type Found = Partial<Profile> | 'skip' | 'too_young' | 'out_of_range' | undefined;

function answerFor(question: Question, text: string): Found {
  switch (question) {
    case 'goal': {
      const goal = parseGoal(text, { numbered: true });
      return goal === undefined ? undefined : { goal };
    }
    case 'allergies_diet':
    case 'allergies':
    case 'diet':
      return allergiesAndDiet(text);
    case 'household_budget':
    case 'household':
    case 'budget':
      return householdAndBudget(text, question);
    case 'body':
      return body(text);
  }
}

function allergiesAndDiet(text: string): Partial<Profile> {
  const allergies = parseAllergies(text);
  const diet = parseDiet(text);
  return {
    ...(allergies !== undefined ? { allergies } : {}),
    ...(diet !== undefined ? { diet } : {}),
  };
}

/** "family of 4, $150": a bare number is a budget only when it is not the household's size. */
function householdAndBudget(text: string, question: Question): Partial<Profile> {
  const household = question === 'budget' ? undefined : parseHousehold(text);
  let budget = CURRENCY.test(text) || question === 'budget' ? parseBudget(text) : undefined;
  if (budget === undefined && household !== undefined) {
    const chunks = text.split(/[,;\n]|\band\b|\by\b/i).filter((chunk) => parseHousehold(chunk) === undefined);
    budget = chunks.map((chunk) => parseBudget(chunk)).find((value) => value !== undefined);
  } else if (budget === undefined && question !== 'household') {
    budget = parseBudget(text);
  }
  return {
    ...(household !== undefined ? { household } : {}),
    ...(budget !== undefined ? { budget } : {}),
  };
}

/** Numbers that parse to nothing were outside the plausible ranges ("999 years 3 cm"): say so, don't guess. */
function body(text: string): Found {
  if (SKIP.test(text.trim())) return 'skip';
  const parsed = parseBody(text);
  if (isTooYoung(parsed)) return 'too_young';
  if (parsed === undefined || Object.keys(parsed).length === 0)
    return /\d/.test(text) ? 'out_of_range' : undefined;
  return { body: parsed };
}

function mergedBody(profile: Profile, found: Partial<Profile>): Partial<Profile> {
  return found.body === undefined ? {} : { body: { ...profile.body, ...found.body } };
}
