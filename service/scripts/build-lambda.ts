import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild';

/**
 * `npm run build:lambda`: one minified ESM bundle per Lambda function in `service/dist/lambda/<fn>/index.mjs`,
 * the directory the CDK stack deploys as each function's code. Everything is bundled, the AWS SDK clients too
 * (their ES module builds, so unused commands are shaken out); HiGHS's `highs.wasm` is copied beside the functions
 * whose bundle contains the solver, where its loader looks for it (`new URL('highs.wasm', import.meta.url)`); the
 * food, recipe and knowledge data the bundle imports are copied to `data/` beside it. What the code loads with
 * `import()` (the Stripe SDK, ioredis, the AWS SDK's other credential providers) is split into chunks beside
 * `index.mjs`, so a cold start does not compile it; the CDK stack deploys the whole directory.
 */

const SERVICE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const LAMBDA_DIST = path.join(SERVICE, 'dist/lambda');

export const LAMBDA_ENTRIES = {
  http: 'src/entrypoints/lambda/http.ts',
  worker: 'src/entrypoints/lambda/worker.ts',
  scheduler: 'src/entrypoints/lambda/scheduler.ts',
  'aws-sms-inbound': 'src/entrypoints/lambda/aws-sms-inbound.ts',
} as const;
export type LambdaName = keyof typeof LAMBDA_ENTRIES;

/**
 * The newest Node.js runtime aws-cdk-lib offers (2.276: `Runtime.NODEJS_24_X`); esbuild leaves alone the syntax
 * it supports. The functions run on arm64, which changes nothing here: the bundles hold no native code.
 */
export const LAMBDA_NODE_TARGET = 'node24';

/** Modules that must never reach a bundle: native code that cannot load on Lambda, and the local-only stores. */
const FORBIDDEN = [
  /node_modules\/better-sqlite3\//,
  /src\/adapters\/sqlite\//,
  /src\/composition\/local\.ts$/,
];

/**
 * zod's `z` namespace re-exports every one of its 40-odd error-message locales (~260 KB minified), which no
 * bundler can drop once the namespace object exists. We use its English default only (`config(en())` in zod's
 * own code), so the locales index is replaced by one that exports just `en`.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /node_modules\/zod\/v4\//.test(args.importer)
        ? { path: path.join(path.dirname(args.importer), '../locales/en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

const DATA = path.join(SERVICE, 'data');

/**
 * The food, recipe, price and knowledge data (service/data/*.json) ship as JSON files in `data/` beside the bundle
 * and are imported as JSON modules: the same imports as in the source, parsed by `JSON.parse` at start (faster
 * than the same data as a JavaScript literal), and the JavaScript stays small. `used` collects what to copy.
 */
function dataBesideBundle(used: Set<string>): Plugin {
  return {
    name: 'data-beside-bundle',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /\.json$/ }, (args) => {
        const file = path.resolve(args.resolveDir, args.path);
        if (!file.startsWith(`${DATA}${path.sep}`)) return undefined;
        const relative = path.relative(DATA, file).split(path.sep).join('/');
        used.add(relative);
        return { path: `./data/${relative}`, external: true };
      });
    },
  };
}

/** The options every function (and the bench's empty handler) is built with. */
export function lambdaBuildOptions(
  entry: string,
  outfile: string,
  dataUsed = new Set<string>(),
): BuildOptions {
  return {
    entryPoints: { [path.basename(outfile, '.mjs')]: entry },
    outdir: path.dirname(outfile),
    outExtension: { '.js': '.mjs' },
    // What the code loads with `import()` (the Stripe SDK) becomes a chunk beside `index.mjs`, parsed only when
    // first needed instead of at every cold start. Beside it, not in a subfolder: `import.meta.url` then names
    // the same directory in every chunk (HiGHS finds its .wasm, the data its `data/`).
    splitting: true,
    chunkNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: LAMBDA_NODE_TARGET,
    // The SDK's and Smithy's ES module builds: the CommonJS ones defeat tree shaking.
    mainFields: ['module', 'main'],
    // CommonJS dependencies (ioredis, twilio's webhook check) call `require`, which ESM lacks.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    legalComments: 'external',
    // Spanish replies keep their accents as UTF-8 bytes instead of \u escapes: smaller, and readable.
    charset: 'utf8',
    plugins: [zodEnglishOnly, dataBesideBundle(dataUsed)],
    metafile: true,
    logLevel: 'warning',
  };
}

/**
 * How the JavaScript is counted now that a function is split into chunks: `initJsBytes` is `index.mjs` and every
 * chunk it imports statically, transitively — what Node reads and parses on each cold start, and what the budget
 * (≤ 1.5 MB) is about; `totalJsBytes` adds the chunks loaded by `import()` on first use (the Stripe SDK, the AWS
 * SDK's other credential providers), which a cold start does not pay for.
 */
export interface BuiltFunction {
  name: string;
  dir: string;
  initJsBytes: number;
  totalJsBytes: number;
  /** File names of the chunks only `import()` reaches, beside `index.mjs`. */
  lazyChunks: string[];
  /** Bytes of `highs.wasm` beside the bundle; 0 for a function that does not plan. */
  wasmBytes: number;
  /** Bytes of the JSON data files in `data/` beside the bundle. */
  dataBytes: number;
}

/** Builds the functions (all by default) into `outDir/<fn>/`, replacing what was there. */
export async function buildLambdaBundles(
  options: { outDir?: string; only?: readonly LambdaName[] } = {},
): Promise<BuiltFunction[]> {
  const outDir = options.outDir ?? LAMBDA_DIST;
  const names = options.only ?? (Object.keys(LAMBDA_ENTRIES) as LambdaName[]);
  const wasm = createRequire(import.meta.url).resolve('highs/runtime');
  const built: BuiltFunction[] = [];
  for (const name of names) {
    const dir = path.join(outDir, name);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const outfile = path.join(dir, 'index.mjs');
    const dataUsed = new Set<string>();
    const result = await build(
      lambdaBuildOptions(path.join(SERVICE, LAMBDA_ENTRIES[name]), outfile, dataUsed),
    );
    if (!result.metafile) throw new Error(`${name}: esbuild returned no metafile`);
    const inputs = Object.keys(result.metafile.inputs);
    const forbidden = inputs.filter((input) => FORBIDDEN.some((pattern) => pattern.test(input)));
    if (forbidden.length > 0) throw new Error(`${name}: the bundle must not contain ${forbidden.join(', ')}`);
    let wasmBytes = 0;
    if (inputs.some((input) => /node_modules\/highs\/build\/highs\.mjs$/.test(input))) {
      await copyFile(wasm, path.join(dir, 'highs.wasm'));
      wasmBytes = (await stat(wasm)).size;
    }
    let dataBytes = 0;
    for (const relative of dataUsed) {
      const target = path.join(dir, 'data', relative);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(DATA, relative), target);
      dataBytes += (await stat(target)).size;
    }
    const js = javaScriptOf(result.metafile, outfile);
    built.push({ name, dir, ...js, wasmBytes, dataBytes });
  }
  return built;
}

/** The init-path and total JavaScript of one function, from esbuild's record of the chunks and their imports. */
function javaScriptOf(
  metafile: Metafile,
  outfile: string,
): Pick<BuiltFunction, 'initJsBytes' | 'totalJsBytes' | 'lazyChunks'> {
  const outputs = Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.mjs'));
  const byPath = new Map(outputs.map(([file, output]) => [path.resolve(file), output]));
  const init = new Set<string>();
  const pending = [path.resolve(outfile)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (init.has(file)) continue;
    init.add(file);
    for (const imported of byPath.get(file)?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external)
        pending.push(path.resolve(imported.path));
    }
  }
  let initJsBytes = 0;
  let totalJsBytes = 0;
  const lazyChunks: string[] = [];
  for (const [file, output] of byPath) {
    totalJsBytes += output.bytes;
    if (init.has(file)) initJsBytes += output.bytes;
    else lazyChunks.push(path.basename(file));
  }
  return { initJsBytes, totalJsBytes, lazyChunks: lazyChunks.sort() };
}

/** Run directly (`tsx scripts/build-lambda.ts`): build every function and print the sizes. */
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const built = await buildLambdaBundles();
  for (const fn of built) {
    const wasm = fn.wasmBytes > 0 ? ` + highs.wasm ${(fn.wasmBytes / 1024).toFixed(0)} KiB` : '';
    const data = fn.dataBytes > 0 ? ` + data ${(fn.dataBytes / 1024).toFixed(0)} KiB` : '';
    const kib = (bytes: number) => (bytes / 1024).toFixed(0).padStart(6);
    console.log(
      `${fn.name.padEnd(16)} ${kib(fn.initJsBytes)} KiB JS at init (${kib(fn.totalJsBytes).trim()} KiB with ` +
        `${fn.lazyChunks.length} lazy chunks)${wasm}${data}`,
    );
  }
  console.log(
    `built ${built.length} functions in ${Math.round(performance.now() - started)} ms → ${LAMBDA_DIST}`,
  );
}
