import { describe, expect, it } from 'vitest';
import { InProcessScheduler } from '../../src/adapters/in-process-scheduler/in-process-scheduler.ts';
import type { Logger } from '../../src/core/ports/logger.port.ts';
import { silentLogger } from '../../src/core/ports/logger.port.ts';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('InProcessScheduler', () => {
  it('ticks at once and then every interval, until stopped', async () => {
    let ticks = 0;
    const scheduler = new InProcessScheduler('test', async () => void ticks++, 20, silentLogger);
    scheduler.start();
    scheduler.start(); // a second start changes nothing
    expect(ticks).toBe(1);
    await wait(110);
    await scheduler.stop();
    const stopped = ticks;
    expect(stopped).toBeGreaterThanOrEqual(3);
    await wait(60);
    expect(ticks).toBe(stopped);
  });

  it('never overlaps a slow tick, and stop waits for the one running', async () => {
    let running = 0;
    let most = 0;
    let finished = 0;
    const scheduler = new InProcessScheduler(
      'test',
      async () => {
        running++;
        most = Math.max(most, running);
        await wait(50);
        running--;
        finished++;
      },
      10,
      silentLogger,
    );
    scheduler.start();
    await wait(30);
    await scheduler.stop();
    expect(most).toBe(1);
    expect(running).toBe(0);
    expect(finished).toBe(1);
  });

  it('logs a failed tick by error name only and keeps going', async () => {
    const events: [string, Record<string, unknown> | undefined][] = [];
    const logger: Logger = { ...silentLogger, error: (event, fields) => void events.push([event, fields]) };
    let ticks = 0;
    const scheduler = new InProcessScheduler(
      'weekly_delivery',
      async () => {
        ticks++;
        throw new TypeError('secret detail +15550080999');
      },
      15,
      logger,
    );
    scheduler.start();
    await wait(50);
    await scheduler.stop();
    expect(ticks).toBeGreaterThanOrEqual(2);
    expect(events[0]).toStrictEqual([
      'scheduled_tick_failed',
      { tick: 'weekly_delivery', error: 'TypeError' },
    ]);
    expect(JSON.stringify(events)).not.toContain('555');
  });
});
