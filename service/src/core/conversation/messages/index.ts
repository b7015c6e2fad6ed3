import type { Locale } from '../../domain/user.ts';
import type { MessageCatalog } from './catalog.ts';
import { en } from './en.ts';
import { es } from './es.ts';

export type { Brand, MessageCatalog } from './catalog.ts';

const catalogs: Record<Locale, MessageCatalog> = { en, es };

export function messagesFor(locale: Locale): MessageCatalog {
  return catalogs[locale];
}
