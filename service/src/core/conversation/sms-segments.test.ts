import { describe, expect, it } from 'vitest';
import { countSegments, fitToSegments, isGsm7 } from './sms-segments.ts';

describe('countSegments', () => {
  it.each([
    ['', 'GSM-7', 1],
    ['a'.repeat(160), 'GSM-7', 1],
    ['a'.repeat(161), 'GSM-7', 2],
    ['a'.repeat(306), 'GSM-7', 2],
    ['a'.repeat(307), 'GSM-7', 3],
    ['a'.repeat(459), 'GSM-7', 3],
    ['a'.repeat(460), 'GSM-7', 4],
    ['ñ'.repeat(160), 'GSM-7', 1],
    ['á'.repeat(70), 'UCS-2', 1],
    ['á'.repeat(71), 'UCS-2', 2],
    ['á'.repeat(134), 'UCS-2', 2],
    ['á'.repeat(135), 'UCS-2', 3],
  ])('case %# → %s in %i segment(s)', (text, encoding, segments) => {
    expect(countSegments(text)).toMatchObject({ encoding, segments });
  });

  it('counts extension characters as two septets', () => {
    expect(countSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('€'.repeat(81)).segments).toBe(2);
  });

  it('counts an emoji as two UCS-2 units', () => {
    expect(countSegments('🥑')).toEqual({ encoding: 'UCS-2', units: 2, segments: 1 });
  });

  it('knows which characters are GSM-7', () => {
    expect(isGsm7('Hola, ¿qué tal? 5€')).toBe(true); // é, ¿ and € are all in GSM-7
    expect(isGsm7('¿Está bien?')).toBe(false); // á is not
    expect(isGsm7('Price: $5 {ok}')).toBe(true);
    expect(isGsm7('Café')).toBe(true);
    expect(isGsm7('Canción')).toBe(false);
  });
});

describe('fitToSegments', () => {
  const link = 'http://localhost:3000/m/abc';

  it('leaves a reply of three segments or fewer unchanged', () => {
    const text = 'Short reply.';
    expect(fitToSegments(text, link)).toBe(text);
  });

  it('cuts a long reply to whole sentences plus the link, within three segments', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Sentence number ${i + 1} is here.`).join(' ');
    const fitted = fitToSegments(text, link);
    expect(countSegments(fitted).segments).toBeLessThanOrEqual(3);
    expect(fitted.endsWith(link)).toBe(true);
    expect(fitted.startsWith('Sentence number 1 is here.')).toBe(true);
    expect(fitted).toMatch(/here\. \.\.\. More: /);
  });

  it('cuts a single endless sentence at a word boundary', () => {
    const text = 'word '.repeat(200).trim();
    const fitted = fitToSegments(text, link);
    expect(countSegments(fitted).segments).toBeLessThanOrEqual(3);
    expect(fitted).toMatch(/^word( word)* \.\.\. More: /);
  });

  it('stays GSM-7 when the text is: the cut adds no character outside it', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Line ${i + 1} of plain text.`).join(' ');
    expect(countSegments(fitToSegments(text, link)).encoding).toBe('GSM-7');
  });

  it('keeps as many items of a list as fit, and whole numbers and links', () => {
    const list = Array.from({ length: 80 }, (_, i) => `${i + 1}x item ${i + 1}`).join(', ');
    const fitted = fitToSegments(
      `Total $44.64 (see https://coach.example.org/p/abc). Produce: ${list}.`,
      link,
    );
    expect(fitted).toContain('$44.64');
    expect(fitted).toContain('https://coach.example.org/p/abc');
    expect(fitted).toMatch(/Produce: 1x item 1, 2x item 2, .*item \d+ \.\.\. More: /);
    expect(countSegments(fitted).segments).toBeLessThanOrEqual(3);
  });

  it('respects the UCS-2 budget when the text needs it', () => {
    const text = 'Canción número uno. '.repeat(20);
    const fitted = fitToSegments(text, link);
    expect(countSegments(fitted)).toMatchObject({ encoding: 'UCS-2' });
    expect(countSegments(fitted).segments).toBeLessThanOrEqual(3);
  });
});
