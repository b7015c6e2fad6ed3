import { describe, expect, it } from 'vitest';
import { splitLinks } from '../src/linkify.ts';

describe('splitLinks', () => {
  it('leaves text without URLs as one text segment', () => {
    expect(splitLinks('Eat more beans.')).toEqual([{ kind: 'text', text: 'Eat more beans.' }]);
  });

  it('splits out an http(s) URL and keeps the sentence punctuation outside it', () => {
    expect(splitLinks('Your plan: https://example.test/p/abc. Enjoy!')).toEqual([
      { kind: 'text', text: 'Your plan: ' },
      { kind: 'link', text: 'https://example.test/p/abc', href: 'https://example.test/p/abc' },
      { kind: 'text', text: '. Enjoy!' },
    ]);
  });

  it('drops an unbalanced closing parenthesis but keeps a balanced one', () => {
    expect(splitLinks('(see https://a.test/x)')[1]).toMatchObject({ text: 'https://a.test/x' });
    expect(splitLinks('https://a.test/Foo_(bar)')[0]).toMatchObject({ text: 'https://a.test/Foo_(bar)' });
  });

  it('never links other schemes or stops at markup characters', () => {
    expect(splitLinks('javascript:alert(1) data:text/html,x')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) data:text/html,x' },
    ]);
    expect(splitLinks('https://a.test/<img>')[0]).toMatchObject({ kind: 'link', text: 'https://a.test/' });
  });

  it('rebuilds the original text from its segments', () => {
    const text = 'Two links: http://a.test and https://b.test/q?x=1&y=2, then more.\nNew line.';
    expect(
      splitLinks(text)
        .map((segment) => segment.text)
        .join(''),
    ).toBe(text);
  });
});
