import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { type CallBudget, DEFAULT_CALL_BUDGET } from '../../core/knowledge/model-call-budget.ts';

export interface BedrockClientOptions {
  /** Tests only: where the API is (a fake on 127.0.0.1); otherwise the regional endpoint. */
  endpoint?: string;
  /** Tests only; otherwise the region and credentials come from the runtime's environment or role. */
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Tests only: a shorter budget, so a retry test does not wait seconds. */
  budget?: CallBudget;
}

/**
 * Built once per process: the client keeps its connections and credentials warm. The SDK's standard retries
 * (throttling, 5xx, timeouts) run inside the adapter's overall budget; each attempt gives up on its own after
 * `attemptMs`, so one hung connection leaves time for another try.
 */
export function createBedrockRuntimeClient(options: BedrockClientOptions = {}): BedrockRuntimeClient {
  const budget = options.budget ?? DEFAULT_CALL_BUDGET;
  return new BedrockRuntimeClient({
    maxAttempts: budget.maxAttempts,
    // The client's default HTTP/2 handler: a stream idle this long fails as a TimeoutError, which the SDK retries.
    requestHandler: { requestTimeout: budget.attemptMs },
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  });
}
