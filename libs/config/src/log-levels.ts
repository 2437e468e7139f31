import { LogLevel } from './app-config';

const ORDER: readonly LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** The levels a logger should print for a configured level (Nest takes the list). */
export function logLevelsUpTo(level: LogLevel): LogLevel[] {
  return ORDER.slice(0, ORDER.indexOf(level) + 1);
}
