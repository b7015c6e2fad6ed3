import { z } from 'zod';

/** The bodies the knowledge base may cite (issue 7): nothing else counts as a source. */
export const SOURCE_ORGS = ['WHO', 'DGA', 'NIH ODS', 'FDA', 'CDC'] as const;
export type SourceOrg = (typeof SOURCE_ORGS)[number];

export const KNOWLEDGE_TOPICS = [
  'macros',
  'fibre',
  'sodium',
  'sugar',
  'hydration',
  'micronutrients',
  'supplements',
  'food_safety',
  'allergens',
  'labels',
  'budget',
  'clinician',
  'myths',
  'general',
] as const;
export type KnowledgeTopic = (typeof KNOWLEDGE_TOPICS)[number];

const sideSchema = z
  .object({
    question: z.string().min(5).max(160),
    answer: z.string().min(20).max(600),
    /** Words and phrases people use for this question; matched after normalisation. */
    terms: z.array(z.string().min(2).max(60)).min(1).max(20),
  })
  .strict();

export const knowledgeEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case id'),
    topic: z.enum(KNOWLEDGE_TOPICS),
    /** The page or document the answer rests on, by title; nothing is fetched at run time. */
    sources: z
      .array(z.object({ org: z.enum(SOURCE_ORGS), title: z.string().min(5).max(200) }).strict())
      .min(1),
    en: sideSchema,
    es: sideSchema,
  })
  .strict();

export type KnowledgeEntry = z.infer<typeof knowledgeEntrySchema>;
export const knowledgeFileSchema = z.array(knowledgeEntrySchema).min(1);
