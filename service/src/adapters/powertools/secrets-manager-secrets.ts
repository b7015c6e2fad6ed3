import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** Reads a secret by id; the value is never logged. */
export interface SecretReader {
  read(secretId: string): Promise<string>;
}

/**
 * Secrets from AWS Secrets Manager (a plain-text SecretString per secret) through Powertools Parameters: a value
 * is kept for `maxAgeSeconds`, so a warm container asks at most that often and a rotated secret is picked up within
 * that time. Secrets Manager rather than SSM Parameter Store: its SDK client is about 13 KB in a bundle against
 * SSM's 79 KB, and it rotates. The client is the container's (traced by the composition).
 */
export class SecretsManagerSecrets implements SecretReader {
  readonly #provider: SecretsProvider;

  constructor(
    client: SecretsManagerClient,
    private readonly maxAgeSeconds: number,
  ) {
    this.#provider = new SecretsProvider({ awsSdkV3Client: client });
  }

  async read(secretId: string): Promise<string> {
    const value = await this.#provider.get(secretId, { maxAge: this.maxAgeSeconds });
    // The id may be logged, the value never.
    if (typeof value !== 'string' || value === '') {
      throw new Error(`Secret ${secretId} has no SecretString (binary secrets are not used)`);
    }
    return value;
  }
}
