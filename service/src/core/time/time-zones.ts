import { isKnownTimeZone } from './local-date.ts';

/**
 * Names people use for a time zone — cities, US zone names and abbreviations, in English and Spanish — mapped to
 * IANA zones. Keys are lower case without accents. Abbreviations are here on purpose: Intl reads "EST" as a fixed
 * UTC-5 with no daylight saving, which is not what someone in New York means.
 */
const ALIASES: Readonly<Record<string, string>> = {
  // United States zones
  eastern: 'America/New_York',
  est: 'America/New_York',
  edt: 'America/New_York',
  et: 'America/New_York',
  'hora del este': 'America/New_York',
  central: 'America/Chicago',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  ct: 'America/Chicago',
  'hora central': 'America/Chicago',
  mountain: 'America/Denver',
  mst: 'America/Denver',
  mdt: 'America/Denver',
  mt: 'America/Denver',
  'hora de la montana': 'America/Denver',
  pacific: 'America/Los_Angeles',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  pt: 'America/Los_Angeles',
  'hora del pacifico': 'America/Los_Angeles',
  alaska: 'America/Anchorage',
  akst: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
  hst: 'Pacific/Honolulu',
  arizona: 'America/Phoenix',
  // United States cities and states people name
  'new york': 'America/New_York',
  'new york city': 'America/New_York',
  nyc: 'America/New_York',
  'nueva york': 'America/New_York',
  boston: 'America/New_York',
  philadelphia: 'America/New_York',
  'washington dc': 'America/New_York',
  dc: 'America/New_York',
  miami: 'America/New_York',
  florida: 'America/New_York',
  atlanta: 'America/New_York',
  detroit: 'America/New_York',
  'new jersey': 'America/New_York',
  chicago: 'America/Chicago',
  houston: 'America/Chicago',
  dallas: 'America/Chicago',
  austin: 'America/Chicago',
  'san antonio': 'America/Chicago',
  texas: 'America/Chicago',
  minneapolis: 'America/Chicago',
  'st louis': 'America/Chicago',
  'new orleans': 'America/Chicago',
  nashville: 'America/Chicago',
  denver: 'America/Denver',
  'salt lake city': 'America/Denver',
  albuquerque: 'America/Denver',
  phoenix: 'America/Phoenix',
  'los angeles': 'America/Los_Angeles',
  'san francisco': 'America/Los_Angeles',
  'san diego': 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  portland: 'America/Los_Angeles',
  'las vegas': 'America/Los_Angeles',
  california: 'America/Los_Angeles',
  anchorage: 'America/Anchorage',
  honolulu: 'Pacific/Honolulu',
  'puerto rico': 'America/Puerto_Rico',
  'san juan': 'America/Puerto_Rico',
  // Canada
  toronto: 'America/Toronto',
  montreal: 'America/Toronto',
  vancouver: 'America/Vancouver',
  calgary: 'America/Edmonton',
  // Mexico, Central and South America, the Caribbean
  'ciudad de mexico': 'America/Mexico_City',
  'mexico city': 'America/Mexico_City',
  cdmx: 'America/Mexico_City',
  mexico: 'America/Mexico_City',
  guadalajara: 'America/Mexico_City',
  puebla: 'America/Mexico_City',
  monterrey: 'America/Monterrey',
  tijuana: 'America/Tijuana',
  cancun: 'America/Cancun',
  guatemala: 'America/Guatemala',
  'san salvador': 'America/El_Salvador',
  tegucigalpa: 'America/Tegucigalpa',
  managua: 'America/Managua',
  'costa rica': 'America/Costa_Rica',
  panama: 'America/Panama',
  habana: 'America/Havana',
  havana: 'America/Havana',
  'la habana': 'America/Havana',
  'santo domingo': 'America/Santo_Domingo',
  bogota: 'America/Bogota',
  medellin: 'America/Bogota',
  colombia: 'America/Bogota',
  caracas: 'America/Caracas',
  quito: 'America/Guayaquil',
  guayaquil: 'America/Guayaquil',
  lima: 'America/Lima',
  peru: 'America/Lima',
  'la paz': 'America/La_Paz',
  santiago: 'America/Santiago',
  chile: 'America/Santiago',
  'buenos aires': 'America/Argentina/Buenos_Aires',
  argentina: 'America/Argentina/Buenos_Aires',
  montevideo: 'America/Montevideo',
  asuncion: 'America/Asuncion',
  'sao paulo': 'America/Sao_Paulo',
  // Spain and Europe
  madrid: 'Europe/Madrid',
  barcelona: 'Europe/Madrid',
  valencia: 'Europe/Madrid',
  sevilla: 'Europe/Madrid',
  seville: 'Europe/Madrid',
  malaga: 'Europe/Madrid',
  bilbao: 'Europe/Madrid',
  spain: 'Europe/Madrid',
  espana: 'Europe/Madrid',
  canarias: 'Atlantic/Canary',
  'canary islands': 'Atlantic/Canary',
  'islas canarias': 'Atlantic/Canary',
  london: 'Europe/London',
  londres: 'Europe/London',
  manchester: 'Europe/London',
  uk: 'Europe/London',
  england: 'Europe/London',
  bst: 'Europe/London',
  dublin: 'Europe/Dublin',
  lisbon: 'Europe/Lisbon',
  lisboa: 'Europe/Lisbon',
  paris: 'Europe/Paris',
  berlin: 'Europe/Berlin',
  rome: 'Europe/Rome',
  roma: 'Europe/Rome',
  amsterdam: 'Europe/Amsterdam',
  // Universal time
  utc: 'UTC',
  gmt: 'UTC',
  'coordinated universal time': 'UTC',
};

/** Lower case, no accents, single spaces, no punctuation except the IANA separators. */
function aliasKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[.,!?¿¡]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "America/Chicago" spelled as the IANA database does, for any capitalisation the user typed. */
function canonicalIanaName(name: string): string | undefined {
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2}$/.test(name) || !isKnownTimeZone(name)) return undefined;
  const listed = supportedZones().get(name.toLowerCase());
  if (listed !== undefined) return listed;
  // Newer names ("Asia/Kolkata", "America/Argentina/Buenos_Aires") may be missing from an older ICU's list.
  return name
    .split('/')
    .map((part) =>
      part.replace(/[A-Za-z]+/g, (word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()),
    )
    .join('/');
}

let zones: Map<string, string> | undefined;
function supportedZones(): Map<string, string> {
  zones ??= new Map(Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone]));
  return zones;
}

/**
 * The IANA zone a name stands for: an alias ("Chicago", "Pacific", "EST", "Ciudad de México"), a trailing " time"
 * ("central time") or an IANA name in any case ("europe/paris"); undefined when it is none of these.
 */
export function resolveTimeZone(text: string): string | undefined {
  const key = aliasKey(text)
    .replace(/^(?:the|el|la)\s+/, '')
    .replace(/\s+(?:standard |daylight )?time(?: zone)?$/, '');
  const alias = ALIASES[key];
  if (alias !== undefined) return alias;
  return canonicalIanaName(text.trim());
}

/** Whether a city or zone name is in the alias table (used for "I'm in …", where anything else is not a place). */
export function isKnownPlace(text: string): boolean {
  return ALIASES[aliasKey(text)] !== undefined;
}

/**
 * The zone assumed from a phone number's country code until the user names one. +1 covers six US zones and
 * Canada: America/New_York is the most populous, and the user can say "I'm in Chicago" to change it.
 */
const COUNTRY_ZONES: readonly (readonly [string, string])[] = [
  ['+1', 'America/New_York'],
  ['+34', 'Europe/Madrid'],
  ['+52', 'America/Mexico_City'],
  ['+44', 'Europe/London'],
  ['+353', 'Europe/Dublin'],
  ['+351', 'Europe/Lisbon'],
  ['+33', 'Europe/Paris'],
  ['+49', 'Europe/Berlin'],
  ['+39', 'Europe/Rome'],
  ['+57', 'America/Bogota'],
  ['+54', 'America/Argentina/Buenos_Aires'],
  ['+56', 'America/Santiago'],
  ['+51', 'America/Lima'],
  ['+58', 'America/Caracas'],
  ['+593', 'America/Guayaquil'],
  ['+502', 'America/Guatemala'],
  ['+503', 'America/El_Salvador'],
  ['+504', 'America/Tegucigalpa'],
  ['+505', 'America/Managua'],
  ['+506', 'America/Costa_Rica'],
  ['+507', 'America/Panama'],
  ['+591', 'America/La_Paz'],
  ['+595', 'America/Asuncion'],
  ['+598', 'America/Montevideo'],
  ['+53', 'America/Havana'],
];

/** The default zone for an E.164 number (longest matching country code); UTC when unknown or absent. */
export function timeZoneForPhone(phone: string | undefined): string {
  if (phone === undefined) return 'UTC';
  let best: readonly [string, string] | undefined;
  for (const entry of COUNTRY_ZONES) {
    if (phone.startsWith(entry[0]) && (best === undefined || entry[0].length > best[0].length)) best = entry;
  }
  return best?.[1] ?? 'UTC';
}

/** The zone a user's dates are in: the one they named, else their number's default. */
export function userTimeZone(user: {
  phone?: string | undefined;
  profile: { timeZone?: string | undefined };
}): string {
  const named = user.profile.timeZone;
  return named !== undefined && isKnownTimeZone(named) ? named : timeZoneForPhone(user.phone);
}
