import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '../../core/ports/clock.port.ts';

export const systemClock: Clock = { now: () => new Date() };

/**
 * The system clock moved to start at `start`: time still passes, so messages keep their order. For replaying a
 * conversation as if it happened then (`nutritionist chat --now`).
 */
export function clockStartingAt(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/** Random v4 UUIDs: 122 bits, unguessable, so they can appear in links. */
export const randomIds: IdGenerator = { next: () => randomUUID() };

/** 128 random bits, base64url: bearer tokens for links (plan pages), never derived from anything about a user. */
export const randomTokens: IdGenerator = { next: () => randomBytes(16).toString('base64url') };
