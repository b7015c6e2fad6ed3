import { ConfigError, loadConfig } from '../../config/config.ts';
import { startLocalServer } from '../local/server.ts';

export async function runServe(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const server = await startLocalServer(config);
  process.stdout.write(`${config.brandName} is running at ${server.url} (data in ${config.dataDir})\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.stop();
  return 0;
}
