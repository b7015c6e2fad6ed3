/**
 * npm run bench:planner — the HiGHS meal planner against a random planner (as Mealie and Tandoor pick) on a fixed
 * set of households, in one run: median and p95 time per plan, status, cost against the whole-week LP bound, the
 * share of member-days within ±5 % of the energy target and the violations found by the independent plan checker.
 * Runs per profile: BENCH_RUNS (default 5). Prints figures and always exits 0.
 */

import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { composePlanner } from '../src/composition/planner.ts';
import { planWhyEnglish } from '../src/core/conversation/messages/plan-why-text.ts';
import { memberTargets } from '../src/core/planning/member-targets.ts';
import { checkPlan, type PlanCheck } from '../src/core/planning/plan-check.ts';
import type { PlanResult } from '../src/core/planning/plan-result.ts';
import { BENCH_PROFILES, type BenchProfile } from './planner-profiles.ts';
import { randomPlan } from './random-planner.ts';

const RUNS = runsFromEnv(process.env.BENCH_RUNS);
/** Base seed of the random planner; run r of profile p uses SEED + 1000 · p + r. */
const SEED = 20_261_126;
const GOAL_SINGLE_MS = 200;
const GOAL_FOUR_MS = 750;
const GOAL_COST_RATIO = 1.1;

interface Run {
  ms: number;
  plan: PlanResult;
  /** What the table shows as the status of this run. */
  label: string;
  check: PlanCheck;
}

interface Row {
  profile: BenchProfile;
  runs: Run[];
  /** The whole-week LP bound of the HiGHS planner for this profile (the same bound for both planners). */
  lpBound: number | null;
}

function runsFromEnv(value: string | undefined): number {
  const runs = Number(value ?? 5);
  return Number.isInteger(runs) && runs >= 1 ? runs : 5;
}

async function main(): Promise<void> {
  const planner = composePlanner();
  const data = { foods: planner.foods, recipes: planner.recipes };
  const first = BENCH_PROFILES[0];
  if (first === undefined) return;

  // Untimed warm-up: WebAssembly instantiation of HiGHS, JSON parsing of the databases, JIT of both planners.
  const warmStarted = performance.now();
  await planner.planWeek(first.request);
  randomPlan(first.request, data, SEED - 1);
  const warmMs = performance.now() - warmStarted;

  const machine = cpus();
  console.log(
    `bench:planner ${new Date().toISOString()} · ${machine.length} cores (${machine[0]?.model.trim() ?? 'unknown CPU'}) · Node ${process.versions.node}`,
  );
  console.log(`Tree: ${gitRevision()} · load average at start ${loadText()}`);
  console.log(
    `${RUNS} timed runs per profile and planner (BENCH_RUNS); p95 is nearest-rank (with 5 runs, the slowest). ` +
      `One untimed warm-up plan first (${Math.round(warmMs)} ms: HiGHS WebAssembly load, data parsing, JIT) — not counted.`,
  );
  console.log(
    `Random planner: mulberry32, base seed ${SEED}; run r of profile p uses seed ${SEED} + 1000·p + r.`,
  );
  console.log('Time is performance.now() around one planWeek() / randomPlan() call.\n');

  console.log('Profiles and the daily energy targets the planner computed for them:');
  for (const profile of BENCH_PROFILES) console.log(`  ${describeProfile(profile)}`);
  console.log('');

  const highs: Row[] = [];
  const random: Row[] = [];
  for (const [p, profile] of BENCH_PROFILES.entries()) {
    const request = profile.request;
    const highsRuns: Run[] = [];
    for (let r = 0; r < RUNS; r++) {
      const started = performance.now();
      const plan = await planner.planWeek(request);
      const ms = performance.now() - started;
      highsRuns.push({ ms, plan, label: plan.status, check: checkPlan(request, plan, data) });
    }
    const lpBound = highsRuns.find((run) => run.plan.solver.lpBound !== null)?.plan.solver.lpBound ?? null;
    highs.push({ profile, runs: highsRuns, lpBound });

    const randomRuns: Run[] = [];
    for (let r = 0; r < RUNS; r++) {
      const started = performance.now();
      const { plan, label } = randomPlan(request, data, SEED + 1000 * p + r);
      const ms = performance.now() - started;
      randomRuns.push({ ms, plan, label, check: checkPlan(request, plan, data) });
    }
    random.push({ profile, runs: randomRuns, lpBound });
    console.error(`  … ${profile.id} done`);
  }

  for (const [title, rows] of [
    ['HiGHS planner (planWeek)', highs],
    ['Random planner (uniform recipe per slot, portions scaled to energy)', random],
  ] as const) {
    console.log(`\n### ${title}\n`);
    printTable(rows);
    console.log('');
    printViolationCodes(rows);
  }

  console.log(`\nLoad average at end ${loadText()} (1, 5, 15 min; ${machine.length} cores).`);
  console.log('\n### Goals (issue 3, item 8)\n');
  printGoals('HiGHS planner', highs);
  printGoals('Random planner', random);
}

/** The commit the figures were measured on, and whether the working tree had uncommitted changes. */
function gitRevision(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain').length > 0;
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown (no git)';
  }
}

function describeProfile({ id, label, request }: BenchProfile): string {
  const targets = memberTargets(request);
  const kcal = targets.ok
    ? targets.members.map((member) => `${member.name} ${fmtInt(member.kcal)} kcal`).join(', ')
    : `refused: ${planWhyEnglish(targets.why)}`;
  const filters = [
    request.diet,
    ...request.allergies.map((a) => `no ${a}`),
    ...request.dislikes.map((d) => `dislikes ${d}`),
  ];
  return `${id.padEnd(9)} ${label}: ${filters.join(', ')}; $${request.budget.amount}/week, ${request.days} days, weekday prep ≤ ${request.maxPrepMinutesWeekday} min → ${kcal}`;
}

// ── figures ──────────────────────────────────────────────────────────────────────────────────────────────────

interface Figures {
  medianMs: number;
  p95Ms: number;
  status: string;
  /** Median cost over runs with a priced plan (also the over-budget plan an infeasible result names); null if none. */
  cost: number | null;
  costRatio: number | null;
  /** Some priced plan was not returned (infeasible: its cost is over the budget). */
  costNotReturned: boolean;
  /** Runs that returned meals. */
  planned: number;
  inWindow: number;
  memberDays: number;
  violationsPerPlan: number;
  allergenOrDiet: number;
}

function figures(row: Row): Figures {
  const priced = row.runs.filter((run) => run.plan.cost.total > 0);
  const costs = priced.map((run) => run.plan.cost.total);
  const ratios =
    row.lpBound !== null && row.lpBound > 0 ? costs.map((cost) => cost / (row.lpBound as number)) : [];
  const violations = row.runs.flatMap((run) => run.check.violations);
  return {
    medianMs: median(row.runs.map((run) => run.ms)),
    p95Ms: percentile(
      row.runs.map((run) => run.ms),
      0.95,
    ),
    status: statusLabel(row.runs),
    cost: costs.length > 0 ? median(costs) : null,
    costRatio: ratios.length > 0 ? median(ratios) : null,
    costNotReturned: priced.some((run) => run.plan.days.length === 0),
    planned: row.runs.filter((run) => run.plan.days.length > 0).length,
    inWindow: sum(row.runs.map((run) => run.check.memberDaysInEnergyWindow)),
    memberDays: sum(row.runs.map((run) => run.check.memberDays)),
    violationsPerPlan: violations.length / row.runs.length,
    allergenOrDiet: violations.filter((v) => v.code === 'allergen' || v.code === 'diet').length,
  };
}

function statusLabel(runs: readonly Run[]): string {
  const counts = new Map<string, number>();
  for (const run of runs) counts.set(run.label, (counts.get(run.label) ?? 0) + 1);
  if (counts.size === 1) return [...counts.keys()][0] ?? '';
  return [...counts].map(([label, count]) => `${label} ${count}/${runs.length}`).join(', ');
}

function printTable(rows: readonly Row[]): void {
  const header = [
    'profile',
    'median ms',
    'p95 ms',
    'status',
    'cost $',
    'LP bound $',
    'cost/LP',
    'member-days ±5 %',
    'violations/plan',
    'allergen+diet',
  ];
  const body: string[][] = [];
  const all = rows.map((row) => ({ row, f: figures(row) }));
  for (const { row, f } of all) {
    body.push([
      row.profile.id,
      fmtMs(f.medianMs),
      fmtMs(f.p95Ms),
      f.status,
      f.cost === null ? '—' : `${f.cost.toFixed(2)}${f.costNotReturned ? '*' : ''}`,
      row.lpBound === null ? '—' : row.lpBound.toFixed(2),
      f.costRatio === null ? '—' : `${f.costRatio.toFixed(3)}${f.costNotReturned ? '*' : ''}`,
      shareLabel(f.inWindow, f.memberDays),
      f.violationsPerPlan.toFixed(1),
      String(f.allergenOrDiet),
    ]);
  }
  // Totals: time and money summed over profiles (per-profile medians), ratios of the sums, counts over all runs.
  const priced = all.filter(({ row, f }) => f.cost !== null && row.lpBound !== null);
  const costSum = sum(priced.map(({ f }) => f.cost ?? 0));
  const boundSum = sum(priced.map(({ row }) => row.lpBound ?? 0));
  body.push([
    '**total**',
    fmtMs(sum(all.map(({ f }) => f.medianMs))),
    fmtMs(sum(all.map(({ f }) => f.p95Ms))),
    `${all.filter(({ f }) => f.planned > 0).length}/${all.length} planned`,
    costSum.toFixed(2),
    boundSum.toFixed(2),
    boundSum > 0 ? (costSum / boundSum).toFixed(3) : '—',
    shareLabel(sum(all.map(({ f }) => f.inWindow)), sum(all.map(({ f }) => f.memberDays))),
    sum(all.map(({ f }) => f.violationsPerPlan)).toFixed(1),
    String(sum(all.map(({ f }) => f.allergenOrDiet))),
  ]);
  console.log(markdownTable(header, body));
  console.log(
    '\ncost and cost/LP: median over runs (total: sums over profiles with a cost and a bound, ratio of the sums); ' +
      'member-days and allergen+diet: counted over all runs; violations/plan: mean per plan from checkPlan.',
  );
  if (all.some(({ f }) => f.costNotReturned)) {
    console.log(
      '* infeasible: the cheapest plan the planner found costs this, over the budget, so no meals were returned.',
    );
  }
  for (const row of rows) {
    const reasons = new Set(
      row.runs.filter((run) => run.plan.days.length === 0).map((run) => run.plan.reason),
    );
    for (const reason of reasons) console.log(`  ${row.profile.id}: ${reason}`);
  }
}

function printViolationCodes(rows: readonly Row[]): void {
  console.log('Violations by code (mean per plan):');
  for (const row of rows) {
    const counts = new Map<string, number>();
    for (const run of row.runs)
      for (const v of run.check.violations) counts.set(v.code, (counts.get(v.code) ?? 0) + 1);
    const text =
      counts.size === 0
        ? 'none'
        : [...counts]
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .map(([code, count]) => `${code} ${(count / row.runs.length).toFixed(1)}`)
            .join(', ');
    console.log(`  ${row.profile.id.padEnd(9)} ${text}`);
  }
}

function printGoals(title: string, rows: readonly Row[]): void {
  const all = rows.map((row) => ({ row, f: figures(row) }));
  const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
  const list = (items: readonly string[]) => items.join(', ');
  console.log(`${title}:`);

  const single = all.find(({ row }) => row.profile.id === 'single');
  if (single) {
    console.log(
      `  single adult median ≤ ${GOAL_SINGLE_MS} ms: ${verdict(single.f.medianMs <= GOAL_SINGLE_MS)} — ${fmtMs(single.f.medianMs)} ms`,
    );
  }
  const small = all.filter(({ row }) => !row.profile.householdOfFour);
  const slowSmall = small.filter(({ f }) => f.medianMs > GOAL_SINGLE_MS);
  console.log(
    `  every profile but the family of four, median ≤ ${GOAL_SINGLE_MS} ms: ${verdict(slowSmall.length === 0)} — ` +
      list(small.map(({ row, f }) => `${row.profile.id} ${fmtMs(f.medianMs)}`)),
  );
  const four = all.filter(({ row }) => row.profile.householdOfFour);
  console.log(
    `  household of four median ≤ ${GOAL_FOUR_MS} ms: ${verdict(four.every(({ f }) => f.medianMs <= GOAL_FOUR_MS))} — ` +
      list(four.map(({ row, f }) => `${row.profile.id} ${fmtMs(f.medianMs)}`)),
  );
  const costOk = all.every(({ f }) => f.costRatio !== null && f.costRatio <= GOAL_COST_RATIO);
  console.log(
    `  cost ≤ ${GOAL_COST_RATIO.toFixed(2)} × LP bound: ${verdict(costOk)} — ` +
      list(
        all.map(
          ({ row, f }) =>
            `${row.profile.id} ${f.costRatio === null ? 'no cost' : f.costRatio.toFixed(3)}${f.costNotReturned ? '*' : ''}`,
        ),
      ),
  );
  const inWindow = sum(all.map(({ f }) => f.inWindow));
  const memberDays = sum(all.map(({ f }) => f.memberDays));
  const unplanned = all.filter(({ f }) => f.planned < RUNS).map(({ row }) => row.profile.id);
  const windowText =
    inWindow === memberDays && memberDays > 0
      ? unplanned.length === 0
        ? 'MET'
        : `MET on every plan returned; no plan for ${list(unplanned)}`
      : 'NOT MET';
  console.log(
    `  100 % of member-days within ±5 % energy: ${windowText} — ` +
      list(all.map(({ row, f }) => `${row.profile.id} ${shareLabel(f.inWindow, f.memberDays)}`)),
  );
  const hardTotal = sum(all.map(({ f }) => f.allergenOrDiet));
  console.log(
    `  zero allergen or diet violations: ${verdict(hardTotal === 0)} — ${hardTotal} over ${RUNS * rows.length} plans`,
  );
}

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────────────────

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const fmtInt = (value: number) => Math.round(value).toLocaleString('en-US');
/** Milliseconds: whole above 10 ms, one decimal below (the random planner takes about a millisecond). */
const fmtMs = (value: number) => (value < 10 ? value.toFixed(1) : fmtInt(value));
const loadText = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' / ');

function shareLabel(inWindow: number, memberDays: number): string {
  if (memberDays === 0) return '— (no plan)';
  return `${((100 * inWindow) / memberDays).toFixed(1)} % (${inWindow}/${memberDays})`;
}

function markdownTable(header: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, i) => (i === 0 ? `${'-'.repeat(width + 1)}-` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

try {
  await main();
} catch (error) {
  console.error('bench:planner failed:', error);
}
// A bench prints figures; it does not fail the build.
process.exit(0);
