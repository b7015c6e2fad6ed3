import { describe, expect, it } from 'vitest';
import { converse } from '../../src/core/conversation/converse.ts';
import type { Profile } from '../../src/core/domain/profile.ts';
import {
  PROFILE_CHANGE_PHRASES,
  type ProfileChangeExpectation,
  type ProfileChangeRow,
  READY_PROFILE,
} from '../fixtures/profile-change-phrases.ts';

const settings = {
  brand: { name: 'AI Nutritionist', contact: 'help@example.org' },
  privacyUrl: 'https://coach.example.test/privacy',
  providerConfirmsOptOut: false,
};

/** The four things the table judges, read from a profile and a reply language. */
function observed(profile: Profile, locale: string): Required<ProfileChangeExpectation> {
  return {
    goalWeightKg: profile.goalWeightKg ?? null,
    dislikes: profile.dislikes ?? [],
    timeZone: profile.timeZone ?? '',
    locale: locale as 'en' | 'es',
  };
}

function run(row: ProfileChangeRow) {
  const profile: Profile = { ...READY_PROFILE, ...row.given };
  const locale = row.locale ?? 'en';
  const decision = converse(
    { text: row.text, hasMedia: false },
    {
      state: { stage: 'ready', bodyDone: true, ...(row.chosen ? { languageChosen: true } : {}) },
      profile,
      locale,
      optedOut: false,
      consented: true,
    },
    settings,
  );
  return { before: observed(profile, locale), after: observed(decision.profile, decision.locale), decision };
}

describe('profile change phrase table', () => {
  it('has at least 60 rows', () => {
    expect(PROFILE_CHANGE_PHRASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(PROFILE_CHANGE_PHRASES.map((row) => [row.text.slice(0, 60), row] as const))('%j', (_text, row) => {
    const { before, after, decision } = run(row);
    const expected = row.expected === 'none' ? before : { ...before, ...row.expected };
    expect(after).toEqual({ ...expected, goalWeightKg: expected.goalWeightKg ?? null });
    const replies = decision.replies.join('\n').toLowerCase();
    for (const fragment of row.reply ?? []) expect(replies).toContain(fragment.toLowerCase());
    for (const fragment of row.notInReply ?? []) expect(replies).not.toContain(fragment.toLowerCase());
  });
});
