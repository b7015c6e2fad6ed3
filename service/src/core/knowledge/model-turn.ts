import type { ModelOperation } from './model-prompts.ts';

/** A model's reply in either wire format: its text and its tool calls (input as sent; it may be anything). */
export interface ModelTurn {
  text: string;
  toolCalls: { name: string; input: unknown }[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The turn as the port's raw output, for the guard to validate. The tool call is the model's whole answer: core
 * runs the use case (or sends the entry's text), so the model never sees a tool result and never writes the
 * reply. Anything that is not exactly one fitting tool call (or, for phrasing, text without tools) is passed on
 * as the turn itself, which no schema accepts, so the guard answers with the local engine.
 */
export function readTurn(operation: ModelOperation, turn: ModelTurn): unknown {
  const [call, ...more] = turn.toolCalls;
  if (operation === 'phrase') return call === undefined ? { text: turn.text } : turn;
  if (call === undefined || more.length > 0) return turn;
  if (operation === 'classify') {
    return call.name === 'none'
      ? { kind: 'none' }
      : { kind: 'tool', call: { name: call.name, input: call.input } };
  }
  if (call.name === 'no_match') return { kind: 'no_match' };
  if (call.name === 'choose_entry' && isRecord(call.input)) return { ...call.input, kind: 'answer' };
  return turn;
}
