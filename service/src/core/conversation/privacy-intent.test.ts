import { describe, expect, it } from 'vitest';
import { LOCALES } from '../domain/user.ts';
import type { ConversationContext, Decision } from './conversation-types.ts';
import { INITIAL_STATE } from './dialogue-state.ts';
import { messagesFor } from './messages/index.ts';
import { classifyPrivacyRequest, privacyDecision } from './privacy-intent.ts';
import { countSegments } from './sms-segments.ts';

describe('classifyPrivacyRequest', () => {
  it.each([
    ['export', 'export', false],
    ['Export my data', 'export', false],
    ['download my data please', 'export', false],
    ['exportar mis datos', 'export', true],
    ['Exportar', 'export', true],
    ['descargar mis datos', 'export', true],
    ['delete my data', 'erase', false],
    ['Delete my account.', 'erase', false],
    ['please erase all of my data', 'erase', false],
    ['forget me', 'erase', false],
    ['borrar mis datos', 'erase', true],
    ['Borra mi cuenta', 'erase', true],
    ['eliminar mis datos por favor', 'erase', true],
    ['olvídame', 'erase', true],
    ['DELETE ALL', 'confirm_erase', false],
    ['delete all!', 'confirm_erase', false],
    ['  BORRAR   TODO ', 'confirm_erase', true],
  ])('%j is %s', (text, kind, spanish) => {
    expect(classifyPrivacyRequest(text)).toEqual({ kind, spanish });
  });

  it.each([
    'delete',
    'delete dinner',
    'remove rice from my list',
    'export lentils to Mexico',
    'I want to delete my data soon?',
    'delete all the fish this week',
    'borrar',
    'my data',
  ])('%j is not a privacy request', (text) => {
    expect(classifyPrivacyRequest(text)).toBeUndefined();
  });
});

describe('privacyDecision', () => {
  const ctx = (overrides: Partial<ConversationContext> = {}): ConversationContext => ({
    state: { stage: 'ready', bodyDone: true },
    profile: { goal: 'lose' },
    locale: 'en',
    optedOut: false,
    consented: true,
    ...overrides,
  });
  const base = (c: ConversationContext): Decision => ({
    replies: [],
    state: c.state,
    profile: c.profile,
    locale: c.locale,
    consentChanges: [],
    mayLogBodies: c.consented,
    eraseProfile: false,
  });
  const decide = (text: string, c = ctx()) => privacyDecision(text, c, base(c));

  it('warns first and erases only on DELETE ALL right after the warning', () => {
    const warned = decide('delete my data');
    expect(warned?.eraseUser).toBeUndefined();
    expect(warned?.state.awaitingErasure).toBe(true);
    const pending = ctx({ state: { stage: 'ready', bodyDone: true, awaitingErasure: true } });
    const erased = decide('DELETE ALL', pending);
    expect(erased).toMatchObject({ eraseUser: true, mayLogBodies: false, profile: {}, state: INITIAL_STATE });
    expect(erased?.consentChanges).toEqual([
      { purpose: 'health_data', granted: false, method: 'reply:DELETE ALL' },
    ]);
    expect(decide('DELETE ALL')?.eraseUser).toBeUndefined();
  });

  it('cancels on anything else while the warning is pending, and ignores other messages otherwise', () => {
    const pending = ctx({ state: { stage: 'ready', bodyDone: true, awaitingErasure: true } });
    const cancelled = decide('plan', pending);
    expect(cancelled?.replies).toEqual([messagesFor('en').privacy.eraseCancelled()]);
    expect(cancelled?.eraseUser).toBeUndefined();
    expect(decide('plan')).toBeUndefined();
  });

  it('records no consent withdrawal for a user who never consented (only sent STOP)', () => {
    const stopOnly = ctx({
      state: { ...INITIAL_STATE, awaitingErasure: true },
      consented: false,
      optedOut: true,
    });
    expect(decide('DELETE ALL', stopOnly)).toMatchObject({ eraseUser: true, consentChanges: [] });
  });

  it('keeps the export exchange out of the message log', () => {
    expect(decide('export')).toMatchObject({ effect: { kind: 'export_data' }, mayLogBodies: false });
  });

  it('answers a Spanish phrase in Spanish unless the user chose a language', () => {
    expect(decide('borrar mis datos')?.locale).toBe('es');
    const chosen = ctx({ state: { stage: 'ready', bodyDone: true, languageChosen: true } });
    expect(decide('borrar mis datos', chosen)?.locale).toBe('en');
  });
});

describe.each(LOCALES)('privacy messages (%s)', (locale) => {
  const m = messagesFor(locale).privacy;
  const link = 'https://coach.example.org/export/AbCdEfGhIjKlMnOpQrStUv';
  it.each([
    ['exportReady', [m.exportReady(link, 24)]],
    ['eraseWarning', m.eraseWarning()],
    ['erased', [m.erased()]],
    ['eraseCancelled', [m.eraseCancelled()]],
  ])('%s fits in three SMS segments', (_name, texts) => {
    for (const text of texts) expect(countSegments(text).segments, text).toBeLessThanOrEqual(3);
  });
});
