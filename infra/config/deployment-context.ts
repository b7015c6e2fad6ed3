import type { Node } from 'constructs';
import {
  ENVIRONMENT_NAMES,
  ENVIRONMENTS,
  type EnvironmentConfig,
  type EnvironmentName,
} from './environments.ts';
import {
  SECURITY_TIER_CONFIGS,
  SECURITY_TIERS,
  type SecurityTierConfig,
  type SecurityTierName,
} from './security-tiers.ts';

/** What one synth targets, read from CDK context: `cdk synth -c env=prod -c tier=enterprise`. */
export interface DeploymentContext {
  readonly environment: EnvironmentConfig;
  readonly tier: SecurityTierConfig;
}

export const DEFAULT_ENVIRONMENT: EnvironmentName = 'dev';
export const DEFAULT_TIER: SecurityTierName = 'standard';

export function readDeploymentContext(node: Node): DeploymentContext {
  const envName = pick('env', node.tryGetContext('env') ?? DEFAULT_ENVIRONMENT, ENVIRONMENT_NAMES);
  const tierName = pick('tier', node.tryGetContext('tier') ?? DEFAULT_TIER, SECURITY_TIERS);
  return { environment: ENVIRONMENTS[envName], tier: SECURITY_TIER_CONFIGS[tierName] };
}

// Fails the synth with the allowed values rather than deploying a half-configured stack.
function pick<T extends string>(key: string, value: unknown, allowed: readonly T[]): T {
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) {
    throw new Error(
      `Invalid CDK context "${key}": ${JSON.stringify(value)}. Expected one of ${allowed.join(', ')} (-c ${key}=${allowed[0]}).`,
    );
  }
  return match;
}
