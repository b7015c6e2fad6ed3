import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type App, Tags } from 'aws-cdk-lib';
import type { DeploymentConfig } from '../config/deployment-config.ts';
import { readDeploymentConfig } from '../config/deployment-context.ts';
import { addComplianceChecks } from './compliance-checks.ts';
import { DisasterRecoveryStack } from './disaster-recovery-stack.ts';
import { EdgeStack } from './edge-stack.ts';
import { hasSecurityServices, SecurityStack } from './security-stack.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

/** The account the stacks go to; the region comes from the configuration (edge is always us-east-1). */
export interface AwsTarget {
  readonly account: string;
}

export interface NutritionistStacks {
  readonly config: DeploymentConfig;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  readonly edge: EdgeStack;
  readonly security: SecurityStack | undefined;
  readonly disasterRecovery: DisasterRecoveryStack | undefined;
}

const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_LAMBDA_BUNDLE_DIR = join(REPOSITORY_ROOT, 'service/dist/lambda');
export const DEFAULT_WEB_DIST_DIR = join(REPOSITORY_ROOT, 'web/dist');

/**
 * Builds the whole app from its CDK context; shared by bin/app.ts and the tests so both synth the same thing.
 * Context: env, tier, configFile (overrides), lambdaBundleDir and webDistDir (built elsewhere, e.g. in CI).
 */
export function defineNutritionistApp(app: App, target: AwsTarget): NutritionistStacks {
  const stacks = defineNutritionistStacks(app, target);
  addComplianceChecks(app, stacks.config);
  return stacks;
}

/** The stacks alone, without the compliance plugins (construct tests assert properties; nag runs elsewhere). */
export function defineNutritionistStacks(app: App, target: AwsTarget): NutritionistStacks {
  const config = readDeploymentConfig(app.node);
  const name = `AiNutritionist-${config.environment}`;
  const stackName = (part: string) => `${config.projectName}-${config.environment}-${part}`;
  const env = { account: target.account, region: config.region };
  const description = (part: string) =>
    `AI Nutritionist ${part} (${config.environment}, ${config.tier.name} security tier)`;

  const edge = new EdgeStack(app, `${name}-edge`, {
    stackName: stackName('edge'),
    description: description('edge: CloudFront WAF, budgets'),
    env: { account: target.account, region: 'us-east-1' },
    config,
  });

  const copyRegion = config.backup.copyRegion;
  const disasterRecovery =
    config.tier.backup && copyRegion !== null
      ? new DisasterRecoveryStack(app, `${name}-dr`, {
          stackName: stackName('dr'),
          description: description('backup copies'),
          env: { account: target.account, region: copyRegion },
          config,
        })
      : undefined;

  const stateful = new StatefulStack(app, `${name}-stateful`, {
    stackName: stackName('stateful'),
    description: description('data, keys, network'),
    env,
    config,
  });
  if (disasterRecovery) stateful.addStackDependency(disasterRecovery, 'backups are copied to its vault');

  const stateless = new StatelessStack(app, `${name}-stateless`, {
    stackName: stackName('stateless'),
    description: description('functions, API, web, monitoring'),
    env,
    // The web ACL is in us-east-1; another app region reads its ARN through CDK's cross-region references.
    crossRegionReferences: config.region !== 'us-east-1',
    config,
    stateful,
    cloudFrontWebAclArn: edge.waf.webAcl.attrArn,
    bundleDir: contextDir(app, 'lambdaBundleDir', DEFAULT_LAMBDA_BUNDLE_DIR),
    siteDir: requireSite(contextDir(app, 'webDistDir', DEFAULT_WEB_DIST_DIR)),
  });

  const security = hasSecurityServices(config)
    ? new SecurityStack(app, `${name}-security`, {
        stackName: stackName('security'),
        description: description('GuardDuty, Security Hub, Config, CloudTrail'),
        env,
        config,
      })
    : undefined;

  for (const [key, value] of Object.entries(config.costAllocationTags)) Tags.of(app).add(key, value);
  Tags.of(app).add('SecurityTier', config.tier.name);

  return { config, stateful, stateless, edge, security, disasterRecovery };
}

function contextDir(app: App, key: string, fallback: string): string {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? resolve(value) : fallback;
}

function requireSite(dir: string): string {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(
      `The web UI build ${join(dir, 'index.html')} is missing. Run \`npm run build -w web\` at the repository ` +
        'root, or pass -c webDistDir=<dir>.',
    );
  }
  return dir;
}
