import { describe, expect, it } from 'vitest';
import type { User } from '../domain/user.ts';
import type { ConversationContext, Decision } from './conversation-types.ts';
import { INITIAL_STATE } from './dialogue-state.ts';
import { isDormant, ownershipDecision, withOwnershipCheck } from './dormancy.ts';
import { classifyKeyword } from './keywords.ts';

const DAY_MS = 86_400_000;
const heard = '2026-01-01T12:00:00.000Z';
const user: User = {
  id: 'u1',
  phone: '+15550110100',
  lastChannel: 'sms',
  locale: 'en',
  profile: { goal: 'lose' },
  lastInboundAt: heard,
  createdAt: '2025-06-01T00:00:00.000Z',
  updatedAt: heard,
};
const after = (days: number, ms = 0) => new Date(Date.parse(heard) + days * DAY_MS + ms);
const ready = { stage: 'ready' as const, bodyDone: true };

describe('isDormant', () => {
  it('counts from the last message: exactly 60 days is not dormant, a moment later is', () => {
    expect(isDormant(user, after(60), 60)).toBe(false);
    expect(isDormant(user, after(60, 1), 60)).toBe(true);
  });

  it('counts from sign-up for a user who never had a last message, and never for a web-only user', () => {
    const { lastInboundAt: _none, ...older } = user;
    expect(isDormant(older, after(0), 60)).toBe(true);
    const { phone: _phone, ...webOnly } = user;
    expect(isDormant(webOnly, after(400), 60)).toBe(false);
  });
});

describe('withOwnershipCheck', () => {
  const check = { channel: 'sms' as const, now: after(61), afterDays: 60, consented: true };

  it('marks a dormant phone message with something personal to hide', () => {
    expect(withOwnershipCheck(ready, user, check).ownershipCheck).toBe(true);
  });

  it('leaves web chat, an ineligible user and a number with nothing stored unmarked', () => {
    expect(withOwnershipCheck(ready, user, { ...check, channel: 'web' }).ownershipCheck).toBeUndefined();
    const ineligible = { stage: 'ineligible' as const, bodyDone: false };
    expect(withOwnershipCheck(ineligible, user, check).ownershipCheck).toBeUndefined();
    const stranger = { ...user, profile: {} };
    expect(
      withOwnershipCheck(INITIAL_STATE, stranger, { ...check, consented: false }).ownershipCheck,
    ).toBeUndefined();
  });
});

describe('ownershipDecision', () => {
  const ctx: ConversationContext = {
    state: { ...ready, ownershipCheck: true },
    profile: user.profile,
    locale: 'en',
    optedOut: false,
    consented: true,
  };
  const base: Decision = {
    replies: [],
    state: ctx.state,
    profile: ctx.profile,
    locale: 'en',
    consentChanges: [],
    mayLogBodies: true,
    eraseProfile: false,
  };
  const decide = (text: string, over: Partial<ConversationContext> = {}) =>
    ownershipDecision(text, classifyKeyword(text), { ...ctx, ...over }, base);

  it.each(['ME', 'me', "it's me!", 'Yes, it is me', 'yo', 'Soy yo.', 'sí, yo'])('%s continues', (text) => {
    const decision = decide(text);
    expect(decision?.state.ownershipCheck).toBeUndefined();
    expect(decision?.eraseUser).toBeUndefined();
  });

  it.each(['NEW', 'new.', 'Nuevo', 'start fresh'])('%s erases and withdraws health-data consent', (text) => {
    const decision = decide(text);
    expect(decision?.eraseUser).toBe(true);
    expect(decision?.consentChanges).toEqual([
      { purpose: 'health_data', granted: false, method: 'reply:NEW' },
    ]);
  });

  it.each(['plan', 'my profile', 'web', 'export my data', 'YES', 'me and my wife'])(
    '%s gets the question again, unlogged',
    (text) => {
      const decision = decide(text);
      expect(decision?.replies.join(' ')).toContain('Reply ME');
      expect(decision?.mayLogBodies).toBe(false);
      expect(decision?.effect).toBeUndefined();
      expect(decision?.state.ownershipCheck).toBe(true);
    },
  );

  it('leaves HELP and START to the usual keywords, and keeps an opted-out number silent', () => {
    expect(decide('HELP')).toBeUndefined();
    expect(decide('START')).toBeUndefined();
    expect(decide('ME', { optedOut: true })?.replies).toEqual([]);
    expect(decide('YES', { optedOut: true })).toBeUndefined();
  });

  it('does nothing when no question is open', () => {
    expect(decide('ME', { state: ready })).toBeUndefined();
  });
});
