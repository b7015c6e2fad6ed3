import type { Locale } from '../../domain/user.ts';

/** 1200 → "1,200" (en) or "1.200" (es), without Intl so output is identical on every runtime. */
export function formatKcal(kcal: number, locale: Locale): string {
  const separator = locale === 'es' ? '.' : ',';
  return String(Math.round(kcal)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
