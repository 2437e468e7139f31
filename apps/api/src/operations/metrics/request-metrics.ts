import type { FastifyInstance } from 'fastify';
import { ApiMetrics, UNMATCHED_ROUTE } from './api-metrics';

/** Times every request into the duration histogram, once its response is sent. */
export function registerRequestMetrics(fastify: FastifyInstance, metrics: ApiMetrics): void {
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(
      request.method,
      request.routeOptions.url ?? UNMATCHED_ROUTE,
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });
}
