import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { openDynamoStores } from '../adapters/dynamodb/index.ts';
import type { Stores } from '../core/ports/stores.ts';

/**
 * The DynamoDB family of stores, for the AWS composition (which builds the client once per container) and the
 * tests against DynamoDB Local. The table must exist (TABLE_DEFINITION; the CDK stack creates it on AWS).
 */
export function createDynamoStores(options: {
  client: DynamoDBClient;
  tableName: string;
  /** PSEUDONYM_KEY, from the secret store: erased users' consent records are kept under its keyed hash. */
  pseudonymKey: string;
}): Stores {
  return openDynamoStores(options);
}
