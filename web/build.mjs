/**
 * Builds the web chat into web/dist: esbuild bundles src/main.ts, the HTML and CSS are copied as they are.
 * Runs before every `npm start`, so it does no more than that (a build takes well under a second).
 * Usage: `node build.mjs`, or `import { buildWeb } from './build.mjs'`.
 */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const webDir = dirname(fileURLToPath(import.meta.url));
export const distDir = join(webDir, 'dist');
const staticFiles = ['index.html', 'styles.css'];

/** Cleans web/dist and writes main.js (+ map), index.html and styles.css into it. */
export async function buildWeb() {
  // A clean dist means a file removed from src never lingers in what gets served or deployed.
  await rm(distDir, { recursive: true, force: true });
  await mkdir(distDir, { recursive: true });
  await build({
    entryPoints: [join(webDir, 'src', 'main.ts')],
    outfile: join(distDir, 'main.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  await Promise.all(staticFiles.map((file) => copyFile(join(webDir, 'src', file), join(distDir, file))));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  await buildWeb();
  console.log(`web: built ${distDir} in ${Math.round(performance.now() - started)} ms`);
}
