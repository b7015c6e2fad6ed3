/**
 * Builds the web UI into web/dist: esbuild bundles src/main.ts (chat) and src/app.ts (dashboard, uPlot included);
 * the HTML and CSS, and uPlot's stylesheet, are copied as they are.
 * Runs before every `npm start`, so it does no more than that (a build takes well under a second).
 * Usage: `node build.mjs`, or `import { buildWeb } from './build.mjs'`.
 */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const webDir = dirname(fileURLToPath(import.meta.url));
export const distDir = join(webDir, 'dist');
const uplotCss = createRequire(import.meta.url).resolve('uplot/dist/uPlot.min.css');
const staticFiles = ['index.html', 'styles.css', 'app.html', 'app.css'];

/** Cleans web/dist and writes main.js (+ map), index.html and styles.css into it. */
export async function buildWeb() {
  // A clean dist means a file removed from src never lingers in what gets served or deployed.
  await rm(distDir, { recursive: true, force: true });
  await mkdir(distDir, { recursive: true });
  await build({
    // The chat (main) and the dashboard (app, with uPlot bundled in: no CDN).
    entryPoints: { main: join(webDir, 'src', 'main.ts'), app: join(webDir, 'src', 'app.ts') },
    outdir: distDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  await Promise.all([
    ...staticFiles.map((file) => copyFile(join(webDir, 'src', file), join(distDir, file))),
    copyFile(uplotCss, join(distDir, 'uplot.css')),
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  await buildWeb();
  console.log(`web: built ${distDir} in ${Math.round(performance.now() - started)} ms`);
}
