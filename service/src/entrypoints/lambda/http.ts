import type { Context } from 'aws-lambda';
// hono/aws-lambda marks itself deprecated for Hono 5 in favour of @hono/aws-lambda; it is Hono 4's adapter.
import { type APIGatewayProxyResult, handle, type LambdaEvent } from 'hono/aws-lambda';
import { awsTelemetry } from '../../composition/aws-container.ts';
import { awsHttpApp } from '../../composition/aws-http.ts';
import { preparePlanning } from '../../composition/aws-planning.ts';

// During init: the planner's WebAssembly, so the first "plan" does not wait for it.
await preparePlanning();

let handleRequest: ReturnType<typeof handle> | undefined;

/**
 * The HTTP function behind API Gateway (REST API, proxy integration): the same Hono app as `npm start` — Twilio
 * webhooks, web chat API, plan and export pages, /health. The app is built on the first request (its secrets come
 * from Secrets Manager) and kept for the container's life; each request re-reads the Twilio auth token through the secret
 * cache, so a rotation reaches warm containers within SECRETS_MAX_AGE_SECONDS.
 */
export async function handler(event: LambdaEvent, context?: Context): Promise<APIGatewayProxyResult> {
  const telemetry = awsTelemetry();
  return telemetry.invocation('http', context, async () => {
    const { app, refreshSecrets } = await awsHttpApp();
    await refreshSecrets();
    handleRequest ??= handle(app);
    const response = await handleRequest(event, context);
    if (response.statusCode >= 500) telemetry.count('HttpServerErrors');
    return response;
  });
}
