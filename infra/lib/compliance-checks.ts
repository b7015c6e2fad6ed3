import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import type { DeploymentConfig } from '../config/deployment-config.ts';

/** Where the regulated-industry packs run: the deployment that holds real users' data at the strictest tier. */
export function runsAllPacks(config: DeploymentConfig): boolean {
  return config.environment === 'prod' && config.tier.name === 'enterprise';
}

/**
 * Runs cdk-nag as policy-validation plugins: any unacknowledged finding fails `cdk synth`. AwsSolutions runs on
 * every synth; HIPAA Security, NIST 800-53 R5 and PCI DSS 3.2.1 on prod/enterprise, the deployment that claims
 * them (lower tiers leave out, by design, the VPC and detection services those packs require).
 * Acknowledgements are also written into the template metadata so a reviewer sees them beside the resource.
 */
export function addComplianceChecks(app: App, config: DeploymentConfig): void {
  const options = { writeSuppressionsToCloudFormation: true };
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, options));
  if (runsAllPacks(config)) {
    Validations.of(app).addPlugins(
      new HIPAASecurityChecks(app, options),
      new NIST80053R5Checks(app, options),
      new PCIDSS321Checks(app, options),
    );
  }
}
