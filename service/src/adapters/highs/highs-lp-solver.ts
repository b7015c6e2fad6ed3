import highsModule, { type Highs, type ModelData } from 'highs';
import type {
  LinearModel,
  LpSolution,
  LpSolver,
  LpStatus,
  SolveOptions,
} from '../../core/ports/lp-solver.port.ts';

/** HiGHS model status codes (highs/types.d.ts ModelStatusCode). */
const OPTIMAL = 7;
const INFEASIBLE = 8;
const UNBOUNDED_OR_INFEASIBLE = 9;
const UNBOUNDED = 10;
const TIME_LIMIT = 13;
const ITERATION_LIMIT = 14;
const SOLUTION_LIMIT = 16;

type HighsLoader = () => Promise<Highs>;
/**
 * The package is CommonJS with an ESM build: Node's `import` condition gives the loader itself, while its typings
 * describe the CommonJS shape (`{ default: loader }`). Accept either.
 */
const loadHighs = ((highsModule as unknown as { default?: HighsLoader }).default ??
  highsModule) as unknown as HighsLoader;

let runtime: Promise<Highs> | undefined;

/**
 * Loads the WebAssembly now rather than on the first solve: a Lambda calls it during its init phase, so the first
 * request does not pay for it (and a bundle whose `highs.wasm` is missing fails at start, not mid-conversation).
 */
export async function loadHighsRuntime(): Promise<void> {
  runtime ??= loadHighs();
  await runtime;
}

/** HiGHS in WebAssembly: loaded once per process (~50 ms), then each solve runs on a fresh native model. */
export class HighsLpSolver implements LpSolver {
  readonly kind = 'highs';

  async solve(model: LinearModel, options: SolveOptions = {}): Promise<LpSolution> {
    runtime ??= loadHighs();
    const highs = await runtime;
    const started = performance.now();
    return highs.withModel(toModelData(highs, model, options.relax === true), (native) => {
      native.options.set({
        output_flag: false,
        ...(options.timeLimitSeconds !== undefined ? { time_limit: options.timeLimitSeconds } : {}),
        ...(options.mipRelativeGap !== undefined ? { mip_rel_gap: options.mipRelativeGap } : {}),
        ...(options.maxNodes !== undefined ? { mip_max_nodes: options.maxNodes } : {}),
      });
      if (options.initial) native.setSolution({ colValue: [...options.initial] });
      const run = native.run();
      const status = run.modelStatus as number;
      const isMip = !options.relax && model.variables.some((variable) => variable.integer);
      const hasSolution = status === OPTIMAL || (isMip && hasPrimal(native));
      const mipGap = isMip && hasSolution ? Number(native.info.get('mip_gap')) : 0;
      return {
        status: statusOf(status, hasSolution),
        objective: hasSolution ? native.getObjectiveValue() : Number.NaN,
        values: hasSolution ? Array.from(native.getSolution().colValue) : [],
        mipGap: Number.isFinite(mipGap) ? mipGap : 0,
        ms: performance.now() - started,
        ...(isMip ? { nodes: Number(native.info.get('mip_node_count')) } : {}),
      };
    });
  }
}

function hasPrimal(native: { info: { get(name: string): number | bigint } }): boolean {
  return Number(native.info.get('primal_solution_status')) === 2;
}

function statusOf(status: number, hasSolution: boolean): LpStatus {
  if (status === OPTIMAL) return 'optimal';
  if (status === INFEASIBLE) return 'infeasible';
  if (status === UNBOUNDED || status === UNBOUNDED_OR_INFEASIBLE) return 'unbounded';
  if (status === TIME_LIMIT || status === ITERATION_LIMIT || status === SOLUTION_LIMIT) {
    return hasSolution ? 'feasible' : 'no_solution';
  }
  return 'error';
}

function toModelData(highs: Highs, model: LinearModel, relax: boolean): ModelData {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of model.rows) {
    indices.push(...row.indices);
    values.push(...row.coefficients);
    starts.push(indices.length);
  }
  const bound = (value: number) =>
    value === Infinity ? highs.infinity : value === -Infinity ? -highs.infinity : value;
  return {
    numCols: model.variables.length,
    numRows: model.rows.length,
    offset: model.offset,
    colCost: model.variables.map((variable) => variable.cost),
    colLower: model.variables.map((variable) => bound(variable.lower)),
    colUpper: model.variables.map((variable) => bound(variable.upper)),
    rowLower: model.rows.map((row) => bound(row.lower)),
    rowUpper: model.rows.map((row) => bound(row.upper)),
    matrix: {
      format: 'csr',
      numRows: model.rows.length,
      numCols: model.variables.length,
      starts,
      indices,
      values,
    },
    integrality: model.variables.map((variable) => (variable.integer && !relax ? 1 : 0)),
  };
}
