import { countSegments, MAX_REPLY_SEGMENTS } from '../conversation/sms-segments.ts';
import type { Locale } from '../domain/user.ts';
import type { KnowledgeEntry, SourceOrg } from './knowledge-entry.ts';

const ORG_NAMES: Record<Locale, Record<SourceOrg, string>> = {
  en: { WHO: 'WHO', DGA: 'DGA 2020-2025', 'NIH ODS': 'NIH ODS', FDA: 'FDA', CDC: 'CDC' },
  es: { WHO: 'OMS', DGA: 'DGA 2020-2025', 'NIH ODS': 'NIH ODS', FDA: 'FDA', CDC: 'CDC' },
};
const SOURCE_WORD: Record<Locale, string> = { en: 'Source', es: 'Fuente' };

/**
 * The answer as sent: the entry's own text in the user's language, then its source — with the page title when
 * that still fits three SMS segments, the organisations alone otherwise. Nothing is added or reworded.
 */
export function knowledgeReply(entry: KnowledgeEntry, locale: Locale): string {
  const side = entry[locale];
  const orgs = [...new Set(entry.sources.map((source) => ORG_NAMES[locale][source.org]))].join(', ');
  const short = `${side.answer} ${SOURCE_WORD[locale]}: ${orgs}.`;
  const first = entry.sources[0];
  if (first === undefined || entry.sources.length > 1) return short;
  const titled = `${side.answer} ${SOURCE_WORD[locale]}: ${ORG_NAMES[locale][first.org]}, ${first.title}.`;
  return countSegments(titled).segments <= MAX_REPLY_SEGMENTS ? titled : short;
}
