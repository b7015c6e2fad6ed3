import allergensLabels from '../../../data/knowledge/allergens-labels.json' with { type: 'json' };
import budget from '../../../data/knowledge/budget.json' with { type: 'json' };
import clinician from '../../../data/knowledge/clinician.json' with { type: 'json' };
import drinks from '../../../data/knowledge/drinks.json' with { type: 'json' };
import fibreSodiumSugar from '../../../data/knowledge/fibre-sodium-sugar.json' with { type: 'json' };
import foodSafety from '../../../data/knowledge/food-safety.json' with { type: 'json' };
import general from '../../../data/knowledge/general.json' with { type: 'json' };
import macros from '../../../data/knowledge/macros.json' with { type: 'json' };
import micronutrients from '../../../data/knowledge/micronutrients.json' with { type: 'json' };
import myths from '../../../data/knowledge/myths.json' with { type: 'json' };
import supplements from '../../../data/knowledge/supplements.json' with { type: 'json' };
import { type KnowledgeEntry, knowledgeFileSchema } from './knowledge-entry.ts';

/** The data files of `service/data/knowledge/`, one per topic group, by file name. */
export const KNOWLEDGE_FILES: Readonly<Record<string, unknown>> = {
  'allergens-labels.json': allergensLabels,
  'budget.json': budget,
  'clinician.json': clinician,
  'drinks.json': drinks,
  'fibre-sodium-sugar.json': fibreSodiumSugar,
  'food-safety.json': foodSafety,
  'general.json': general,
  'macros.json': macros,
  'micronutrients.json': micronutrients,
  'myths.json': myths,
  'supplements.json': supplements,
};

export interface KnowledgeBase {
  readonly entries: readonly KnowledgeEntry[];
  get(id: string): KnowledgeEntry | undefined;
}

/** A data file that fails its schema, or two entries with one id: a build fault, reported with the file. */
export class KnowledgeBaseError extends Error {
  override readonly name = 'KnowledgeBaseError';
}

export function buildKnowledgeBase(files: Readonly<Record<string, unknown>>): KnowledgeBase {
  const byId = new Map<string, KnowledgeEntry>();
  for (const [file, data] of Object.entries(files)) {
    const parsed = knowledgeFileSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new KnowledgeBaseError(`${file}: ${issue?.path.join('.')}: ${issue?.message}`, {
        cause: parsed.error,
      });
    }
    for (const entry of parsed.data) {
      if (byId.has(entry.id)) throw new KnowledgeBaseError(`${file}: duplicate id ${entry.id}`);
      byId.set(entry.id, entry);
    }
  }
  const entries = [...byId.values()];
  return { entries, get: (id) => byId.get(id) };
}

let memo: KnowledgeBase | undefined;

/** The product's knowledge base, validated once and kept. */
export function loadKnowledgeBase(): KnowledgeBase {
  memo ??= buildKnowledgeBase(KNOWLEDGE_FILES);
  return memo;
}
