import { describe, expect, it } from 'vitest';
import type { Decision } from './conversation-types.ts';
import { en } from './messages/en.ts';
import { afterSafetyReply, looksLikeQuestion, questionDecision } from './question-intent.ts';

const base: Decision = {
  replies: [],
  state: { stage: 'ready', bodyDone: true },
  profile: {},
  locale: 'en',
  consentChanges: [],
  mayLogBodies: true,
  eraseProfile: false,
};

describe('question routing in the ready state', () => {
  it.each([
    'how much protein do I need',
    'whats a healthy snack',
    '¿cuánta fibra necesito?',
    'cuanta agua debo tomar',
    'eggs ok?',
    'tell me a joke',
  ])('%s reads as a question', (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });

  it.each(['blorp', 'thanks', 'ok', 'me and my husband and 2 kids'])('%s does not', (text) => {
    expect(looksLikeQuestion(text)).toBe(false);
  });

  it('a question, or words on a covered topic, becomes the answer_question effect; anything else the menu', () => {
    expect(questionDecision('who won the world cup', base, en).effect).toEqual({
      kind: 'answer_question',
      text: 'who won the world cup',
      asked: true,
    });
    expect(questionDecision('proteina barata', base, en).effect).toMatchObject({ asked: false });
    expect(questionDecision('blorp', base, en)).toEqual({ ...base, replies: [en.menu()] });
  });

  it('after a safety reply a question may get clinician facts; a statement keeps the safety reply alone', () => {
    const replies = ['safety reply'];
    expect(afterSafetyReply('is oatmeal ok for diabetics?', base, replies).effect).toEqual({
      kind: 'answer_question',
      text: 'is oatmeal ok for diabetics?',
      asked: false,
      lead: replies,
      topics: ['clinician'],
    });
    expect(afterSafetyReply('I have type 2 diabetes', base, replies)).toEqual({ ...base, replies });
  });
});
