import type { Hono } from 'hono';
import { exportTokenSchema } from '../core/domain/export-link.ts';
import { collectUserExport } from '../core/use-cases/export-user.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';

const NOT_FOUND = 'This export link has expired or does not exist. Text EXPORT for a new one.';
const GONE = 'This export link has already been used: each link works once. Text EXPORT for a new one.';

/**
 * `GET /export/<token>`: the file of everything stored about the user, once. The token is a bearer secret, so the
 * answer is never cached, and the path is logged (tokens are random, never the number) but the body is not.
 */
export function registerExportRoute(app: Hono, deps: AppDeps): void {
  app.get('/export/:token', async (c) => {
    const token = c.req.param('token');
    if (!exportTokenSchema.safeParse(token).success) throw new HttpError(404, 'not_found', NOT_FOUND);
    const now = deps.clock.now();
    const link = await deps.stores.privacy.findExportLink(token, now);
    if (link.status === 'used') throw new HttpError(410, 'gone', GONE);
    if (link.status === 'not_found') throw new HttpError(404, 'not_found', NOT_FOUND);
    const data = await collectUserExport(deps.stores, link.userId, now);
    if (data === undefined) throw new HttpError(404, 'not_found', NOT_FOUND);
    // Marked used only once the file is built; a download racing this one loses here and gets 410.
    if (!(await deps.stores.privacy.useExportLink(token, now))) throw new HttpError(410, 'gone', GONE);
    const day = now.toISOString().slice(0, 10);
    return c.body(JSON.stringify(data, null, 2), 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="nutritionist-export-${day}.json"`,
      'cache-control': 'no-store',
    });
  });
}
