import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = resolve(import.meta.dirname, '../..');
const FUNCTIONS = ['http', 'worker', 'scheduler', 'aws-sms-inbound'];

declare module 'vitest' {
  export interface ProvidedContext {
    lambdaBundleDir: string;
    webDistDir: string;
  }
}

/**
 * The infra deploys what `npm run build:lambda` and the web build write, so the tests synthesise those exact
 * files: built here once per run. LAMBDA_BUNDLE_DIR points at bundles built elsewhere (CI artefacts) instead.
 */
export default function setup(project: TestProject): void {
  project.provide('lambdaBundleDir', lambdaBundles());
  const webDist = join(ROOT, 'web/dist');
  if (!existsSync(join(webDist, 'index.html'))) run(['run', 'build', '-w', 'web']);
  project.provide('webDistDir', webDist);
}

function lambdaBundles(): string {
  const given = process.env.LAMBDA_BUNDLE_DIR;
  const dir = given ? resolve(given) : join(ROOT, 'service/dist/lambda');
  if (!given) {
    const scripts: Record<string, string> =
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
    if (!scripts['build:lambda']) {
      throw new Error(
        'The infra tests synthesise the Lambda bundles of `npm run build:lambda`, but the root package.json has no ' +
          'build:lambda script yet. Add it (it writes service/dist/lambda/<function>/index.mjs), or set ' +
          'LAMBDA_BUNDLE_DIR to a directory of bundles built elsewhere.',
      );
    }
    run(['run', 'build:lambda']);
  }
  const missing = FUNCTIONS.filter((fn) => !existsSync(join(dir, fn, 'index.mjs')));
  if (missing.length > 0) throw new Error(`No Lambda bundle for ${missing.join(', ')} in ${dir}`);
  return dir;
}

function run(args: string[]): void {
  execFileSync('npm', args, { cwd: ROOT, stdio: 'inherit' });
}
