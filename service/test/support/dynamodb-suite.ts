import { DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  PutCommand,
  ScanCommand,
  type ScanCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe } from 'vitest';
import { createTable } from '../../src/adapters/dynamodb/index.ts';
import { createDynamoStores } from '../../src/composition/dynamodb-stores.ts';
import type { Stores } from '../../src/core/ports/stores.ts';
import type { MakeStores } from '../contract/contract-support.ts';
import { type DynamoDbLocal, javaAvailable, startDynamoDbLocal } from './dynamodb-local.ts';

/** A table of its own for one test, on the suite's DynamoDB Local. */
export interface FreshTable {
  client: DynamoDBClient;
  tableName: string;
  /** The DynamoDB family of stores on this table. */
  stores: Stores;
  /** Another family on the same table, as a second process would open it. */
  open(): Stores;
  /** Every item of the table, raw, to see what the stores left behind. */
  items(): Promise<NonNullable<ScanCommandOutput['Items']>>;
  /** Writes one raw item, as a crash or an older release would have left it. */
  put(item: Record<string, unknown>): Promise<unknown>;
  drop(): Promise<void>;
}

export interface FreshTableOptions {
  pseudonymKey: string;
  /**
   * Off unless asked: these tests pin their clock in the past while DynamoDB Local's TTL runs on the real one, so
   * TTL would delete their items mid-test. The stores' reads filter on expiry themselves, which is what they prove.
   */
  timeToLive?: boolean;
}

export interface DynamoDbSuite {
  /** The running DynamoDB Local's client; only inside hooks and tests. */
  client(): DynamoDBClient;
  /** Creates `<prefix>-<pid>-<n>` (DynamoDB Local does it in milliseconds); it stays until `drop()`. */
  freshTable(prefix: string, options: FreshTableOptions): Promise<FreshTable>;
  /** For the store contracts: a fresh table per test, without TTL, dropped by the contract's cleanup. */
  makeStores(prefix: string, pseudonymKey: string): MakeStores;
}

const REASON = 'SKIPPED, no Java to run DynamoDB Local';

/**
 * A `describe` that starts one DynamoDB Local for the file. Without Java it is listed as skipped, with the reason in
 * its name; under CI=true it runs and fails instead, because CI must prove the DynamoDB adapter.
 */
export function describeOnDynamoDbLocal(name: string, body: (local: DynamoDbSuite) => void): void {
  const hasJava = javaAvailable();
  const mustRun = hasJava || process.env.CI === 'true';
  describe.skipIf(!mustRun)(mustRun ? `${name} (DynamoDB Local)` : `${name}: ${REASON}`, () => {
    let local: DynamoDbLocal | undefined;
    let tables = 0;

    beforeAll(async () => {
      if (!hasJava)
        throw new Error('Java is not installed, so DynamoDB Local cannot start (.ci/run installs it)');
      local = await startDynamoDbLocal();
    }, 60_000);
    afterAll(async () => {
      await local?.stop();
    });

    const client = (): DynamoDBClient => {
      if (local === undefined) throw new Error('DynamoDB Local is not running');
      return local.client;
    };

    const freshTable = async (prefix: string, options: FreshTableOptions): Promise<FreshTable> => {
      const dynamo = client();
      const tableName = `${prefix}-${process.pid}-${++tables}`;
      await createTable(dynamo, tableName, { timeToLive: options.timeToLive ?? false });
      const open = () =>
        createDynamoStores({ client: dynamo, tableName, pseudonymKey: options.pseudonymKey });
      const doc = DynamoDBDocumentClient.from(dynamo);
      return {
        client: dynamo,
        tableName,
        stores: open(),
        open,
        items: async () => (await doc.send(new ScanCommand({ TableName: tableName }))).Items ?? [],
        put: (item) => doc.send(new PutCommand({ TableName: tableName, Item: item })),
        drop: async () => {
          await dynamo.send(new DeleteTableCommand({ TableName: tableName }));
        },
      };
    };

    const makeStores =
      (prefix: string, pseudonymKey: string): MakeStores =>
      async () => {
        const { stores, drop } = await freshTable(prefix, { pseudonymKey });
        return { stores, cleanup: drop };
      };

    body({ client, freshTable, makeStores });
  });
}
