import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';
import { powertoolsLoggerPort } from '../adapters/powertools/powertools-logger.ts';
import type { Config } from '../config/config.ts';
import type { Logger } from '../core/ports/logger.port.ts';

export const SERVICE_NAME = 'ai-nutritionist';

/**
 * What a Lambda function reports besides its answer: logs through our Logger port (Powertools Logger, phone
 * numbers masked), counts as CloudWatch metrics in EMF (one JSON line per invocation, no API calls), and X-Ray
 * traces of the invocation and of every AWS SDK call. Core sees only the Logger port.
 */
export interface LambdaTelemetry {
  logger: Logger;
  /** Adds to a count published at the end of the invocation (dimension: service). */
  count(metric: string, value?: number): void;
  /** Runs one invocation inside its trace subsegment, with the request id on every log line; flushes metrics. */
  invocation<T>(name: string, context: Context | undefined, run: () => Promise<T>): Promise<T>;
  /** The same client, its calls traced (a no-op outside Lambda, where tracing is off). */
  traced<C>(client: C): C;
}

const LEVELS = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR', silent: 'SILENT' } as const;

export function createLambdaTelemetry(config: Config): LambdaTelemetry {
  const powertools = new PowertoolsLogger({ serviceName: SERVICE_NAME, logLevel: LEVELS[config.logLevel] });
  const metrics = new Metrics({ serviceName: SERVICE_NAME, namespace: config.lambda.metricsNamespace });
  const tracer = new Tracer({ serviceName: SERVICE_NAME });
  return {
    logger: powertoolsLoggerPort(powertools),
    count(metric, value = 1) {
      metrics.addMetric(metric, MetricUnit.Count, value);
    },
    async invocation(name, context, run) {
      if (context !== undefined) powertools.addContext(context);
      metrics.captureColdStartMetric(context?.functionName);
      const parent = tracer.isTracingEnabled() ? tracer.getSegment() : undefined;
      const segment = parent?.addNewSubsegment(`## ${name}`);
      if (segment) {
        tracer.setSegment(segment);
        tracer.annotateColdStart();
        tracer.addServiceNameAnnotation();
      }
      try {
        return await run();
      } catch (error) {
        if (segment && error instanceof Error) tracer.addErrorAsMetadata(error);
        throw error;
      } finally {
        segment?.close();
        if (parent) tracer.setSegment(parent);
        // An invocation that counted nothing publishes nothing (Powertools would warn about an empty flush).
        if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
      }
    },
    traced(client) {
      return tracer.isTracingEnabled() ? tracer.captureAWSv3Client(client) : client;
    },
  };
}
