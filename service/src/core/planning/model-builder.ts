import type { LinearModel, LinearRow, LinearVariable } from '../ports/lp-solver.port.ts';

/** A sparse linear expression: variable index → coefficient. */
export type Expression = Map<number, number>;

export function addTerm(expression: Expression, index: number, coefficient: number): void {
  if (coefficient === 0) return;
  expression.set(index, (expression.get(index) ?? 0) + coefficient);
}

/** Adds `coefficient·variable` to the expression kept under `key` (per food, per recipe …). */
export function accumulate(
  expressions: Map<string, Expression>,
  key: string,
  variable: number,
  coefficient: number,
): void {
  const expression = expressions.get(key) ?? new Map<number, number>();
  addTerm(expression, variable, coefficient);
  expressions.set(key, expression);
}

/** Builds a LinearModel row by row; names are for reading a model, not for solving it. */
export class ModelBuilder {
  readonly #variables: LinearVariable[] = [];
  readonly #rows: LinearRow[] = [];

  variable(name: string, lower: number, upper: number, cost = 0, integer = false): number {
    this.#variables.push({ name, lower, upper, cost, integer });
    return this.#variables.length - 1;
  }

  /** `lower ≤ expression ≤ upper`; an empty expression is checked here instead of sent to the solver. */
  row(name: string, expression: Expression, lower: number, upper: number): void {
    const indices: number[] = [];
    const coefficients: number[] = [];
    for (const [index, coefficient] of expression) {
      if (coefficient === 0) continue;
      indices.push(index);
      coefficients.push(coefficient);
    }
    if (indices.length === 0) {
      if (lower > 1e-9 || upper < -1e-9) this.#rows.push({ name, lower, upper, indices, coefficients });
      return;
    }
    this.#rows.push({ name, lower, upper, indices, coefficients });
  }

  addCost(index: number, cost: number): void {
    const variable = this.#variables[index];
    if (variable) variable.cost += cost;
  }

  get size(): number {
    return this.#variables.length;
  }

  build(): LinearModel {
    return { variables: this.#variables, rows: this.#rows, offset: 0 };
  }
}
