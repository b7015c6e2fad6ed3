import { isNegatedAt } from '../../parse/text.ts';

/** One named pattern. `negatable` rules are skipped when negated just before ("I'm not pregnant"). */
export interface SignalRule {
  name: string;
  pattern: RegExp;
  negatable?: boolean;
}

/** Names of the rules that match `text` (prepared by `prepareSafetyText`), in rule order, each once. */
export function matchRules(text: string, rules: readonly SignalRule[]): string[] {
  const names: string[] = [];
  for (const rule of rules) {
    const flags = rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`;
    for (const match of text.matchAll(new RegExp(rule.pattern.source, flags))) {
      if (rule.negatable === true && isNegatedAt(text, match.index)) continue;
      if (!names.includes(rule.name)) names.push(rule.name);
      break;
    }
  }
  return names;
}
