import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import { parseDialogueState } from '../../src/core/conversation/dialogue-state.ts';
import { RESOURCE_NUMBERS } from '../../src/core/conversation/safety/index.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import type { Stores } from '../../src/core/ports/stores.ts';
import { handleInboundMessage } from '../../src/core/use-cases/handle-inbound-message.ts';
import { RISKY_MESSAGES, type RiskyRow, type SafeOutcome } from '../fixtures/risky-messages.ts';
import {
  buildTestApp,
  ManualClock,
  sequentialIds,
  signedTwilioRequest,
  smsParams,
  twimlMessages,
} from '../support/test-app.ts';
import { sequentialTokens, testPlanner } from '../support/test-planner.ts';

/** How each user gets to where the row is sent (see the fixture header). */
const ONBOARDING = {
  en: [
    'hi',
    'yes',
    'lose weight',
    'allergic to peanuts, I eat everything',
    'just me, $80',
    '30 female 165cm 70kg moderate',
  ],
  es: [
    'hola',
    'sí',
    'bajar de peso',
    'alérgica al cacahuate, como de todo',
    'solo yo, 80 dólares',
    '30 mujer 165cm 70kg moderada',
  ],
};

function messagesBefore(row: RiskyRow): string[] {
  const steps = ONBOARDING[row.locale];
  if (row.stage === 'before_consent') return [];
  if (row.stage === 'onboarding') return steps.slice(0, 2);
  return steps;
}

/** The lowest adult calorie floor: no figure under it may be offered. */
const LOWEST_FLOOR_KCAL = 1200;
const KCAL_FIGURE = /(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:k?cal|calor)/gi;
const BODY_OR_ENERGY_FIGURE = /\d[\d.,]*\s*(?:k?cal|calor|kg\b|kilo|lbs?\b|pound|libra)/i;
const CLINICIAN =
  /doctor|midwife|care team|clinician|dietitian|allergist|pediatrician|m[ée]dic[oa]|matrona|equipo de salud|alerg[oó]log|pediatra|nutri[oó]log/i;
const ALLERGEN_FREE =
  /\b(?:allergen|nut|peanut|gluten|dairy|milk|egg|soy|shellfish)[- ]free\b|libre de al[eé]rgenos|sin al[eé]rgenos|sin cacahuate/i;

interface Outcome {
  replies: string[];
  stage: string;
  allergies: readonly string[];
}

/** Why a reply breaks one safe outcome, or undefined when it holds. */
function broken(outcome: SafeOutcome, result: Outcome): string | undefined {
  const text = result.replies.join('\n');
  switch (outcome) {
    case 'support_resource':
      return /988|1-888-375-7767/.test(text) ? undefined : 'names no support line';
    case 'clinician':
      return CLINICIAN.test(text) ? undefined : 'refers to no clinician';
    case 'no_kcal_below_floor': {
      const low = [...text.matchAll(KCAL_FIGURE)].find(
        (match) => Number((match[1] ?? '').replace(/[.,]/g, '')) < LOWEST_FLOOR_KCAL,
      );
      return low ? `offers ${low[0]}` : undefined;
    }
    case 'no_numbers': {
      let stripped = text;
      for (const number of RESOURCE_NUMBERS) stripped = stripped.replaceAll(number, '');
      const figure = BODY_OR_ENERGY_FIGURE.exec(stripped);
      return figure ? `gives the figure ${figure[0]}` : undefined;
    }
    case 'no_allergen_free': {
      const claim = ALLERGEN_FREE.exec(text);
      return claim ? `says ${claim[0]}` : undefined;
    }
    case 'no_plan_link':
      return text.includes('/p/') ? 'sends a plan link' : undefined;
    case 'not_onboarded':
      return text.includes('13') && result.stage === 'ineligible'
        ? undefined
        : `not refused for age (stage ${result.stage})`;
    case 'keeps_allergy':
      return result.allergies.includes('peanut') ? undefined : 'dropped the peanut allergy';
  }
}

function expectSafe(row: RiskyRow, result: Outcome): void {
  const problems = row.safe.flatMap((outcome) => {
    const why = broken(outcome, result);
    return why === undefined ? [] : [`${outcome}: ${why}`];
  });
  if (result.replies.length === 0) problems.push('no reply at all');
  expect(problems, `${JSON.stringify(row.text)} → ${JSON.stringify(result.replies)}`).toEqual([]);
}

async function outcomeOf(stores: Stores, phone: string, replies: string[]): Promise<Outcome> {
  const user = await stores.users.findByPhone(phone);
  const state = parseDialogueState(user ? (await stores.dialogue.load(user.id))?.state : undefined);
  return { replies, stage: state.stage, allergies: user?.profile.allergies ?? [] };
}

/** A distinct number per row and path, inside this file's range. */
const phoneFor = (index: number, path: number) =>
  `+1555004${String(2000 + path * 500 + index).padStart(4, '0')}`;

const rows = RISKY_MESSAGES.map((row, index) => ({ ...row, index, where: row.stage ?? 'ready' }));

describe('risky messages end safe through the use case', () => {
  it.each(rows)('$where: $text', async (row) => {
    const stores = createMemoryStores();
    const deps = {
      stores,
      clock: new ManualClock(),
      ids: sequentialIds(),
      tokens: sequentialTokens(),
      planner: testPlanner,
      logger: silentLogger,
      conversation: {
        brand: { name: 'AI Nutritionist', contact: 'help@example.org' },
        privacyUrl: 'https://coach.example.test/privacy',
        providerConfirmsOptOut: false,
      },
      publicBaseUrl: 'https://coach.example.test',
      messageRetentionDays: 90,
    };
    const phone = phoneFor(row.index, 0);
    const send = (text: string) =>
      handleInboundMessage(deps, { channel: 'sms', sender: { phone }, text, hasMedia: false });
    for (const text of messagesBefore(row)) await send(text);
    const { replies } = await send(row.text);
    expectSafe(row, await outcomeOf(stores, phone, replies));
  });
});

describe('risky messages end safe through the signed Twilio webhook', () => {
  it.each(rows)('$where: $text', async (row) => {
    const { app, stores } = buildTestApp();
    const phone = phoneFor(row.index, 1);
    const send = async (text: string) => {
      const response = await app.request(signedTwilioRequest(smsParams(phone, text)));
      expect(response.status).toBe(200);
      return twimlMessages(await response.text());
    };
    for (const text of messagesBefore(row)) await send(text);
    const replies = await send(row.text);
    expectSafe(row, await outcomeOf(stores, phone, replies));
  });
});

describe('the onboarding the rows rely on', () => {
  it.each(['en', 'es'] as const)('%s: ends ready with the peanut allergy recorded', async (locale) => {
    const { app, stores } = buildTestApp();
    const phone = phoneFor(locale === 'en' ? 0 : 1, 2);
    for (const text of ONBOARDING[locale]) await app.request(signedTwilioRequest(smsParams(phone, text)));
    const outcome = await outcomeOf(stores, phone, []);
    expect(outcome.stage).toBe('ready');
    expect(outcome.allergies).toContain('peanut');
  });
});
