import type { Locale } from '../../domain/user.ts';
import type { Brand } from '../messages/catalog.ts';
import type { SafetyCatalog } from './safety-catalog.ts';
import type { SafetyCategory } from './safety-category.ts';
import { safetyMessagesEn } from './safety-messages-en.ts';
import { safetyMessagesEs } from './safety-messages-es.ts';

const catalogs: Record<Locale, SafetyCatalog> = { en: safetyMessagesEn, es: safetyMessagesEs };

/** The messages to send for `category`; none for `none`, where the conversation carries on as usual. */
export function safetyReply(category: SafetyCategory, locale: Locale, brand: Brand): string[] {
  if (category === 'none') return [];
  return catalogs[locale][category](brand);
}
