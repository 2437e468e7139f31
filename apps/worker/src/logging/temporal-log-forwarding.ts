import { LogLevel } from '@amiflow/config';
import { Logger } from '@nestjs/common';
import type { LogLevel as TemporalLogLevel, LogMetadata } from '@temporalio/common';
import { DefaultLogger, LogEntry } from '@temporalio/worker';
import { temporalLogLevel } from '../temporal/temporal-log-level';

type NestMethod = 'verbose' | 'debug' | 'log' | 'warn' | 'error';

const NEST_METHODS: Record<TemporalLogLevel, NestMethod> = {
  TRACE: 'verbose',
  DEBUG: 'debug',
  INFO: 'log',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The Temporal runtime's logger: every SDK, workflow and activity message becomes a line of the
 * worker's own logger (context `Temporal`), its metadata — workflow and activity ids, attempt,
 * the request's correlationId — as fields beside the message.
 */
export function forwardTemporalLogs(level: LogLevel): DefaultLogger {
  const logger = new Logger('Temporal');
  return new DefaultLogger(temporalLogLevel(level), (entry: LogEntry) => {
    logger[NEST_METHODS[entry.level]](temporalLogLine(entry));
  });
}

/** A log entry as a plain JSON-able object: `msg` and the metadata's fields. */
export function temporalLogLine(
  entry: Pick<LogEntry, 'message' | 'meta'>,
): Record<string, unknown> {
  return { msg: entry.message, ...plainMetadata(entry.meta) };
}

// Left out: an activity's task token is a credential (it completes the activity through the
// API) and a long blob that says nothing the workflow and activity ids do not.
const OMITTED = new Set(['taskToken']);

// The SDK's metadata has symbol keys (its timestamp) and Error values, which JSON drops or
// prints as `{}`.
function plainMetadata(meta: LogMetadata | undefined): Record<string, unknown> {
  if (!meta) return {};
  return Object.fromEntries(
    Object.entries(meta)
      .filter(([key]) => !OMITTED.has(key))
      .map(([key, value]) => [key, value instanceof Error ? errorFields(value) : value]),
  );
}

function errorFields(error: Error): Record<string, unknown> {
  const type = (error as { type?: unknown }).type;
  return {
    name: error.name,
    message: error.message,
    ...(typeof type === 'string' && { type }),
    ...(error.cause instanceof Error && { cause: errorFields(error.cause) }),
    stack: error.stack,
  };
}
