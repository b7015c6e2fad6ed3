import { readFile } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Serves files under `root` (the built web UI); anything outside it or of an unknown type is not found. */
export function staticFiles(root: string) {
  const base = path.resolve(root);
  return async (urlPath: string): Promise<{ body: Uint8Array; contentType: string } | undefined> => {
    let file: string;
    try {
      file = path.resolve(base, `.${decodeURIComponent(urlPath)}`);
    } catch {
      return undefined; // malformed percent-encoding
    }
    if (!file.startsWith(base + path.sep)) return undefined;
    const contentType = CONTENT_TYPES[path.extname(file)];
    if (!contentType) return undefined;
    try {
      return { body: await readFile(file), contentType };
    } catch {
      return undefined;
    }
  };
}
