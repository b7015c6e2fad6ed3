import { describe, expect, it } from 'vitest';
import { classifyKeyword } from './keywords.ts';

describe('classifyKeyword', () => {
  it.each([
    ['STOP', 'opt_out'],
    ['stop', 'opt_out'],
    ['  Stop. ', 'opt_out'],
    ['STOPALL', 'opt_out'],
    ['unsubscribe', 'opt_out'],
    ['Cancel', 'opt_out'],
    ['END', 'opt_out'],
    ['quit', 'opt_out'],
    ['OPTOUT', 'opt_out'],
    ['revoke', 'opt_out'],
    ['PARAR', 'opt_out'],
    ['cancelar', 'opt_out'],
    ['Detener', 'opt_out'],
    // AWS End User Messaging's default opt-out words: AWS opts the number out on these, so we must too.
    ['ARRET', 'opt_out'],
    ['arrêt', 'opt_out'],
    ['OPT-OUT', 'opt_out'],
    ['opt out', 'opt_out'],
    ['REMOVE', 'opt_out'],
    ['td', 'opt_out'],
    ['START', 'opt_in'],
    ['unstop', 'opt_in'],
    ['comenzar', 'opt_in'],
    ['YES', 'affirmative'],
    ['sí', 'affirmative'],
    ['SI', 'affirmative'],
    ['help', 'help'],
    ['INFO', 'help'],
    ['¿Ayuda?', 'help'],
  ])('%j is %s', (text, kind) => {
    expect(classifyKeyword(text)?.kind).toBe(kind);
  });

  it.each([
    'stop sending me recipes',
    'please stop',
    'help me plan dinner',
    'yes please',
    'stopp',
    '',
    'remove fish',
    'remove Ana',
  ])('%j is not a keyword (whole-message rule)', (text) => {
    expect(classifyKeyword(text)).toBeUndefined();
  });

  it('marks Spanish keywords so the reply can be in Spanish', () => {
    expect(classifyKeyword('AYUDA')?.spanish).toBe(true);
    expect(classifyKeyword('HELP')?.spanish).toBe(false);
  });
});
