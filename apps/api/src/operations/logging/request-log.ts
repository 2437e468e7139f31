import { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { UNMATCHED_ROUTE } from '../metrics/api-metrics';

/** What the log keeps of one request: who, what, how it ended — never a token or a body. */
export interface RequestLogLine {
  readonly msg: 'request';
  readonly method: string;
  readonly route: string;
  readonly statusCode: number;
  readonly durationMs: number;
  readonly correlationId: string;
  readonly principal: { subject: string; role: string; organisationId?: string } | null;
}

/** One log line per request, once its response is sent (`logger` carries its own context). */
export function registerRequestLog(fastify: FastifyInstance, logger: LoggerService): void {
  fastify.addHook('onResponse', async (request, reply) => {
    const principal = (request as AuthenticatedRequest).principal;
    const line: RequestLogLine = {
      msg: 'request',
      method: request.method,
      route: request.routeOptions.url ?? UNMATCHED_ROUTE,
      statusCode: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      correlationId: request.id,
      principal: principal
        ? {
            subject: principal.subject,
            role: principal.role,
            ...(principal.organisationId && { organisationId: principal.organisationId }),
          }
        : null,
    };
    // Server errors are already logged with their stack by the exception filter.
    if (reply.statusCode >= 500) logger.warn(line);
    else logger.log(line);
  });
}
