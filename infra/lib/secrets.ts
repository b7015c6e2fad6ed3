import { type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface SecretsProps {
  readonly key: IKey;
  readonly namePrefix: string;
  readonly removalPolicy: RemovalPolicy;
  /** Make the Redis AUTH token (only when the deployment has a cache). */
  readonly redisAuthToken: boolean;
}

/** One secret the functions read at start-up; the environment carries only its ARN (`<VARIABLE>_SECRET_ID`). */
interface SecretSpec {
  readonly id: string;
  /** The service variable the secret's value fills. */
  readonly variable: string;
  readonly description: string;
  /** Why the value is not rotated automatically (cdk-nag asks; each answer is specific to the secret). */
  readonly noRotationReason: string;
}

const SECRETS: readonly SecretSpec[] = [
  {
    id: 'PseudonymKey',
    variable: 'PSEUDONYM_KEY',
    description: 'HMAC key under which erased users’ consent and opt-out records are kept',
    noRotationReason:
      'The pseudonym key must never change: opt-outs of erased users are stored under HMACs made with it, and a ' +
      'new key would stop them matching, so a STOP would no longer be honoured.',
  },
  {
    id: 'TwilioAuthToken',
    variable: 'TWILIO_AUTH_TOKEN',
    description: 'Twilio auth token: verifies webhook signatures and authenticates outbound sends',
    noRotationReason:
      'Twilio issues this token; it is rotated in the Twilio console (secondary token, then promote) and pasted ' +
      'here, since no Lambda can rotate a credential another provider owns.',
  },
  {
    id: 'StripeSecretKey',
    variable: 'STRIPE_SECRET_KEY',
    description: 'Stripe restricted API key for billing',
    noRotationReason:
      'Stripe issues this key; rolling it happens in the Stripe dashboard with an overlap period, then the new ' +
      'value is stored here. AWS cannot rotate a credential Stripe owns.',
  },
  {
    id: 'StripeWebhookSecret',
    variable: 'STRIPE_WEBHOOK_SECRET',
    description: 'Stripe webhook signing secret (whsec_…) for POST /webhooks/stripe',
    noRotationReason:
      'Stripe generates the webhook signing secret per endpoint and rolls it from its dashboard; the value is ' +
      'then stored here. There is no AWS-side rotation for it.',
  },
];

const REDIS_AUTH: SecretSpec = {
  id: 'RedisAuthToken',
  variable: 'REDIS_PASSWORD',
  description: 'ElastiCache Redis AUTH token',
  noRotationReason:
    'ElastiCache AUTH token rotation needs a ROTATE then SET modify of the replication group, which a ' +
    'Secrets Manager rotation Lambda cannot do atomically with the running functions; it is rotated by redeploy.',
};

/** Secrets Manager entries for our own keys and the Twilio and Stripe credentials, encrypted with the data key. */
export class Secrets extends Construct {
  /** By service variable name: PSEUDONYM_KEY, TWILIO_AUTH_TOKEN, … */
  readonly byVariable: ReadonlyMap<string, Secret>;

  constructor(scope: Construct, id: string, props: SecretsProps) {
    super(scope, id);
    const specs = props.redisAuthToken ? [...SECRETS, REDIS_AUTH] : SECRETS;
    const byVariable = new Map<string, Secret>();
    for (const spec of specs) {
      const secret = new Secret(this, spec.id, {
        secretName: `${props.namePrefix}/${spec.variable.toLowerCase().replaceAll('_', '-')}`,
        description: spec.description,
        encryptionKey: props.key,
        removalPolicy: props.removalPolicy,
        // Our keys are generated here; the provider credentials start as random placeholders the operator
        // replaces (infra/README.md), so nothing guessable is ever live.
        generateSecretString: {
          passwordLength: 64,
          // ElastiCache AUTH tokens and HMAC keys both accept alphanumerics; no punctuation avoids URL escaping.
          excludePunctuation: true,
        },
      });
      const resource = secret.node.defaultChild ?? secret;
      for (const rule of [
        'AwsSolutions-SMG4',
        'HIPAA.Security-SecretsManagerRotationEnabled',
        'NIST.800.53.R5-SecretsManagerRotationEnabled',
        'PCI.DSS.321-SecretsManagerRotationEnabled',
      ]) {
        Validations.of(resource).acknowledge({ id: rule, reason: spec.noRotationReason });
      }
      byVariable.set(spec.variable, secret);
    }
    this.byVariable = byVariable;
  }

  get(variable: string): Secret {
    const secret = this.byVariable.get(variable);
    if (!secret) throw new Error(`No secret for ${variable}`);
    return secret;
  }
}

/** Every secret variable that may reach a function, so the .env.example test knows the `_SECRET_ID` keys. */
export const SECRET_VARIABLES = [...SECRETS.map((spec) => spec.variable), REDIS_AUTH.variable] as const;
