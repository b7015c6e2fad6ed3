import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Another connection to the same SQLite file, on its own thread, as a second process (the CLI, a migration) would
 * hold it. better-sqlite3 is synchronous, so a lock holder on the test's own thread could never let go while the
 * app waits on its busy handler; a worker thread can.
 */
export interface SqliteLockHolder {
  /** `BEGIN IMMEDIATE` (the write lock); returns once the lock is held. Synchronous, so it fits inside a store call. */
  lock(): void;
  /** Takes the lock and commits by itself after `ms`, while the caller's thread may be blocked waiting for it. */
  lockFor(ms: number): void;
  /** Commits, releasing the lock. */
  unlock(): Promise<void>;
  close(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 0 });
const state = new Int32Array(workerData.state);
const set = (value) => { Atomics.store(state, 0, value); Atomics.notify(state, 0); };
parentPort.on('message', (message) => {
  if (message.type === 'lock') {
    db.exec('BEGIN IMMEDIATE');
    set(1);
    if (message.releaseAfterMs !== undefined) setTimeout(() => { db.exec('COMMIT'); set(0); }, message.releaseAfterMs);
  } else if (message.type === 'unlock') {
    if (db.inTransaction) db.exec('COMMIT');
    set(0);
    parentPort.postMessage('unlocked');
  } else if (message.type === 'close') {
    if (db.inTransaction) db.exec('COMMIT');
    db.close();
    parentPort.postMessage('closed');
  }
});
`;

export function sqliteLockHolder(file: string): SqliteLockHolder {
  const state = new SharedArrayBuffer(4);
  const flag = new Int32Array(state);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, state, driver } });
  const reply = (expected: string) =>
    new Promise<void>((resolve, reject) => {
      const onMessage = (message: unknown) => {
        if (message !== expected) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  const take = (releaseAfterMs?: number) => {
    worker.postMessage({ type: 'lock', ...(releaseAfterMs === undefined ? {} : { releaseAfterMs }) });
    // Blocks this thread until the worker holds the lock (the worker runs on its own).
    if (Atomics.wait(flag, 0, 0, 10_000) === 'timed-out') throw new Error('the lock holder did not lock');
  };
  return {
    lock: () => take(),
    lockFor: (ms) => take(ms),
    async unlock() {
      const done = reply('unlocked');
      worker.postMessage({ type: 'unlock' });
      await done;
    },
    async close() {
      const done = reply('closed');
      worker.postMessage({ type: 'close' });
      await done;
      await worker.terminate();
    },
  };
}
