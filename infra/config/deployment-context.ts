import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Node } from 'constructs';
import type { z } from 'zod';
import {
  type DeploymentConfig,
  deploymentConfigSchema,
  ENVIRONMENT_NAMES,
  type EnvironmentName,
  overrideSchema,
  SECURITY_TIERS,
  type SecurityTierName,
} from './deployment-config.ts';
import { ENVIRONMENTS } from './environments.ts';
import { SECURITY_TIER_CONFIGS } from './security-tiers.ts';

export const DEFAULT_ENVIRONMENT: EnvironmentName = 'dev';
export const DEFAULT_TIER: SecurityTierName = 'standard';

/**
 * The configuration of one synth, from CDK context: `-c env=prod -c tier=enterprise`, and optionally
 * `-c configFile=path.json` whose fields override the environment's (see config/deployment.example.json).
 * Any invalid value fails the synth with every problem named, before a construct is built.
 */
export function readDeploymentConfig(node: Node): DeploymentConfig {
  const envName = pick('env', node.tryGetContext('env') ?? DEFAULT_ENVIRONMENT, ENVIRONMENT_NAMES);
  const tierName = pick('tier', node.tryGetContext('tier') ?? DEFAULT_TIER, SECURITY_TIERS);
  const configFile: unknown = node.tryGetContext('configFile');
  const overrides = typeof configFile === 'string' && configFile !== '' ? readOverrides(configFile) : {};
  return buildDeploymentConfig(envName, tierName, overrides);
}

/** The environment's settings with `overrides` merged in, and the tier; validated as a whole. */
export function buildDeploymentConfig(
  envName: EnvironmentName,
  tierName: SecurityTierName,
  overrides: Record<string, unknown> = {},
): DeploymentConfig {
  const merged = deepMerge({ ...ENVIRONMENTS[envName], tier: SECURITY_TIER_CONFIGS[tierName] }, overrides);
  const parsed = deploymentConfigSchema.safeParse(merged);
  if (!parsed.success) {
    throw new Error(
      `Invalid deployment configuration (env=${envName}, tier=${tierName}):\n${describe(parsed.error)}`,
    );
  }
  return parsed.data;
}

function readOverrides(path: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(resolve(path), 'utf8'));
  } catch (error) {
    throw new Error(
      `Cannot read configFile ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = overrideSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Invalid configFile ${path}:\n${describe(parsed.error)}`);
  return parsed.data;
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(
  base: Record<string, unknown>,
  overrides: Record<string, unknown>,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = result[key];
    result[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return result;
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
