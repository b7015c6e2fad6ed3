import { describe, expect, it } from 'vitest';
import { countSegments, MAX_REPLY_SEGMENTS } from '../conversation/sms-segments.ts';
import { ADULT_FLOOR_KCAL } from '../nutrition/targets/energy-policy.ts';
import {
  buildKnowledgeBase,
  KNOWLEDGE_FILES,
  KnowledgeBaseError,
  loadKnowledgeBase,
} from './knowledge-base.ts';
import { KNOWLEDGE_TOPICS } from './knowledge-entry.ts';
import { knowledgeReply } from './knowledge-reply.ts';

const kb = loadKnowledgeBase();
const sides = kb.entries.flatMap((entry) => (['en', 'es'] as const).map((locale) => ({ entry, locale })));
const lowestFloor = Math.min(ADULT_FLOOR_KCAL.female, ADULT_FLOOR_KCAL.male);

describe('knowledge base (service/data/knowledge)', () => {
  it('validates, with at least 120 entries and unique ids', () => {
    expect(kb.entries.length).toBeGreaterThanOrEqual(120);
    expect(new Set(kb.entries.map((entry) => entry.id)).size).toBe(kb.entries.length);
  });

  it('covers every topic the issue names', () => {
    const topics = new Set(kb.entries.map((entry) => entry.topic));
    expect([...KNOWLEDGE_TOPICS].filter((topic) => !topics.has(topic))).toEqual([]);
  });

  it('refuses a duplicate id and a malformed entry, naming the file', () => {
    const [first] = kb.entries;
    expect(() => buildKnowledgeBase({ 'a.json': [first], 'b.json': [first] })).toThrow(
      /b\.json: duplicate id/,
    );
    expect(() => buildKnowledgeBase({ 'c.json': [{ ...first, sources: [] }] })).toThrow(KnowledgeBaseError);
    expect(() =>
      buildKnowledgeBase({ 'd.json': [{ ...first, sources: [{ org: 'Blog', title: 'My diet tips' }] }] }),
    ).toThrow(/d\.json/);
  });

  it('every file holds entries', () => {
    for (const [file, data] of Object.entries(KNOWLEDGE_FILES)) expect(Array.isArray(data), file).toBe(true);
  });

  it.each(sides)(
    '$entry.id ($locale): the reply with its source fits three SMS segments',
    ({ entry, locale }) => {
      const reply = knowledgeReply(entry, locale);
      expect(reply.startsWith(entry[locale].answer)).toBe(true);
      expect(reply).toMatch(locale === 'en' ? /Source: / : /Fuente: /);
      expect(countSegments(reply).segments, reply).toBeLessThanOrEqual(MAX_REPLY_SEGMENTS);
    },
  );

  it.each(sides)(
    '$entry.id ($locale): no URL, no allergen-free promise, no calories under the floor',
    ({ entry, locale }) => {
      const { answer } = entry[locale];
      expect(answer).not.toMatch(/https?:|www\./i);
      expect(answer).not.toMatch(/allergen[- ]?free|libre de al[eé]rgenos|sin al[eé]rgenos/i);
      // Any calorie figure of a day's size is at or above the unsupervised floor ("per 1,000 kcal" is a rate).
      for (const match of answer.matchAll(/(?<!\b(?:per|por|cada) )(\d[\d.,]*)\s*(?:kcal|calor)/gi)) {
        const kcal = Number((match[1] ?? '').replace(/[.,](?=\d{3}\b)/g, '').replace(',', '.'));
        if (kcal >= 100) expect(kcal, answer).toBeGreaterThanOrEqual(lowestFloor);
      }
    },
  );

  it('condition entries send the reader to a clinician', () => {
    const clinician = kb.entries.filter((entry) => entry.topic === 'clinician');
    expect(clinician.length).toBeGreaterThanOrEqual(10);
    for (const entry of clinician) {
      expect(entry.en.answer, entry.id).toMatch(/clinician|nephrologist|dietitian|doctor/i);
      expect(entry.es.answer, entry.id).toMatch(/m[ée]dico|nefr[óo]logo|dietista/i);
    }
  });

  it('supplement entries state no dose beyond the ODS upper limits, and defer to a clinician', () => {
    const supplements = kb.entries.filter((entry) => entry.topic === 'supplements');
    for (const entry of supplements) expect(entry.en.answer, entry.id).not.toMatch(/\btake \d/i);
    expect(supplements.every((entry) => entry.sources.length > 0)).toBe(true);
  });
});
