import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** A real `redis-server` (the Debian package) on a loopback port, with nothing written to disk. */
export interface RedisServer {
  host: string;
  port: number;
  /** SIGKILL, as a crash or a lost node: no shutdown, connections drop. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: nothing persists). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface RedisServerOptions {
  /** `--requirepass`: clients must AUTH. */
  password?: string;
  /** Serve TLS only (no plain port), with these PEM files; clients need not present certificates. */
  tls?: { certFile: string; keyFile: string; caFile: string; ca: string };
}

const READY_TIMEOUT_MS = 10_000;

/** `.ci/run` installs the package where it is missing. */
export function redisServerAvailable(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const host = '127.0.0.1';
  const port = await freePort();
  const args = [
    '--bind',
    host,
    ...(options.tls
      ? [
          '--port',
          '0',
          '--tls-port',
          String(port),
          '--tls-cert-file',
          options.tls.certFile,
          '--tls-key-file',
          options.tls.keyFile,
          '--tls-ca-cert-file',
          options.tls.caFile,
          '--tls-auth-clients',
          'no',
        ]
      : ['--port', String(port)]),
    // No persistence: tests leave nothing behind, and a restart comes back empty.
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'no',
    ...(options.password === undefined ? [] : ['--requirepass', options.password]),
  ];
  let child = await launch(args, host, port, options);
  return {
    host,
    port,
    async kill() {
      await stopProcess(child, 'SIGKILL');
    },
    async restart() {
      await stopProcess(child, 'SIGTERM');
      child = await launch(args, host, port, options);
    },
    async stop() {
      await stopProcess(child, 'SIGTERM');
    },
  };
}

async function launch(
  args: string[],
  host: string,
  port: number,
  options: RedisServerOptions,
): Promise<ChildProcess> {
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${output}`);
    if (await answersPing(host, port, options)) return child;
    if (Date.now() > deadline) {
      await stopProcess(child, 'SIGKILL');
      throw new Error(`redis-server did not answer in time: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function answersPing(host: string, port: number, options: RedisServerOptions): Promise<boolean> {
  const client = new Redis({
    host,
    port,
    ...(options.password === undefined ? {} : { password: options.password }),
    ...(options.tls ? { tls: { ca: options.tls.ca } } : {}),
    lazyConnect: true,
    connectTimeout: 500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function stopProcess(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
