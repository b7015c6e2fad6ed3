import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';

export interface AwsSmsClientOptions {
  /** Tests only: where the API is (a fake on 127.0.0.1); otherwise the regional endpoint. */
  endpoint?: string;
  /** Tests only; on Lambda the region and the role's credentials come from the runtime's environment. */
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * AWS SDK tries of one send, including the first (standard retry mode: throttling, 5xx and dropped connections).
 * SendTextMessage takes no idempotency token, so a retry after a lost answer could send twice; three tries keep
 * that window small while riding out a blip, and anything longer is left to the queue.
 */
export const AWS_SMS_MAX_ATTEMPTS = 3;

/** Built once per process (per Lambda container): the client keeps its connections and credentials warm. */
export function createAwsSmsClient(options: AwsSmsClientOptions = {}): PinpointSMSVoiceV2Client {
  return new PinpointSMSVoiceV2Client({
    maxAttempts: AWS_SMS_MAX_ATTEMPTS,
    // A send that hangs must give the queue or Lambda time to try again rather than run out the clock.
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  });
}
