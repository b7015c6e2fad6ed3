import type { SolveOptions } from '../ports/lp-solver.port.ts';

export type SolveLimits = Required<Pick<SolveOptions, 'maxNodes' | 'timeLimitSeconds'>>;

/*
 * Each kind of solve stops after a number of branch-and-bound nodes, so the same request gives the same plan however
 * busy the machine is (a wall-clock limit alone made household plans fail on a loaded 2-CPU machine). The time limit
 * is only a backstop for a pathological model. Measured on the bench households: a day settles in 1–11 nodes.
 */

/** A day's MILP over a few recipe combinations. */
export const DAY_LIMITS: SolveLimits = { maxNodes: 300, timeLimitSeconds: 10 };
/** A day's MILP over every eligible recipe: the last resort, larger. */
export const FULL_POOL_LIMITS: SolveLimits = { maxNodes: 1_000, timeLimitSeconds: 15 };
/** One round of the whole-week polish when a plan is over budget. */
export const POLISH_LIMITS: SolveLimits = { maxNodes: 500, timeLimitSeconds: 10 };
/** Re-solving one day around a swapped meal. */
export const SWAP_LIMITS: SolveLimits = { maxNodes: 1_000, timeLimitSeconds: 10 };
