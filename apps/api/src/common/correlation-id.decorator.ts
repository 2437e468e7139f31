import { randomUUID } from 'node:crypto';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

const HEADER = 'x-correlation-id';
const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's correlation id when it is a sane token, else a new one. */
export const CorrelationId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string => {
    const value = context.switchToHttp().getRequest<FastifyRequest>().headers[HEADER];
    return typeof value === 'string' && ACCEPTED.test(value) ? value : randomUUID();
  },
);
