import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../domain/user.ts';
import { countSegments, MAX_REPLY_SEGMENTS } from '../sms-segments.ts';
import { SAFETY_CATEGORIES, type SafetyCategory } from './safety-category.ts';
import { SAFETY_EFFECTS } from './safety-effects.ts';
import { safetyReply } from './safety-messages.ts';
import { CRISIS_LINE, RESOURCE_NUMBERS } from './support-resources.ts';

const BRAND = { name: 'AI Nutritionist', contact: 'help@example.org' };
const BRANDS = [
  BRAND,
  { name: 'Community Nutrition Coach by Example Health', contact: 'support@example-health.org' },
];
const RISKY = SAFETY_CATEGORIES.filter((category) => category !== 'none');

function withoutResourceNumbers(text: string): string {
  return RESOURCE_NUMBERS.reduce((rest, number) => rest.split(number).join(' '), text);
}

describe.each(LOCALES)('safetyReply (%s)', (locale) => {
  const reply = (category: SafetyCategory) => safetyReply(category, locale, BRAND);

  it.each(RISKY)('%s: one to three messages, each within three SMS segments', (category) => {
    for (const brand of BRANDS) {
      const messages = safetyReply(category, locale, brand);
      expect(messages.length).toBeGreaterThanOrEqual(1);
      expect(messages.length).toBeLessThanOrEqual(3);
      for (const message of messages) {
        expect(message.trim().length).toBeGreaterThan(0);
        expect(countSegments(message).segments, message).toBeLessThanOrEqual(MAX_REPLY_SEGMENTS);
      }
    }
  });

  it.each(RISKY)('%s: general-wellness wording, never "treats" or "cures"', (category) => {
    for (const message of reply(category))
      expect(message).not.toMatch(/\btreat(?:s|ed|ing|ment)?\b|\bcures?\b|\btrata\b|\bcuran?\b/i);
  });

  it.each(RISKY.filter((category) => SAFETY_EFFECTS[category].noNumbers))(
    '%s: no calorie or weight numbers, only support-line numbers',
    (category) => {
      for (const message of reply(category)) {
        const rest = withoutResourceNumbers(message);
        expect(rest, message).not.toMatch(/\d{3,}|\d\s*(?:k?cal|calor|kg|lb|pound|kilo|libra)/i);
        // Eating-disorder and crisis replies carry no digits at all beyond the support lines.
        if (category !== 'minor_under_13') expect(rest, message).not.toMatch(/\d/);
      }
    },
  );

  it('none: nothing to send, the conversation carries on', () => {
    expect(reply('none')).toEqual([]);
  });

  it('self-harm: the crisis line comes first', () => {
    const [first] = reply('self_harm_crisis');
    expect(first).toBeDefined();
    const at = (first ?? '').indexOf(CRISIS_LINE);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(80);
  });

  it('eating disorder: support lines, a doctor, and deficit plans and tracking switched off', () => {
    const text = reply('eating_disorder').join(' ');
    expect(text).toContain('988');
    expect(text).toContain('1-888-375-7767');
    expect(text).not.toMatch(/NEDA/);
    expect(text).toMatch(locale === 'en' ? /doctor/ : /médico/);
    expect(text).toMatch(locale === 'en' ? /switched off weight-loss plans/ : /desactivado los planes/);
    expect(text).toMatch(locale === 'en' ? /tracking reminders/ : /recordatorios de registro/);
    if (locale === 'es') expect(text).toMatch(/marca 2|AYUDA/);
  });

  it('allergen question: never claims allergen-free, points to "may contain" labels', () => {
    const text = reply('allergen_free_request').join(' ');
    expect(text).not.toMatch(/allergen[- ]?free|libres? de al[eé]rgenos|sin al[eé]rgenos/i);
    expect(text).toMatch(locale === 'en' ? /"may contain"/ : /"puede contener"/);
    expect(text).toMatch(locale === 'en' ? /as ingredients/ : /como ingrediente/);
  });

  it('extreme deficit: names both floors and that going lower needs supervision, no how-to', () => {
    const text = reply('extreme_deficit').join(' ');
    expect(text).toContain(locale === 'en' ? '1,200' : '1.200');
    expect(text).toContain(locale === 'en' ? '1,500' : '1.500');
    expect(text).toMatch(locale === 'en' ? /supervision/ : /supervisión/);
    expect(text).not.toMatch(/\b(?:fast|skip|laxative|ayun|saltar)/i);
  });

  it('minors: under 13 not set up (brand named); 13–17 sent to a parent or guardian and a doctor', () => {
    expect(reply('minor_under_13').join(' ')).toContain(BRAND.name);
    expect(reply('minor_under_13').join(' ')).toContain('13');
    const teen = reply('minor_teen_deficit').join(' ');
    expect(teen).toMatch(locale === 'en' ? /parent or guardian/ : /madre, padre o tutor/);
    expect(teen).toMatch(locale === 'en' ? /doctor/ : /médico/);
  });

  it.each(['pregnancy', 'medical'] as const)(
    '%s: no deficit, a clinician, "may help" wording',
    (category) => {
      const text = reply(category).join(' ');
      expect(text).toMatch(locale === 'en' ? /calorie deficit/ : /déficit de calorías/);
      expect(text).toMatch(locale === 'en' ? /doctor/ : /médico/);
      expect(text).toMatch(locale === 'en' ? /may help/ : /pueden ayudar/);
    },
  );
});
