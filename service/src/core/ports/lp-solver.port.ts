/**
 * A mixed-integer linear program, minimised: `min Σ cost·x + offset` subject to `lower ≤ Σ coef·x ≤ upper` per row
 * and `lower ≤ x ≤ upper` per variable. Infinite bounds are ±Infinity. The planner builds these; an adapter
 * (HiGHS) solves them.
 */
export interface LinearVariable {
  name: string;
  lower: number;
  upper: number;
  cost: number;
  integer: boolean;
}

export interface LinearRow {
  name: string;
  lower: number;
  upper: number;
  /** Variable indices and their coefficients; an index appears at most once. */
  indices: number[];
  coefficients: number[];
}

export interface LinearModel {
  variables: LinearVariable[];
  rows: LinearRow[];
  offset: number;
}

export interface SolveOptions {
  /** Wall-clock limit; the best feasible solution found by then is returned with its gap. */
  timeLimitSeconds?: number;
  /**
   * Branch-and-bound nodes: a limit on work rather than time, so the same model gives the same answer however busy
   * the machine is. The best feasible solution found by then is returned with its gap.
   */
  maxNodes?: number;
  /** Stop branch-and-bound once the relative gap is at most this. */
  mipRelativeGap?: number;
  /** Solve the relaxation: every integer variable continuous. */
  relax?: boolean;
  /** A known feasible solution (values in model order) to start branch-and-bound from. */
  initial?: readonly number[];
}

export type LpStatus = 'optimal' | 'feasible' | 'infeasible' | 'unbounded' | 'no_solution' | 'error';

export interface LpSolution {
  /** `feasible`: a limit stopped the search with a solution in hand (see `mipGap`). */
  status: LpStatus;
  objective: number;
  /** Variable values in model order (empty unless optimal or feasible). */
  values: number[];
  /** Relative MIP gap reported by the solver (0 for LPs and proven optima). */
  mipGap: number;
  ms: number;
  /** Branch-and-bound nodes explored (MIPs only). */
  nodes?: number;
  message?: string;
}

export interface LpSolver {
  readonly kind: string;
  solve(model: LinearModel, options?: SolveOptions): Promise<LpSolution>;
}
