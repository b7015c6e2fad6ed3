import { loadHighsRuntime } from '../adapters/highs/highs-lp-solver.ts';

/**
 * Loads HiGHS's WebAssembly during the init phase of the functions that plan (Lambda gives init a full CPU and
 * does not bill it on provisioned concurrency), so the first plan does not wait for it.
 */
export function preparePlanning(): Promise<void> {
  return loadHighsRuntime();
}
