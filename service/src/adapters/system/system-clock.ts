import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '../../core/ports/clock.port.ts';

export const systemClock: Clock = { now: () => new Date() };

/** Random v4 UUIDs: 122 bits, unguessable, so they can appear in links. */
export const randomIds: IdGenerator = { next: () => randomUUID() };

/** 128 random bits, base64url: bearer tokens for links (plan pages), never derived from anything about a user. */
export const randomTokens: IdGenerator = { next: () => randomBytes(16).toString('base64url') };
