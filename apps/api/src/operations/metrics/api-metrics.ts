import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Route label of requests no route matched: one series for all of them, whatever their URL. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * The API's Prometheus metrics: the process's (CPU, memory, event loop, GC) and the duration of
 * every request by method, route pattern and status. A registry of its own rather than
 * prom-client's global one, so that two applications in one process never share series.
 */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests, from arrival to the last byte of the response',
    labelNames: ['method', 'route', 'status_code'] as const,
    // From a cached read to a slow update-with-start through Temporal.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** `route` is the route's pattern (`/campaigns/:campaignId/dossiers`), never the raw URL. */
  observeRequest(method: string, route: string, statusCode: number, seconds: number): void {
    this.requestDuration.observe({ method, route, status_code: String(statusCode) }, seconds);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
