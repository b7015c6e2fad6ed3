import type { RemovalPolicy } from 'aws-cdk-lib';
import {
  FlowLogDestination,
  FlowLogTrafficType,
  GatewayVpcEndpointAwsService,
  InterfaceVpcEndpointAwsService,
  Port,
  SecurityGroup,
  SubnetType,
  Vpc,
} from 'aws-cdk-lib/aws-ec2';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge, acknowledgeRolePolicy, inRegulatedPacks } from './nag.ts';

export interface NetworkProps {
  readonly maxAzs: number;
  readonly natGateways: number;
  readonly logsKey: IKey;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The VPC of the standard and enterprise tiers: functions and Redis in private subnets across AZs, NAT for the
 * providers on the internet (Twilio, Stripe), endpoints so AWS traffic stays off it, and flow logs.
 */
export class Network extends Construct {
  readonly vpc: Vpc;
  /** Attached to every function; Redis admits only this group. */
  readonly functionsSecurityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const flowLogs = new LogGroup(this, 'FlowLogs', {
      encryptionKey: props.logsKey,
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    this.vpc = new Vpc(this, 'Vpc', {
      maxAzs: props.maxAzs,
      natGateways: props.natGateways,
      subnetConfiguration: [
        { name: 'public', subnetType: SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'private', subnetType: SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
      ],
      flowLogs: {
        all: {
          destination: FlowLogDestination.toCloudWatchLogs(flowLogs),
          trafficType: FlowLogTrafficType.ALL,
        },
      },
      gatewayEndpoints: {
        DynamoDb: { service: GatewayVpcEndpointAwsService.DYNAMODB },
        S3: { service: GatewayVpcEndpointAwsService.S3 },
      },
    });

    this.functionsSecurityGroup = new SecurityGroup(this, 'Functions', {
      vpc: this.vpc,
      description: 'AI Nutritionist Lambda functions (outbound only)',
      allowAllOutbound: true,
    });

    // Interface endpoints for the AWS APIs called on every job; the rest (X-Ray, End User Messaging) use NAT.
    const endpoints = {
      Sqs: InterfaceVpcEndpointAwsService.SQS,
      SecretsManager: InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      Kms: InterfaceVpcEndpointAwsService.KMS,
      BedrockRuntime: InterfaceVpcEndpointAwsService.BEDROCK_RUNTIME,
    };
    for (const [name, service] of Object.entries(endpoints)) {
      this.vpc.addInterfaceEndpoint(name, {
        service,
        subnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
        securityGroups: [this.endpointSecurityGroup(name)],
        privateDnsEnabled: true,
        // Reached only from the functions' group (the rule below), not from the whole VPC.
        open: false,
      });
    }

    // Public subnets hold only the NAT gateways; nothing we run gets a public address.
    for (const subnet of this.vpc.publicSubnets) {
      acknowledge(
        subnet,
        inRegulatedPacks(
          'VPCSubnetAutoAssignPublicIpDisabled',
          'This public subnet holds only a NAT gateway (Elastic IP); functions and Redis run in the private subnets, which never assign public addresses.',
        ),
      );
      acknowledge(
        subnet.node.findChild('DefaultRoute'),
        inRegulatedPacks(
          'VPCNoUnrestrictedRouteToIGW',
          'The route of a public subnet whose only tenant is a NAT gateway: the private subnets reach Twilio and Stripe through it, and nothing in this subnet accepts inbound traffic.',
        ),
      );
    }
    const flowLogRole = this.vpc.node.findChild('all').node.findChild('IAMRole');
    acknowledgeRolePolicy(flowLogRole.node.findChild('DefaultPolicy'), 'the role VPC flow logs write with');
  }

  private endpointSecurityGroup(name: string): SecurityGroup {
    const group = new SecurityGroup(this, `${name}Endpoint`, {
      vpc: this.vpc,
      description: `${name} interface endpoint: HTTPS from the functions only`,
      allowAllOutbound: false,
    });
    group.addIngressRule(this.functionsSecurityGroup, Port.tcp(443), `HTTPS to ${name} from the functions`);
    return group;
  }
}
