import type { Locale } from '../domain/user.ts';
import type { Decision } from './conversation-types.ts';
import { normaliseKeyword } from './keywords.ts';

export type { WebSignInEffect } from './web-sign-in-effect.ts';

/** Whole messages only (after `normaliseKeyword`), so "I found you on the web" is not one. */
const SIGN_IN_WORDS = new Set([
  'WEB',
  'WEBSITE',
  'WEB LINK',
  'WEB APP',
  'SIGN IN',
  'SIGNIN',
  'LOG IN',
  'LOGIN',
  'ENTRAR',
  'ACCEDER',
  'INICIAR SESION',
  'PAGINA WEB',
]);

export function webSignInDecision(text: string, base: Decision): Decision | undefined {
  const words = normaliseKeyword(text).replace(/\s+/g, ' ');
  return SIGN_IN_WORDS.has(words) ? { ...base, effect: { kind: 'web_sign_in' } } : undefined;
}

/** The replies of this feature, per language (the i18n catalogue of the web sign-in). */
export const webSignInMessages: Record<
  Locale,
  { link(url: string, minutes: number): string; unavailable(): string }
> = {
  en: {
    link: (url, minutes) =>
      `Open your week, groceries and log on the web: ${url} — it works once, for ${minutes} minutes. Don't share it.`,
    unavailable: () => 'Signing in on the web is not available here yet.',
  },
  es: {
    link: (url, minutes) =>
      `Abre tu semana, tus compras y tu registro en la web: ${url} — funciona una vez, durante ${minutes} minutos. No lo compartas.`,
    unavailable: () => 'Entrar en la web aún no está disponible aquí.',
  },
};
