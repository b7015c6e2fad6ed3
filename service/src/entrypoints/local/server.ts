import { serve } from '@hono/node-server';
import { composeLocal } from '../../composition/local.ts';
import type { Config } from '../../config/config.ts';
import { createApp } from '../../http/app.ts';

const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

/** `npm start`: the whole product on one machine. Resolves once listening; the returned function stops it. */
export async function startLocalServer(config: Config): Promise<{ url: string; stop(): Promise<void> }> {
  const runtime = composeLocal(config);
  const app = createApp(runtime.appDeps);
  await runtime.queue.enqueue({ type: 'purge_expired' });
  const housekeeping = setInterval(
    () => void runtime.queue.enqueue({ type: 'purge_expired' }),
    HOUSEKEEPING_INTERVAL_MS,
  );
  housekeeping.unref();
  runtime.weeklyScheduler.start();
  runtime.billingScheduler?.start();
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(listening),
    );
  });
  const url = `http://localhost:${config.port}`;
  runtime.logger.info('server_started', { url, store: runtime.stores.kind, dataDir: config.dataDir });
  return {
    url,
    stop: async () => {
      clearInterval(housekeeping);
      await runtime.weeklyScheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.close();
    },
  };
}
