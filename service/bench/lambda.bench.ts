import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildLambdaBundles, LAMBDA_NODE_TARGET, lambdaBuildOptions } from '../scripts/build-lambda.ts';
import { BUNDLE_ENV, MAX_JS_BYTES } from '../test/fixtures/lambda/bundles.ts';

/**
 * `npm run bench:lambda`: each function's bundle size (JavaScript; HiGHS's .wasm and the JSON data apart) and its
 * module initialisation time — `import()` of the bundle in a fresh Node process with the documented environment
 * (dummy values, no secret ids, so nothing is fetched), median of 10 — beside an empty-handler bundle built with
 * the same options in the same run, which shows what Node itself costs. Targets: JS ≤ 1.5 MB, init ≤ 250 ms. The
 * JS budget is checked on the init path (`index.mjs` and the chunks it imports statically); the total adds the
 * chunks only `import()` loads on first use (see `BuiltFunction` in scripts/build-lambda.ts).
 */

const RUNS = 10;
const MAX_INIT_MS = 250;

const outDir = mkdtempSync(path.join(tmpdir(), 'lambda-bench-'));
try {
  const built = await buildLambdaBundles({ outDir });
  const emptySource = path.join(outDir, 'empty-handler.ts');
  writeFileSync(emptySource, 'export const handler = async () => ({});\n');
  const emptyOut = path.join(outDir, 'empty', 'index.mjs');
  await build(lambdaBuildOptions(emptySource, emptyOut));
  const rows = [
    {
      name: 'empty handler',
      file: emptyOut,
      initJsBytes: statSync(emptyOut).size,
      totalJsBytes: statSync(emptyOut).size,
      wasmBytes: 0,
      dataBytes: 0,
    },
    ...built.map((fn) => ({ ...fn, file: path.join(fn.dir, 'index.mjs') })),
  ];

  console.log(
    `Node ${process.version} (bundles target ${LAMBDA_NODE_TARGET}), ${RUNS} fresh processes each\n`,
  );
  console.log(
    '| function | JS at init | JS total | .wasm | data | init median | init min–max | init JS ≤ 1.5 MB | init ≤ 250 ms |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
  for (const row of rows) {
    const times = Array.from({ length: RUNS }, () => importMs(row.file)).sort((a, b) => a - b);
    const at = (index: number) => times[index] ?? Number.NaN;
    const median = (at(RUNS / 2 - 1) + at(RUNS / 2)) / 2;
    const kib = (bytes: number) => (bytes === 0 ? '–' : `${(bytes / 1024).toFixed(0)} KiB`);
    console.log(
      `| ${row.name} | ${kib(row.initJsBytes)} | ${kib(row.totalJsBytes)} | ${kib(row.wasmBytes)} | ${kib(row.dataBytes)} | ${median.toFixed(0)} ms | ` +
        `${at(0).toFixed(0)}–${at(RUNS - 1).toFixed(0)} ms | ${row.initJsBytes <= MAX_JS_BYTES ? 'yes' : 'NO'} | ` +
        `${median <= MAX_INIT_MS ? 'yes' : 'NO'} |`,
    );
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

/** Milliseconds the `import()` of the bundle takes in a new Node process (its top-level awaits included). */
function importMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)});
    process.stdout.write('\\nINIT_MS ' + (performance.now() - t) + '\\n');`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...BUNDLE_ENV },
    encoding: 'utf8',
  });
  const line = child.stdout.split('\n').find((text) => text.startsWith('INIT_MS '));
  if (child.status !== 0 || line === undefined) throw new Error(`${file} did not load:\n${child.stderr}`);
  return Number(line.slice('INIT_MS '.length));
}
