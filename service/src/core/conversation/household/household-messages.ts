import type { Member } from '../../domain/profile.ts';
import type { Locale } from '../../domain/user.ts';

/** What the coach says about a household's members and a plan that comes later; EN and ES, SMS-sized. */
export interface HouseholdMessages {
  /** Asks for everyone else's age and sex in one message; `others` = people besides the account holder. */
  askMembers(others: number): string;
  reask(problem: 'age' | 'sex' | 'out_of_range' | 'none'): string;
  householdChanged(household: string): string;
  working(): string;
  estimated(names: string): string;
  leftOutUnder3(names: string): string;
  membersUpdated(household: string): string;
  /** A member's name in the plan: "Partner (38)", "Niña (5)". */
  memberName(member: Pick<Member, 'relation' | 'age' | 'sex'>): string;
  list(names: string[]): string;
}

const EN_WORDS = {
  partner: ['Partner', 'Partner'],
  parent: ['Mother', 'Father'],
  grandparent: ['Grandmother', 'Grandfather'],
  sibling: ['Sister', 'Brother'],
  other: ['Adult', 'Adult'],
} as const;
const ES_WORDS = {
  partner: ['Pareja', 'Pareja'],
  parent: ['Madre', 'Padre'],
  grandparent: ['Abuela', 'Abuelo'],
  sibling: ['Hermana', 'Hermano'],
  other: ['Adulta', 'Adulto'],
} as const;

const ADULT_AGE = 18;

function joinNames(names: string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}

const en: HouseholdMessages = {
  askMembers: (others) =>
    `To plan for everyone I need the age and sex of the ${others} other ${others === 1 ? 'person' : 'people'}, e.g. 'partner 36 male, kids 8 and 5 (boy and girl)'. Height, weight and activity are optional.`,
  reask: (problem) =>
    problem === 'sex'
      ? "I still need each person's sex (male or female). Please send everyone again, e.g. 'partner 36 male, kids 8 and 5 (boy and girl)'."
      : problem === 'out_of_range'
        ? "Those numbers look off to me. Please send each person's age and sex again, e.g. 'partner 36 male, kids 8 and 5 (boy and girl)'."
        : "Sorry, I need the age and sex of each person, e.g. 'partner 36 male, kids 8 and 5 (boy and girl)'.",
  householdChanged: (household) => `I've updated your household: ${household}.`,
  working: () => 'Working on it: your plan will arrive in a minute or two.',
  estimated: (names) =>
    `Heights and weights for ${names} are estimated from reference values: tell me heights and weights for exact portions.`,
  leftOutUnder3: (names) =>
    `I plan meals from age 3, so ${names} ${names.includes(' and ') ? 'are' : 'is'} not in this plan; a pediatrician can advise on a young child's food.`,
  membersUpdated: (household) => `Updated: ${household}. Reply PLAN for a new plan.`,
  memberName: ({ relation, age, sex }) => {
    const word =
      relation === 'child'
        ? age < ADULT_AGE
          ? sex === 'female'
            ? 'Girl'
            : 'Boy'
          : sex === 'female'
            ? 'Daughter'
            : 'Son'
        : EN_WORDS[relation][sex === 'female' ? 0 : 1];
    return `${word} (${age})`;
  },
  list: (names) => joinNames(names, 'and'),
};

const es: HouseholdMessages = {
  askMembers: (others) =>
    `Para planear para todos necesito la edad y el sexo de cada persona además de ti (${others} más), p. ej. 'mi pareja 35 mujer, un niño de 8 y una niña de 5'. Estatura y peso: opcionales.`,
  reask: (problem) =>
    problem === 'sex'
      ? "Me falta el sexo de cada persona. Envíalos todos de nuevo, p. ej. 'mi pareja 35 mujer, un niño de 8 y una niña de 5'."
      : problem === 'out_of_range'
        ? "Esos números no me cuadran. Envía de nuevo la edad y el sexo de cada persona, p. ej. 'mi pareja 35 mujer, niño de 8'."
        : "Perdona, necesito la edad y el sexo de cada persona, p. ej. 'mi pareja 35 mujer, un niño de 8 y una niña de 5'.",
  householdChanged: (household) => `Actualicé tu hogar: ${household}.`,
  working: () => 'Estoy en ello: tu plan llegará en un minuto o dos.',
  estimated: (names) =>
    `La estatura y el peso de ${names} son estimados: dime estatura y peso para porciones exactas.`,
  leftOutUnder3: (names) =>
    `Planeo comidas desde los 3 años, así que ${names} no entra en este plan; un pediatra puede orientarte.`,
  membersUpdated: (household) => `Actualizado: ${household}. Responde PLAN para un plan nuevo.`,
  memberName: ({ relation, age, sex }) => {
    const word =
      relation === 'child'
        ? age < ADULT_AGE
          ? sex === 'female'
            ? 'Niña'
            : 'Niño'
          : sex === 'female'
            ? 'Hija'
            : 'Hijo'
        : ES_WORDS[relation][sex === 'female' ? 0 : 1];
    return `${word} (${age})`;
  },
  list: (names) => joinNames(names, 'y'),
};

const catalogs: Record<Locale, HouseholdMessages> = { en, es };

export function householdMessagesFor(locale: Locale): HouseholdMessages {
  return catalogs[locale];
}
