import { CfnBudget } from 'aws-cdk-lib/aws-budgets';
import { CfnAnomalyMonitor, CfnAnomalySubscription } from 'aws-cdk-lib/aws-ce';
import { Construct } from 'constructs';

export interface CostControlsProps {
  readonly budgetName: string;
  readonly monthlyBudgetUsd: number;
  readonly alertEmail: string;
  /** The project's cost-allocation tag value (Project=…), so the budget counts only this app. */
  readonly projectTag: string;
}

/** Budget notifications, percent of the monthly limit (actual spend). */
export const BUDGET_THRESHOLDS = [50, 80, 100] as const;

/**
 * AWS Budgets (actual spend at 50/80/100 % of the month's limit, and a forecast past 100 %) and Cost Anomaly
 * Detection over the services, both mailing the alert address. Billing is global: this lives in us-east-1.
 */
export class CostControls extends Construct {
  readonly budget: CfnBudget;
  readonly anomalyMonitor: CfnAnomalyMonitor;
  readonly anomalySubscription: CfnAnomalySubscription;

  constructor(scope: Construct, id: string, props: CostControlsProps) {
    super(scope, id);
    const subscribers = [{ subscriptionType: 'EMAIL', address: props.alertEmail }];
    this.budget = new CfnBudget(this, 'Budget', {
      budget: {
        budgetName: props.budgetName,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: props.monthlyBudgetUsd, unit: 'USD' },
        costFilters: { TagKeyValue: [`user:Project$${props.projectTag}`] },
      },
      notificationsWithSubscribers: [
        ...BUDGET_THRESHOLDS.map((threshold) => ({
          notification: {
            notificationType: 'ACTUAL',
            comparisonOperator: 'GREATER_THAN',
            threshold,
            thresholdType: 'PERCENTAGE',
          },
          subscribers,
        })),
        {
          notification: {
            notificationType: 'FORECASTED',
            comparisonOperator: 'GREATER_THAN',
            threshold: 100,
            thresholdType: 'PERCENTAGE',
          },
          subscribers,
        },
      ],
    });

    this.anomalyMonitor = new CfnAnomalyMonitor(this, 'AnomalyMonitor', {
      monitorName: `${props.budgetName}-services`,
      monitorType: 'DIMENSIONAL',
      monitorDimension: 'SERVICE',
    });
    // An anomaly worth a mail: at least 10 % of the monthly budget above the expected spend (and 5 USD).
    const impactUsd = Math.max(5, Math.round(props.monthlyBudgetUsd * 0.1));
    this.anomalySubscription = new CfnAnomalySubscription(this, 'AnomalySubscription', {
      subscriptionName: `${props.budgetName}-anomalies`,
      frequency: 'DAILY',
      monitorArnList: [this.anomalyMonitor.attrMonitorArn],
      subscribers: [{ type: 'EMAIL', address: props.alertEmail }],
      thresholdExpression: JSON.stringify({
        Dimensions: {
          Key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE',
          MatchOptions: ['GREATER_THAN_OR_EQUAL'],
          Values: [String(impactUsd)],
        },
      }),
    });
  }
}
