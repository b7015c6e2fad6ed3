import type { Logger } from '../../core/ports/logger.port.ts';

/**
 * Runs one piece of periodic work (the weekly-delivery tick) in this process: once at start, then every
 * `intervalMs`. A tick still running when the next is due is not overlapped; `stop` clears the timer and waits for
 * a running tick. EventBridge Scheduler and a Lambda take its place on AWS.
 */
export class InProcessScheduler {
  readonly kind = 'in-process';
  #timer: ReturnType<typeof setInterval> | undefined;
  #running: Promise<void> | undefined;

  constructor(
    private readonly name: string,
    private readonly tick: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => this.#runOnce(), this.intervalMs);
    // A waiting timer alone never keeps the process alive.
    this.#timer.unref();
    this.#runOnce();
  }

  async stop(): Promise<void> {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  #runOnce(): void {
    if (this.#running) return;
    this.#running = this.tick()
      .then(
        () => undefined,
        (error: unknown) => {
          this.logger.error('scheduled_tick_failed', {
            tick: this.name,
            error: error instanceof Error ? error.name : 'unknown',
          });
        },
      )
      .finally(() => {
        this.#running = undefined;
      });
  }
}
