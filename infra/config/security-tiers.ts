import type { SecurityTierConfig, SecurityTierName } from './deployment-config.ts';

/**
 * What each security tier switches on: the seed's table (VPC, GuardDuty, Security Hub, Config, Backup), plus
 * CloudTrail wherever Config is on, since Config says what changed and CloudTrail who changed it.
 */
export const SECURITY_TIER_CONFIGS: Readonly<Record<SecurityTierName, SecurityTierConfig>> = {
  basic: {
    name: 'basic',
    vpc: false,
    guardDuty: false,
    securityHub: false,
    awsConfig: false,
    cloudTrail: false,
    backup: false,
  },
  standard: {
    name: 'standard',
    vpc: true,
    guardDuty: false,
    securityHub: false,
    awsConfig: true,
    cloudTrail: true,
    backup: true,
  },
  enterprise: {
    name: 'enterprise',
    vpc: true,
    guardDuty: true,
    securityHub: true,
    awsConfig: true,
    cloudTrail: true,
    backup: true,
  },
};
