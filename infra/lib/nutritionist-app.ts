import type { App } from 'aws-cdk-lib';
import { readDeploymentContext } from '../config/deployment-context.ts';
import { addComplianceChecks } from './compliance-checks.ts';
import { NutritionistStack } from './nutritionist-stack.ts';

export interface AwsTarget {
  readonly account: string;
  readonly region: string;
}

/** Builds the whole app from its CDK context; shared by bin/app.ts and the tests so both synth the same thing. */
export function defineNutritionistApp(app: App, target: AwsTarget): NutritionistStack {
  const { environment, tier } = readDeploymentContext(app.node);
  const stack = new NutritionistStack(app, `AiNutritionist-${environment.name}`, {
    stackName: `ai-nutritionist-${environment.name}`,
    description: `AI Nutritionist (${environment.name}, ${tier.name} security tier)`,
    env: target,
    environment,
    tier,
  });
  addComplianceChecks(app);
  return stack;
}
