import { AppConfig, logLevelsUpTo } from '@amiflow/config';
import { ConsoleLogger } from '@nestjs/common';

/**
 * The worker's one logger, for Nest and (through `forwardTemporalLogs`) the Temporal SDK: one
 * JSON object per line (`LOG_FORMAT=json`) or coloured lines for a person (`pretty`).
 */
export function createWorkerLogger(config: AppConfig): ConsoleLogger {
  return new ConsoleLogger({
    json: config.operations.logFormat === 'json',
    logLevels: logLevelsUpTo(config.logLevel),
  });
}
