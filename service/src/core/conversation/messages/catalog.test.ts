import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../domain/user.ts';
import { countSegments } from '../sms-segments.ts';
import { messagesFor } from './index.ts';

const brand = { name: 'AI Nutritionist', contact: 'help@example.org' };
const privacyUrl = 'https://coach.example.org/privacy';
const longSummary =
  'Goal: lose weight. Diet: vegetarian. Allergies: tree nuts, peanuts, shellfish. Household: 2 adults and 3 children. Budget: $150/week. About you: 34, female, 168 cm, 69.9 kg, moderate.';

describe.each(LOCALES)('message catalog %s', (locale) => {
  const m = messagesFor(locale);
  const messages: Record<string, string[]> = {
    help: [m.help(brand)],
    optOutConfirmation: [m.optOutConfirmation(brand)],
    optInConfirmation: [m.optInConfirmation(brand)],
    welcome: m.welcome(brand, privacyUrl),
    consentReminder: [m.consentReminder()],
    consentDeclined: [m.consentDeclined()],
    consentGivenAndGoal: [`${m.consentGiven()} ${m.askGoal()}`],
    askAllergiesAndDiet: [m.notUnderstood(m.askAllergiesAndDiet())],
    askHouseholdAndBudget: [m.notUnderstood(m.askHouseholdAndBudget())],
    askBody: [m.notUnderstood(m.askBody())],
    tooYoung: [m.tooYoung(brand)],
    bodyOutOfRange: [m.bodyOutOfRange()],
    onboardingComplete: m.onboardingComplete(locale === 'en' ? longSummary : 'Meta: bajar de peso.'),
    photoNotRead: [m.photoNotRead()],
    menu: [m.menu()],
    abuse: [m.abuse.slowDown(), m.abuse.busy(), m.abuse.countryNotAllowed(), m.abuse.tooManyNewNumbers()],
    dormancy: [m.dormancy.question(), m.dormancy.welcomeBack(), m.dormancy.weeklyPaused()],
  };

  it.each(Object.keys(messages))('%s fits in three SMS segments', (name) => {
    for (const text of messages[name] ?? [])
      expect(countSegments(text).segments, text).toBeLessThanOrEqual(3);
  });

  it('HELP names the brand, the contact, rates, how to stop, and that it is not medical advice', () => {
    const help = m.help(brand);
    expect(help).toContain(brand.name);
    expect(help).toContain(brand.contact);
    const phrases =
      locale === 'en'
        ? ['Msg & data rates may apply', 'Reply STOP to cancel', 'not medical advice']
        : ['tarifas de mensajes y datos', 'Responde STOP para cancelar', 'No es consejo médico'];
    for (const phrase of phrases) expect(help).toContain(phrase);
  });
});
