/**
 * Ages a message states, split by whose they are: the sender's own ("I'm 11", "age 17", "tengo once años", "in 5th
 * grade") or a dependant's ("my daughter is 11", "my 14 year old son"). A dependant's age is household data for the
 * planner, never a reason to refuse the sender.
 */
export interface StatedAges {
  own: number[];
  dependants: number[];
}

/** After "I'm N": units that make N a weight, height, duration or count rather than an age. */
const NOT_AN_AGE =
  /^(?:[\d'"’:/%]|[.,]\d|\s*(?:kg|kgs|kilo\w*|lbs?|pounds?|st|stones?|weeks?|wks?|months?|days?|hours?|hrs?|minutes?|mins?|percent|ft|feet|foot|cm|in|inch\w*|k|km|miles?|mi|cal\w*|kcal|servings?|cups?|times?|am|pm|o'?clock|th|nd|rd|x|sizes?|semanas?|meses|dias|horas)\b)/;
const OWN_LEAD = /\b(?:i'?m|i am|im)\s+(?:only\s+|just\s+|an?\s+)?(\d{1,2})(?!\d)/g;
const OWN_LABELLED =
  /\b(?:age|aged|my age is|edad|tengo|i turned|turned|cumpli)\s*:?\s*(\d{1,2}|once)(?!\d)(?:\s+anos)?/g;
/** A message that opens with an age: "17 years old here", "34 f 168cm" (onboarding answers). */
const OWN_OPENING =
  /^(?:(?:hi|hey|hello|hola)[,!\s]+)?(\d{1,2})\s*(?:years? old|yrs? old|yo|y\/o|f|m|male|female|anos)\b/g;
const OWN_SPANISH = /\bsoy (?:una? )?(?:nin[oa]|chic[oa]|adolescente) de (\d{1,2}) anos\b/g;
const GRADE = /\b(?:in|en)\s+(\d{1,2})(?:st|nd|rd|th)\s+grade\b/;
const PRIMARY_SCHOOL = /\b(?:elementary school|primary school|primaria|(?:quinto|sexto|cuarto) grado)\b/;

const DEPENDANT_AGES = [
  /\b(?:my|our|his|her|mi|mis|su|nuestr[oa]s?)\s+(\d{1,2})[- ]?(?:years?|yrs?|yr)?[- ]?(?:old|yo|y\/o)\b/g,
  /\b(?:my|our)\s+(?:son|daughter|kid|child|boy|girl|teen|teenager|stepson|stepdaughter|niece|nephew|grandson|granddaughter)s?\s+(?:is|who is|turned|is only|just turned)\s+(\d{1,2})\b/g,
  /\b(?:mi|nuestr[oa])\s+(?:hij[oa]|nin[oa]|sobrin[oa]|niet[oa])\s+(?:tiene|de|cumplio)\s+(\d{1,2})\s+anos\b/g,
];

function toAge(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'once') return 11; // Spanish 11, left out of the shared normaliser because of English "once"
  const age = Number(raw);
  return Number.isFinite(age) ? age : undefined;
}

export function statedAges(text: string): StatedAges {
  const own: number[] = [];
  for (const match of text.matchAll(OWN_LEAD)) {
    if (NOT_AN_AGE.test(text.slice(match.index + match[0].length))) continue;
    const age = toAge(match[1]);
    if (age !== undefined) own.push(age);
  }
  for (const pattern of [OWN_LABELLED, OWN_SPANISH, OWN_OPENING]) {
    for (const match of text.matchAll(pattern)) {
      const rest = text.slice(match.index + match[0].length);
      // "tengo 2 hijos", "tengo 11 semanas": an age only when the years are named or nothing countable follows.
      if (match[0].startsWith('tengo') && !/anos/.test(match[0]) && /^\s*(?!y\b|e\b)[a-z]/.test(rest))
        continue;
      const age = toAge(match[1]);
      if (age !== undefined) own.push(age);
    }
  }
  const grade = GRADE.exec(text);
  // US grades: 6th grade is 11–12, 7th is 12–13; from 7th on a student is treated as a teen.
  if (grade) own.push(Number(grade[1]) <= 6 ? 12 : Math.min(17, Number(grade[1]) + 6));
  if (PRIMARY_SCHOOL.test(text)) own.push(11);
  const dependants: number[] = [];
  for (const pattern of DEPENDANT_AGES)
    for (const match of text.matchAll(pattern)) {
      const age = toAge(match[1]);
      if (age !== undefined) dependants.push(age);
    }
  return { own, dependants };
}
