import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const CORRELATION_ID_HEADER = 'x-correlation-id';
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id that follows a request into its workflow, its events and its log lines: the caller's
 * own when it is a sane token (it ties our logs to theirs), else a new one.
 */
export function correlationIdFor(headers: IncomingHttpHeaders): string {
  const value = headers[CORRELATION_ID_HEADER];
  return typeof value === 'string' && ACCEPTED.test(value) ? value : randomUUID();
}
