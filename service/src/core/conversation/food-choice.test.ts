import { describe, expect, it } from 'vitest';
import type { Decision } from './conversation-types.ts';
import { parseDialogueState } from './dialogue-state.ts';
import { answerFoodChoice, bareFoodLogDecision, foodLogDecision, withoutFoodChoice } from './food-choice.ts';

const base: Decision = {
  replies: [],
  state: { stage: 'ready', bodyDone: true },
  profile: {},
  locale: 'en',
  consentChanges: [],
  mayLogBodies: true,
  eraseProfile: false,
};
const YOGURTS = ['yogurt-greek-plain-nonfat', 'yogurt-plain-whole'];
const FISH = ['salmon-atlantic-raw', 'tilapia-raw', 'cod-raw', 'tuna-light-canned-water'];
const choice = (options: string[]) => ({ phrase: 'a cup of yogurt', options, accompaniment: false });
const chosenId = (text: string, options = YOGURTS) => {
  const effect = answerFoodChoice(text, choice(options), base)?.effect;
  return effect?.kind === 'log_food' ? effect.chosen?.foodId : undefined;
};

describe('a food-log question remembered in the dialogue state', () => {
  it('is remembered with the phrase and the options in the order asked', () => {
    const decision = foodLogDecision('had a cup of yogurt and a banana', base);
    expect(decision.state.foodChoice).toEqual({
      phrase: 'a cup of yogurt',
      options: YOGURTS,
      accompaniment: false,
    });
    expect(decision.effect).toEqual({ kind: 'log_food', text: 'had a cup of yogurt and a banana' });
  });

  it('is not set when the parser is sure', () => {
    expect(foodLogDecision('had 2 eggs', base).state.foodChoice).toBeUndefined();
  });

  it('lapses: every decision starts without it', () => {
    expect(withoutFoodChoice({ ...base.state, foodChoice: choice(YOGURTS) })).toEqual(base.state);
  });

  it('reads back as nothing when unreadable, keeping the rest of the state', () => {
    const state = parseDialogueState({ stage: 'ready', bodyDone: true, foodChoice: { phrase: 7 } });
    expect(state).toEqual({ stage: 'ready', bodyDone: true });
  });
});

describe('answering "did you mean …?"', () => {
  it.each([
    ['greek', YOGURTS[0]],
    ['Greek yogurt', YOGURTS[0]],
    ['the greek one', YOGURTS[0]],
    ['plain', YOGURTS[1]],
    ['natural', YOGURTS[1]],
    ['griego', YOGURTS[0]],
    ['1', YOGURTS[0]],
    ['#2', YOGURTS[1]],
    ['the first one', YOGURTS[0]],
    ['second', YOGURTS[1]],
    ['la segunda', YOGURTS[1]],
    ['el primero', YOGURTS[0]],
    ['the last one', YOGURTS[1]],
  ])('%j picks %s', (text, id) => {
    expect(chosenId(text)).toBe(id);
  });

  it.each([
    ['cod', FISH[2]],
    ['bacalao', FISH[2]],
    ['salmón', FISH[0]],
    ['3', FISH[2]],
    ['4th', FISH[3]],
  ])('%j picks %s among fish', (text, id) => {
    expect(chosenId(text, FISH)).toBe(id);
  });

  it.each([
    'yogurt',
    'the third one',
    '3',
    'yes',
    'no greek',
    'summary',
    '',
    'I had the greek one this morning ok',
  ])('%j is not an answer', (text) => {
    expect(answerFoodChoice(text, choice(YOGURTS), base)).toBeUndefined();
  });

  it('logs the original phrase as the chosen food', () => {
    expect(answerFoodChoice('plain', choice(YOGURTS), base)?.effect).toEqual({
      kind: 'log_food',
      text: 'a cup of yogurt',
      chosen: { foodId: YOGURTS[1], accompaniment: false },
    });
  });

  it('answers nothing when no question is pending', () => {
    expect(answerFoodChoice('greek', undefined, base)).toBeUndefined();
  });
});

describe('a message that is only food', () => {
  it.each(['2 eggs and toast for breakfast', 'a banana and a coffee', 'dos huevos y una tostada'])(
    '%j is logged',
    (text) => {
      expect(bareFoodLogDecision(text, base)?.effect?.kind).toBe('log_food');
    },
  );

  it.each([
    'banana',
    'griego',
    'thanks a lot',
    'a pizza and a banana',
    'what about rice?',
    'I hate fish',
    'exportar mis datos',
    'delete my data',
    '2 bananna',
  ])('%j is not', (text) => {
    expect(bareFoodLogDecision(text, base)).toBeUndefined();
  });
});
