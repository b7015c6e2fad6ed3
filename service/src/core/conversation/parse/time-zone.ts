import { resolveTimeZone } from '../../time/time-zones.ts';

/**
 * A time zone stated in free text. With a time-zone word ("time zone Pacific", "timezone America/New_York",
 * "tz: Europe/London", "zona horaria Ciudad de México") anything that follows is read, and an unknown name is
 * reported. With a place phrase ("I'm in Chicago", "I live in Madrid", "vivo en Bogotá", "I'm on central time") only
 * a known city or zone counts: "I'm in a meeting" is no time zone.
 */
export type TimeZoneParse = { kind: 'set'; zone: string } | { kind: 'unknown' };

const QUESTION = /\?\s*$|^¿|^(?:what|whats|what's|which|is|do|does|que|cual|en que)\b/i;
const CUE =
  /(?:^|\b)(?:(?:set|change|update|switch|make)\s+(?:my\s+|the\s+)?|my\s+|mi\s+|(?:cambia|pon|actualiza)\s+(?:mi\s+|la\s+)?)?(?:time\s*zone|timezone|tz|zona\s+horaria|huso\s+horario)\b\s*(?:(?:is|to|es|a|now|ahora)\s+|[=:]\s*)*(.*)$/i;
const PLACE =
  /^(?:(?:actually|now|ahora|ya)\s+)?(?:(?:i'?m|i am|im|we'?re|we are)\s+(?:now\s+)?(?:in|based in|living in|on|located in)|i\s+(?:now\s+)?(?:live|moved|relocated|am moving|'m moving)\s+(?:in|to)|(?:vivo|estoy|resido|radico|ahora vivo|ahora estoy)\s+en|me\s+(?:mude|mudé|cambie|cambié)\s+a)\s+(.+)$/i;
const TRAILING = /\s+(?:now|these days|please|por favor|ahora|time zone|timezone)$/i;

function clean(text: string): string {
  return text
    .trim()
    .replace(/[.!]+$/, '')
    .replace(TRAILING, '')
    .trim();
}

export function parseTimeZone(text: string): TimeZoneParse | undefined {
  if (typeof text !== 'string' || text.length > 200) return undefined;
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed.length === 0 || QUESTION.test(trimmed)) return undefined;
  const cued = trimmed.match(CUE);
  if (cued) {
    const name = clean(cued[1] ?? '');
    const zone = name.length > 0 ? resolveTimeZone(name) : undefined;
    return zone ? { kind: 'set', zone } : { kind: 'unknown' };
  }
  const place = trimmed.match(PLACE)?.[1];
  if (place === undefined) return undefined;
  const zone = resolveTimeZone(clean(place));
  return zone ? { kind: 'set', zone } : undefined;
}
