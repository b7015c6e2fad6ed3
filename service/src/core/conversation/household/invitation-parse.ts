import type { Relation } from '../../domain/profile.ts';

/** What a household command asks for; the numbers in it are checked here, everything else by the use case. */
export type HouseholdCommand =
  | { kind: 'invite'; phone: string; relation: Relation; relationWord?: string; name?: string }
  | { kind: 'bad_number' }
  | { kind: 'list' }
  | { kind: 'leave' }
  | { kind: 'remove'; who: string };

// Typos seen in texts ("invte", "ad") are accepted; "add" alone needs a phone number after it to be an invitation.
const INVITE_VERB =
  /^\s*(?:please\s+)?(?:add|ad|adn|invite|invte|invit|inivte|invitar|invita|añade|anade|añadir|anadir|agrega|agregar|suma)\b(.*)$/iu;
const LIST =
  /^\s*(?:my\s+|mi\s+|show\s+(?:my\s+)?|who(?:'s| is) in my\s+)?(?:family|household|familia|hogar)\s*[?.!]*\s*$/iu;
const LEAVE =
  /^\s*(?:i\s+want\s+to\s+)?(?:leave|quit|exit)\s+(?:the\s+|my\s+|this\s+)?(?:family|household)\s*[.!]*\s*$|^\s*(?:quiero\s+)?(?:salir(?:me)?|dejar)\s+(?:de\s+)?(?:la\s+|mi\s+|esta\s+)?(?:familia|hogar)\s*[.!]*\s*$/iu;
const REMOVE =
  /^\s*(?:remove|kick\s+out|quita|quitar|elimina|eliminar|saca|sacar)\s+(?:a\s+)?(?:my\s+|mi\s+)?(.+?)\s*(?:from\s+(?:my\s+|the\s+)?(?:family|household)|de\s+(?:mi\s+|la\s+)?familia)?\s*[.!]*\s*$/iu;

const RELATION_WORDS: Record<string, Relation> = {
  wife: 'partner',
  husband: 'partner',
  partner: 'partner',
  spouse: 'partner',
  girlfriend: 'partner',
  boyfriend: 'partner',
  son: 'child',
  daughter: 'child',
  kid: 'child',
  child: 'child',
  mom: 'parent',
  mum: 'parent',
  mother: 'parent',
  dad: 'parent',
  father: 'parent',
  grandma: 'grandparent',
  grandmother: 'grandparent',
  grandpa: 'grandparent',
  grandfather: 'grandparent',
  brother: 'sibling',
  sister: 'sibling',
  friend: 'other',
  roommate: 'other',
  flatmate: 'other',
  esposa: 'partner',
  esposo: 'partner',
  marido: 'partner',
  mujer: 'partner',
  pareja: 'partner',
  novia: 'partner',
  novio: 'partner',
  hijo: 'child',
  hija: 'child',
  niño: 'child',
  niña: 'child',
  madre: 'parent',
  mamá: 'parent',
  mama: 'parent',
  padre: 'parent',
  papá: 'parent',
  papa: 'parent',
  abuela: 'grandparent',
  abuelo: 'grandparent',
  hermano: 'sibling',
  hermana: 'sibling',
  amigo: 'other',
  amiga: 'other',
};
const FILLER = new Set([
  'my',
  'our',
  'the',
  'to',
  'as',
  'a',
  'mi',
  'nuestra',
  'nuestro',
  'la',
  'el',
  'al',
  'de',
  'como',
  'number',
  'número',
  'numero',
  'phone',
  'at',
  'en',
]);
const NAME_WORD = /^\p{Lu}[\p{L}'-]{0,29}$|^\p{Ll}[\p{L}'-]{1,29}$/u;
const NAME_MAX = 30;

/** Reads "add my wife Ana +1 555 123 4567", "family", "leave family", "remove Ana"; `ownerPhone` decides a bare 10-digit number's country. */
export function parseHouseholdCommand(text: string, ownerPhone?: string): HouseholdCommand | undefined {
  if (LIST.test(text)) return { kind: 'list' };
  if (LEAVE.test(text)) return { kind: 'leave' };
  const invite = INVITE_VERB.exec(text);
  if (invite) return parseInvite(invite[1] ?? '', ownerPhone);
  const remove = REMOVE.exec(text);
  if (remove?.[1]) return { kind: 'remove', who: remove[1].slice(0, 200) };
  return undefined;
}

function parseInvite(rest: string, ownerPhone?: string): HouseholdCommand | undefined {
  const plus = /\+[\d\s().-]*/u.exec(rest);
  const bare = plus ? undefined : /\(?\d[\d\s().-]{5,}\d/u.exec(rest);
  const token = plus ?? bare;
  // "add 2 eggs" is no invitation: it takes a "+" or seven digits together.
  if (!token) return undefined;
  const digits = token[0].replace(/\D/g, '');
  if (!plus && digits.length < 7) return undefined;
  const phone = toE164(digits, plus !== undefined && plus !== null, ownerPhone);
  if (!phone) return { kind: 'bad_number' };
  const words = `${rest.slice(0, token.index)} ${rest.slice(token.index + token[0].length)}`
    .split(/[\s,;:]+/u)
    .filter((word) => word.length > 0 && !FILLER.has(word.toLowerCase()));
  let relationWord: string | undefined;
  const others: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase().replace(/[.!?]+$/u, '');
    if (!relationWord && RELATION_WORDS[lower]) relationWord = lower;
    else others.push(word.replace(/[.!?]+$/u, ''));
  }
  // A first name only when every other word is a clean word: markup or SQL means no name at all.
  const name =
    others.length > 0 && others.length <= 2 && others.every((word) => NAME_WORD.test(word))
      ? others.join(' ').slice(0, NAME_MAX)
      : undefined;
  return {
    kind: 'invite',
    phone,
    relation: relationWord ? (RELATION_WORDS[relationWord] ?? 'other') : 'other',
    ...(relationWord ? { relationWord } : {}),
    ...(name ? { name: capitalise(name) } : {}),
  };
}

/**
 * E.164 from the digits typed: with "+", NANP numbers (+1) need 10 more digits and others 7–14; without it, 10
 * digits are a number in the owner's NANP country and 11 starting with 1 are +1.
 */
function toE164(digits: string, hadPlus: boolean, ownerPhone?: string): string | undefined {
  if (hadPlus) {
    if (digits.startsWith('1')) return digits.length === 11 ? `+${digits}` : undefined;
    return /^[2-9]\d{7,14}$/.test(digits) ? `+${digits}` : undefined;
  }
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  if (digits.length === 10 && ownerPhone?.startsWith('+1')) return `+1${digits}`;
  return undefined;
}

function capitalise(name: string): string {
  return name
    .split(' ')
    .map((word) => (word[0] ?? '').toUpperCase() + word.slice(1))
    .join(' ');
}

/** The last four digits: what the owner sees of an invitee's number ("ending in 4567"). */
export function lastFour(phone: string): string {
  return phone.replace(/\D/g, '').slice(-4);
}

/** Accent- and case-insensitive comparison for names and relation words. */
export function sameWords(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  return fold(a) === fold(b);
}
