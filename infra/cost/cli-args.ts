import {
  ENVIRONMENT_NAMES,
  type EnvironmentName,
  SECURITY_TIERS,
  type SecurityTierName,
} from '../config/deployment-config.ts';
import { DEFAULT_ENVIRONMENT, DEFAULT_TIER } from '../config/deployment-context.ts';
import { DEFAULT_ASSUMPTIONS, parseAssumption, type UsageAssumptions } from './assumptions.ts';

export interface CostArgs {
  readonly env: EnvironmentName;
  readonly tier: SecurityTierName;
  readonly assumptions: UsageAssumptions;
  /** The assumptions the command line changed, to print beside the table. */
  readonly overridden: readonly (keyof UsageAssumptions)[];
}

export type ParsedCostArgs =
  | { readonly ok: true; readonly args: CostArgs }
  | { readonly ok: false; readonly errors: string[] };

/**
 * `--context env=prod --context tier=enterprise --users 10000 --whatsapp-share 0.6` (also `-c key=value` and
 * `--flag=value`), the same context keys as `npm run synth`. Every problem is reported, none half-applied.
 */
export function parseCostArgs(
  argv: readonly string[],
  smsProviderFromConfig?: 'twilio' | 'aws',
): ParsedCostArgs {
  const errors: string[] = [];
  let env: EnvironmentName = DEFAULT_ENVIRONMENT;
  let tier: SecurityTierName = DEFAULT_TIER;
  const changes: Record<string, number | string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--context' || arg === '-c') {
      const pair = argv[++i] ?? '';
      const [key, value] = pair.split('=', 2);
      if (key === 'env') {
        const match = ENVIRONMENT_NAMES.find((name) => name === value);
        if (match) env = match;
        else errors.push(`env must be one of ${ENVIRONMENT_NAMES.join(', ')}, not ${JSON.stringify(value)}`);
      } else if (key === 'tier') {
        const match = SECURITY_TIERS.find((name) => name === value);
        if (match) tier = match;
        else errors.push(`tier must be one of ${SECURITY_TIERS.join(', ')}, not ${JSON.stringify(value)}`);
      } else {
        errors.push(`unknown context ${JSON.stringify(pair)} (env=… and tier=… are read)`);
      }
      continue;
    }
    const flag = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!flag?.[1]) {
      errors.push(`unexpected argument ${JSON.stringify(arg)}`);
      continue;
    }
    const raw = flag[2] ?? argv[++i];
    if (raw === undefined) {
      errors.push(`--${flag[1]} needs a value`);
      continue;
    }
    const parsed = parseAssumption(flag[1], raw);
    if (parsed.ok) changes[parsed.field] = parsed.value;
    else errors.push(parsed.error);
  }
  if (errors.length > 0) return { ok: false, errors };
  const assumptions: UsageAssumptions = {
    ...DEFAULT_ASSUMPTIONS,
    ...(smsProviderFromConfig ? { smsProvider: smsProviderFromConfig } : {}),
    ...changes,
  };
  return {
    ok: true,
    args: { env, tier, assumptions, overridden: Object.keys(changes) as (keyof UsageAssumptions)[] },
  };
}
