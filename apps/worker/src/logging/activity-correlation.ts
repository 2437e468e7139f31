import type { ActivityInterceptorsFactory } from '@temporalio/worker';

/**
 * The correlation id an activity's input carries: on the input itself (deliveries, notices,
 * planning) or on the metadata of the events it appends. Only a non-empty string counts.
 */
export function correlationIdOfActivityInput(args: readonly unknown[]): string | undefined {
  const input = args[0];
  if (typeof input !== 'object' || input === null) return undefined;
  const own = (input as { correlationId?: unknown }).correlationId;
  if (isId(own)) return own;
  const events = (input as { events?: unknown }).events;
  if (!Array.isArray(events)) return undefined;
  const first: unknown = events[0];
  const metadata =
    typeof first === 'object' && first !== null
      ? (first as { metadata?: { correlationId?: unknown } }).metadata
      : undefined;
  return isId(metadata?.correlationId) ? metadata.correlationId : undefined;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * Puts the request's correlation id on every log line of an activity (the SDK's own, such as
 * "Activity failed", and the activity's), and logs one line when it succeeds, so that a request
 * can be followed from the API's log line into the worker's.
 */
export const activityCorrelation: ActivityInterceptorsFactory = (context) => {
  let correlationId: string | undefined;
  return {
    inbound: {
      async execute(input, next) {
        correlationId = correlationIdOfActivityInput(input.args);
        const started = performance.now();
        const result = await next(input);
        context.log.info('Activity succeeded', {
          durationMs: Math.round((performance.now() - started) * 10) / 10,
        });
        return result;
      },
    },
    outbound: {
      getLogAttributes: (attributes, next) =>
        next(correlationId === undefined ? attributes : { ...attributes, correlationId }),
    },
  };
};
