export const SECURITY_TIERS = ['basic', 'standard', 'enterprise'] as const;
export type SecurityTierName = (typeof SECURITY_TIERS)[number];

/**
 * What each security tier switches on, as specified in the seed infrastructure document. Constructs for these
 * controls arrive in later issues; the table lives here so every construct reads one source.
 */
export interface SecurityTierConfig {
  readonly name: SecurityTierName;
  readonly vpc: boolean;
  readonly guardDuty: boolean;
  readonly securityHub: boolean;
  readonly awsConfig: boolean;
  readonly backup: boolean;
}

export const SECURITY_TIER_CONFIGS: Readonly<Record<SecurityTierName, SecurityTierConfig>> = {
  basic: { name: 'basic', vpc: false, guardDuty: false, securityHub: false, awsConfig: false, backup: false },
  standard: {
    name: 'standard',
    vpc: true,
    guardDuty: false,
    securityHub: false,
    awsConfig: true,
    backup: true,
  },
  enterprise: {
    name: 'enterprise',
    vpc: true,
    guardDuty: true,
    securityHub: true,
    awsConfig: true,
    backup: true,
  },
};
