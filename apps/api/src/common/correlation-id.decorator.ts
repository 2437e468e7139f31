import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * The request's correlation id. Fastify assigned it as the request id when the request arrived
 * (`correlationIdFor`, the adapter's `genReqId`), so the response header, the log line and the
 * command all carry the same one.
 */
export const CorrelationId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string =>
    context.switchToHttp().getRequest<FastifyRequest>().id,
);
