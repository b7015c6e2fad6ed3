import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** The compliance packs that run on prod/enterprise besides AwsSolutions (rule ids are `<pack>-<Rule>`). */
export const REGULATED_PACKS = ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'] as const;

/**
 * Acknowledges cdk-nag findings on ONE resource: each key is one rule (or one finding of a rule, `Rule[Finding]`)
 * and each value the reason specific to this resource. Passing an L2 construct resolves to its CloudFormation
 * resource, so the acknowledgement covers nothing else.
 */
export function acknowledge(resource: IConstruct, findings: Readonly<Record<string, string>>): void {
  const target = resource.node.defaultChild ?? resource;
  for (const [id, reason] of Object.entries(findings)) Validations.of(target).acknowledge({ id, reason });
}

/** The same rule of each regulated pack, with one reason: `{ 'HIPAA.Security-Rule': reason, … }`. */
export function inRegulatedPacks(rule: string, reason: string): Record<string, string> {
  return Object.fromEntries(REGULATED_PACKS.map((pack) => [`${pack}-${rule}`, reason]));
}

/** How cdk-nag writes a resource's ARN inside a finding id: `<LogicalId.Arn>`. */
export function arnToken(resource: IConstruct): string {
  const element = (resource.node.defaultChild ?? resource) as CfnElement;
  return `<${Stack.of(element).getLogicalId(element)}.Arn>`;
}

/**
 * CDK writes the permissions it derives for a role (grants, tracing, event sources) into that role's own
 * AWS::IAM::Policy. The regulated packs read any such policy as "inline"; this one is attached to one role only.
 */
export function acknowledgeRolePolicy(policy: IConstruct, whose: string): void {
  acknowledge(
    policy,
    inRegulatedPacks(
      'IAMNoInlinePolicy',
      `The policy CDK generates for ${whose}: attached to that one role, listing only the grants made to it, and ` +
        'replaced with the role on every deploy; a managed policy would be the same document, reusable elsewhere.',
    ),
  );
}
