/**
 * npm run bench:language — the language response cache replaying a seeded trace (bench/language-trace.ts) against
 * a fake model that counts its calls and tokens (no network). Four strategies in one run over the same trace:
 * no cache, an exact-text cache that stores everything (the naive baseline), an exact-text cache with the
 * product's cacheability policy, and the product's cache (`CachedLanguageModel`: normalised question + policy).
 *
 * Printed per strategy: model calls and those saved against no cache, the hit rate on cacheable (general)
 * questions, personal messages answered from the cache, cross-user leaks (a user served an answer the model gave
 * for another user's personal message — must be 0), answers that differ from what the model would have said for
 * that message, and estimated tokens. Environment: BENCH_SEED (default 20261126), BENCH_USERS (120),
 * BENCH_MESSAGES (1200); BENCH_MIN_SCORE (say 0.55) adds a row keying by the entry only above that match score.
 * Always exits 0.
 */
import { createHash } from 'node:crypto';
import { MemoryCache } from '../src/adapters/memory-cache/memory-cache.ts';
import { CachedLanguageModel, charTokenEstimate } from '../src/core/knowledge/cached-language-model.ts';
import { loadKnowledgeBase } from '../src/core/knowledge/knowledge-base.ts';
import { registerLanguageMetrics } from '../src/core/knowledge/language-metrics.ts';
import {
  createQuestionNormaliser,
  type QuestionNormaliser,
} from '../src/core/knowledge/question-cache-key.ts';
import { MetricsRegistry } from '../src/core/metrics/metrics-registry.ts';
import type {
  ClassifyRequest,
  LanguageModel,
  PhraseRequest,
  QuestionAnswer,
  QuestionRequest,
} from '../src/core/ports/language-model.port.ts';
import { buildTrace, type Meaning, type TraceMessage } from './language-trace.ts';

const SEED = Number(process.env.BENCH_SEED ?? 20_261_126);
const USERS = Number(process.env.BENCH_USERS ?? 120);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1200);
const MIN_SCORE = Number(process.env.BENCH_MIN_SCORE ?? 0);
/** What one call is assumed to cost beyond the question: system prompt, tools and knowledge-base index. */
const PROMPT_TOKENS = 1200;
const ANSWER_TOKENS = 30;
const TARGET_HIT_RATE = 0.8;

interface Turn {
  message: TraceMessage;
  personal: boolean;
}

/** Answers as a model would — the meaning's entry, or "no match" — tagging each answer with who it was for. */
class FakeModel implements LanguageModel {
  readonly provider = 'bedrock' as const;
  calls = 0;
  tokens = 0;
  current: Turn | undefined;
  constructor(private readonly meanings: ReadonlyMap<string, Meaning>) {}

  async answerQuestion(request: QuestionRequest): Promise<QuestionAnswer> {
    this.calls++;
    this.tokens += PROMPT_TOKENS + Math.ceil(request.text.length / 4) + ANSWER_TOKENS;
    const turn = this.current;
    if (turn === undefined) throw new Error('no current turn');
    if (turn.personal)
      return { kind: 'answer', entryId: `personal:${turn.message.user}~${this.calls}`, topic: 'general' };
    const entryId = this.meanings.get(turn.message.meaning ?? '')?.entryId ?? null;
    return entryId === null
      ? { kind: 'no_match' }
      : { kind: 'answer', entryId: `${entryId}~${this.calls}`, topic: 'general' };
  }

  async classify(_request: ClassifyRequest): Promise<never> {
    throw new Error('not used by the bench');
  }

  async phrase(_request: PhraseRequest): Promise<never> {
    throw new Error('not used by the bench');
  }
}

/** The naive baseline: exact text and language as the key, every answer stored, personal ones included. */
class ExactTextCache implements LanguageModel {
  readonly provider;
  readonly #answers = new Map<string, QuestionAnswer>();
  constructor(private readonly model: LanguageModel) {
    this.provider = model.provider;
  }
  async answerQuestion(request: QuestionRequest): Promise<QuestionAnswer> {
    const key = `${request.locale}|${request.text}`;
    const found = this.#answers.get(key);
    if (found) return found;
    const answer = await this.model.answerQuestion(request);
    this.#answers.set(key, answer);
    return answer;
  }
  classify = () => this.model.classify({ text: '', locale: 'en' });
  phrase = () => this.model.phrase({ locale: 'en', tool: 'make_plan', draft: '' });
}

interface Result {
  name: string;
  calls: number;
  tokens: number;
  general: number;
  generalHits: number;
  /** Hits whose answer is what the model would have said for this message. */
  correctHits: number;
  personalFromCache: number;
  leaks: number;
  differs: number;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');
const body = (answer: QuestionAnswer) =>
  answer.kind === 'answer' ? (answer.entryId.split('~')[0] ?? '') : 'no_match';

async function replay(
  name: string,
  turns: Turn[],
  meanings: ReadonlyMap<string, Meaning>,
  wrap: (model: FakeModel) => LanguageModel,
): Promise<Result> {
  const model = new FakeModel(meanings);
  const language = wrap(model);
  const result: Result = {
    name,
    calls: 0,
    tokens: 0,
    general: 0,
    generalHits: 0,
    correctHits: 0,
    personalFromCache: 0,
    leaks: 0,
    differs: 0,
  };
  for (const turn of turns) {
    model.current = turn;
    const before = model.calls;
    const answer = await language.answerQuestion({ text: turn.message.text, locale: turn.message.locale });
    const fromCache = model.calls === before;
    const served = body(answer);
    const owner = served.startsWith('personal:') ? served.slice('personal:'.length) : undefined;
    if (owner !== undefined && owner !== turn.message.user) result.leaks++;
    if (turn.personal) {
      if (fromCache) result.personalFromCache++;
      if (owner !== turn.message.user) result.differs++;
    } else {
      result.general++;
      if (fromCache) result.generalHits++;
      const expected = meanings.get(turn.message.meaning ?? '')?.entryId ?? 'no_match';
      if (served !== expected) result.differs++;
      else if (fromCache) result.correctHits++;
    }
  }
  result.calls = model.calls;
  result.tokens = model.tokens;
  return result;
}

function productCache(model: LanguageModel, normalise: QuestionNormaliser): LanguageModel {
  const clock = { now: () => new Date('2026-11-26T12:00:00Z') };
  return new CachedLanguageModel(model, {
    cache: new MemoryCache({ clock, maxEntries: 100_000 }),
    ttlSeconds: 86_400,
    modelId: 'fake-model',
    promptVersion: 'bench',
    normalise,
    digest,
    metrics: registerLanguageMetrics(new MetricsRegistry()),
    estimateTokens: charTokenEstimate(PROMPT_TOKENS + ANSWER_TOKENS),
  });
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`;
const thousands = (value: number) => value.toLocaleString('en-US');

async function main(): Promise<void> {
  const { meanings, messages } = buildTrace({
    seed: SEED,
    users: USERS,
    messages: MESSAGES,
    personalShare: 0.3,
    spanishShare: 0.35,
    zipfS: 1.1,
  });
  const byId = new Map(meanings.map((meaning) => [meaning.id, meaning]));
  const turns: Turn[] = messages.map((message) => ({ message, personal: message.meaning === undefined }));
  const general = turns.filter((turn) => !turn.personal);
  const distinctAsked = new Set(general.map((turn) => `${turn.message.locale}|${turn.message.meaning}`)).size;
  const distinctMeanings = new Set(general.map((turn) => turn.message.meaning)).size;
  const variants = meanings.reduce(
    (sum, meaning) => sum + meaning.variants.en.length + meaning.variants.es.length,
    0,
  );

  const normalise = createQuestionNormaliser(loadKnowledgeBase());
  /** Optional: key by the entry only above this match score (BENCH_MIN_SCORE), to see the trade-off. */
  const stricter = createQuestionNormaliser(loadKnowledgeBase(), MIN_SCORE);
  const results = [
    await replay('no cache', turns, byId, (model) => model),
    await replay('exact text, everything stored (naive)', turns, byId, (model) => new ExactTextCache(model)),
    await replay('exact text + cacheability policy', turns, byId, (model) =>
      productCache(model, (text) => `raw:${text}`),
    ),
    await replay('normalised question + policy, one cache per language', turns, byId, (model) => {
      const perLanguage = { en: productCache(model, normalise), es: productCache(model, normalise) };
      const routed: LanguageModel = {
        provider: model.provider,
        classify: (request) => model.classify(request),
        phrase: (request) => model.phrase(request),
        answerQuestion: (request) => perLanguage[request.locale].answerQuestion(request),
      };
      return routed;
    }),
    await replay('normalised question + policy (product)', turns, byId, (model) =>
      productCache(model, normalise),
    ),
    ...(MIN_SCORE > 0
      ? [
          await replay(`normalised, entry only at match score ≥ ${MIN_SCORE}`, turns, byId, (model) =>
            productCache(model, stricter),
          ),
        ]
      : []),
  ];
  const baseline = results[0];
  if (baseline === undefined) return;

  console.log(`language cache bench — ${new Date().toISOString()} — Node ${process.version}, seed ${SEED}`);
  console.log(
    `trace: ${messages.length} messages from ${new Set(messages.map((m) => m.user)).size} users ` +
      `(${general.length} general questions, ${turns.length - general.length} personal); ` +
      `${meanings.length} distinct general questions (${meanings.filter((m) => m.entryId).length} knowledge-base, ` +
      `${meanings.filter((m) => !m.entryId).length} outside it) with ${variants} phrasings EN/ES; Zipf s = 1.1`,
  );
  console.log(
    `ceiling: ${distinctMeanings} distinct questions asked → at most ` +
      `${percent(general.length - distinctMeanings, general.length)} of general questions can be hits with one ` +
      `entry per question; ${distinctAsked} distinct (question, language) pairs → at most ` +
      `${percent(general.length - distinctAsked, general.length)} with one per language\n`,
  );
  console.log(
    '| strategy | model calls | calls saved | hit rate, cacheable | of which right | personal from cache | cross-user leaks | answers ≠ model | est. tokens | tokens saved |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.name} | ${thousands(r.calls)} | ${thousands(baseline.calls - r.calls)} (${percent(baseline.calls - r.calls, baseline.calls)}) | ` +
        `${percent(r.generalHits, r.general)} | ${percent(r.correctHits, r.general)} | ${r.personalFromCache} | ${r.leaks} | ${r.differs} | ` +
        `${thousands(r.tokens)} | ${percent(baseline.tokens - r.tokens, baseline.tokens)} |`,
    );
  const product = results.find((result) => result.name.endsWith('(product)'));
  if (product) {
    const rate = product.generalHits / product.general;
    console.log(
      `\nproduct: hit rate ${percent(product.generalHits, product.general)} on cacheable questions — target ≥ ${TARGET_HIT_RATE * 100} % ` +
        `${rate >= TARGET_HIT_RATE ? 'met' : 'NOT met'}; cross-user leaks ${product.leaks} — target 0 ${product.leaks === 0 ? 'met' : 'NOT met'}`,
    );
  }
}

await main();
