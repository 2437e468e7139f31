import { AppConfig, logLevelsUpTo } from '@amiflow/config';
import { ConsoleLogger } from '@nestjs/common';

/**
 * The API's one logger: Nest's own, writing one JSON object per line (`LOG_FORMAT=json`, for log
 * collectors) or coloured lines for a person (`pretty`).
 */
export function createAppLogger(config: AppConfig): ConsoleLogger {
  return new ConsoleLogger({
    json: config.operations.logFormat === 'json',
    logLevels: logLevelsUpTo(config.logLevel),
  });
}
