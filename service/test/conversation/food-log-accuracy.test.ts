import { describe, expect, it } from 'vitest';
import { createMemoryStores } from '../../src/adapters/memory/index.ts';
import type { FoodLogEntry } from '../../src/core/domain/food-log-entry.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';
import {
  type HandleInboundDeps,
  handleInboundMessage,
} from '../../src/core/use-cases/handle-inbound-message.ts';
import { type AccuracyRow, FOOD_LOG_ACCURACY } from '../fixtures/food-log-accuracy.ts';
import { ManualClock, sequentialIds } from '../support/test-app.ts';
import { sequentialTokens, testPlanner } from '../support/test-planner.ts';

/** The bar: at least 95 % of held-out phrases logged with the right foods and grams (±15 %). */
const REQUIRED_PASS_RATE = 0.95;
const GRAMS_TOLERANCE = 0.15;

const PHONE_EN = '+15550040101';
const PHONE_ES = '+15550040102';

const ONBOARDING = {
  en: [
    'hi',
    'yes',
    'maintain',
    'no allergies, I eat everything',
    'just me, $80',
    '40 female 165cm 65kg moderate',
  ],
  es: [
    'hola',
    'sí',
    'mantener',
    'sin alergias, como de todo',
    'solo yo, 80 dólares',
    '40 mujer 165cm 65kg moderada',
  ],
};

function buildDeps(): HandleInboundDeps {
  return {
    stores: createMemoryStores(),
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
}

const send = (deps: HandleInboundDeps, phone: string, text: string) =>
  handleInboundMessage(deps, { channel: 'sms', sender: { phone }, text, hasMedia: false });

/** Everything the user has logged around the test day (the date may be local or UTC; both fall in the range). */
async function logged(deps: HandleInboundDeps, userId: string): Promise<FoodLogEntry[]> {
  return deps.stores.foodLog.forDays(userId, '2026-11-20', '2026-12-05', deps.clock.now());
}

function gramsById(foods: readonly { foodId: string; grams: number }[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { foodId, grams } of foods) totals.set(foodId, (totals.get(foodId) ?? 0) + grams);
  return totals;
}

function rowPasses(row: AccuracyRow, got: Map<string, number>): boolean {
  const want = gramsById(row.expected);
  if (want.size !== got.size) return false;
  for (const [foodId, grams] of want) {
    const actual = got.get(foodId);
    if (actual === undefined || Math.abs(actual - grams) > grams * GRAMS_TOLERANCE) return false;
  }
  return true;
}

const describeFoods = (foods: Map<string, number>): string =>
  foods.size === 0
    ? '(nothing)'
    : [...foods].map(([foodId, grams]) => `${foodId} ${Math.round(grams * 10) / 10} g`).join(', ');

const isSpanish = (text: string): boolean =>
  /^(?:me )?(?:com[ií]|desayun[eé]|almorc[eé]|cen[eé]|merend[eé]|tom[eé]|beb[ií])\b/i.test(text);

describe('food-log accuracy on held-out phrases, through the conversation', () => {
  it(`logs at least ${REQUIRED_PASS_RATE * 100} % of the rows with the expected foods and grams (±15 %)`, async () => {
    const deps = buildDeps();
    const users = { en: '', es: '' };
    for (const locale of ['en', 'es'] as const) {
      const phone = locale === 'en' ? PHONE_EN : PHONE_ES;
      for (const text of ONBOARDING[locale]) await send(deps, phone, text);
      const user = await deps.stores.users.findByPhone(phone);
      if (user === undefined) throw new Error(`onboarding did not create ${locale} user`);
      users[locale] = user.id;
    }

    const failures: string[] = [];
    for (const row of FOOD_LOG_ACCURACY) {
      const locale = isSpanish(row.text) ? 'es' : 'en';
      const phone = locale === 'en' ? PHONE_EN : PHONE_ES;
      const before = new Set((await logged(deps, users[locale])).map((entry) => entry.id));
      const { replies } = await send(deps, phone, row.text);
      const added = (await logged(deps, users[locale])).filter((entry) => !before.has(entry.id));
      const got = gramsById(added);
      if (!rowPasses(row, got)) {
        failures.push(
          `${JSON.stringify(row.text)}\n    expected: ${describeFoods(gramsById(row.expected))}\n    got:      ${describeFoods(got)}\n    reply:    ${JSON.stringify(replies.join(' | '))}`,
        );
      }
    }

    const total = FOOD_LOG_ACCURACY.length;
    const passed = total - failures.length;
    const rate = passed / total;
    const report = [
      `food-log accuracy: ${passed}/${total} rows pass (${(rate * 100).toFixed(1)} %), required ${REQUIRED_PASS_RATE * 100} %`,
      ...(failures.length > 0 ? ['failing rows:', ...failures.map((f) => `  ${f}`)] : []),
    ].join('\n');
    console.info(report);
    expect(total).toBeGreaterThanOrEqual(100);
    expect(rate, report).toBeGreaterThanOrEqual(REQUIRED_PASS_RATE);
  }, 60_000);
});
