import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnConfigurationSet } from 'aws-cdk-lib/aws-smsvoice';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface MessagingProps {
  readonly configurationSetName: string;
  readonly notificationsKey: IKey;
}

/**
 * AWS End User Messaging SMS: the configuration set outbound messages name, and the encrypted SNS topic a
 * two-way phone number or pool publishes inbound messages to (point it there after buying the number; see
 * infra/README.md). The inbound function subscribes with `subscribeInbound`.
 */
export class Messaging extends Construct {
  readonly configurationSet: CfnConfigurationSet;
  readonly inboundTopic: Topic;

  constructor(scope: Construct, id: string, props: MessagingProps) {
    super(scope, id);
    const { account } = Stack.of(this);
    this.configurationSet = new CfnConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: props.configurationSetName,
    });
    this.inboundTopic = new Topic(this, 'Inbound', {
      displayName: 'AI Nutritionist inbound SMS',
      masterKey: props.notificationsKey,
      enforceSSL: true,
    });
    this.inboundTopic.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('sms-voice.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.inboundTopic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
  }

  subscribeInbound(handler: IFunction): void {
    this.inboundTopic.addSubscription(new LambdaSubscription(handler));
  }
}
