import { LogLevel } from '@amiflow/config';
import type { LogLevel as TemporalLogLevel } from '@temporalio/common';

const LEVELS: Record<LogLevel, TemporalLogLevel> = {
  error: 'ERROR',
  warn: 'WARN',
  log: 'INFO',
  debug: 'DEBUG',
  verbose: 'TRACE',
};

/** The Temporal SDK's name for our configured log level. */
export function temporalLogLevel(level: LogLevel): TemporalLogLevel {
  return LEVELS[level];
}
