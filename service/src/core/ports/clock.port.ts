export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  /** A new opaque unique id (random, never derived from a phone number). */
  next(): string;
}
