import { Stack } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge, acknowledgeRolePolicy, arnToken } from './nag.ts';

export interface SchedulesProps {
  readonly scheduler: IFunction;
  /** rate(…) or cron(…), from the environment's `weeklyPlanningSchedule`. */
  readonly weeklyPlanning: string;
  /** Invocations EventBridge Scheduler could not deliver after its retries. */
  readonly deadLetterQueue: IQueue;
}

/** EventBridge Scheduler: invokes the scheduler function, which enqueues every weekly plan that is due. */
export class Schedules extends Construct {
  readonly weeklyPlanning: Schedule;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    this.weeklyPlanning = new Schedule(this, 'WeeklyPlanning', {
      description: 'Enqueue weekly plans due in each user’s delivery window',
      schedule: ScheduleExpression.expression(props.weeklyPlanning),
      target: new LambdaInvoke(props.scheduler, {
        deadLetterQueue: props.deadLetterQueue,
        retryAttempts: 2,
      }),
    });
    // The target's role is shared per function at stack level (SchedulerRoleForTarget-…).
    const stack = Stack.of(this);
    for (const child of stack.node.children) {
      if (!child.node.id.startsWith('SchedulerRoleForTarget')) continue;
      acknowledgeRolePolicy(
        child.node.findChild('DefaultPolicy'),
        'the role EventBridge Scheduler invokes with',
      );
      acknowledge(child.node.findChild('DefaultPolicy'), {
        [`AwsSolutions-IAM5[Resource::${arnToken(props.scheduler)}:*]`]:
          'lambda:InvokeFunction on the scheduler function and its versions (<arn>:*), as the Scheduler target grants it; no other function is named.',
      });
    }
  }
}
