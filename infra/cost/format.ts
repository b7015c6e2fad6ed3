import type { UsageAssumptions } from './assumptions.ts';
import type { CostEstimate } from './estimate.ts';

const usd = (n: number) =>
  `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The estimate as a Markdown table (readable in a terminal, pasteable into the README), grouped, with totals. */
export function formatEstimate(
  title: string,
  estimate: CostEstimate,
  assumptions: UsageAssumptions,
  overridden: readonly (keyof UsageAssumptions)[],
): string {
  const rows = estimate.lines.map((line) => [line.group, line.service, usd(line.usd), line.basis]);
  const groups = Object.entries(estimate.byGroup).map(([group, total]) => [
    '',
    `**${group} subtotal**`,
    usd(total),
    '',
  ]);
  const all = [...rows, ...groups, ['', '**Total / month**', usd(estimate.totalUsd), '']];
  const header = ['group', 'service', 'USD / month', 'basis'];
  const widths = header.map((h, i) => Math.max(h.length, ...all.map((row) => (row[i] ?? '').length)));
  const render = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 2 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  const changed = overridden.length > 0 ? overridden.join(', ') : 'none (all defaults)';
  const shown: (keyof UsageAssumptions)[] = [
    'users',
    'inboundMessagesPerUserPerMonth',
    'plansPerUserPerWeek',
    'whatsappShare',
    'smsProvider',
    'smsSegmentsPerReply',
    'questionShare',
    'cacheSavedShare',
    'promptPrefixTokens',
    'uncachedInputTokens',
    'outputTokens',
  ];
  return [
    `## ${title}`,
    '',
    render(header),
    rule,
    ...all.map(render),
    '',
    `Assumptions: ${shown.map((key) => `${key}=${String(assumptions[key])}`).join(', ')}.`,
    `Changed on the command line: ${changed}. All fields: infra/cost/assumptions.ts.`,
    'No free tiers subtracted; list prices (infra/cost/prices.ts) with the date each was read.',
    ...estimate.notes.map((note) => `- ${note}`),
  ].join('\n');
}
