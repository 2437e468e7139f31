import { IdempotencyStore } from '@amiflow/persistence';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { IdempotencyKeyPruner } from './idempotency/idempotency-key-pruner';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { ApiMetrics } from './metrics/api-metrics';
import { MetricsAccessGuard } from './metrics/metrics-access.guard';
import { MetricsController } from './metrics/metrics.controller';

/**
 * What running the API in production needs beside its features: Idempotency-Key on the routes
 * that opt in, Prometheus metrics. The HTTP-level parts (headers, limits, request log) are
 * fastify hooks, installed by `installOperations`.
 */
@Module({
  controllers: [MetricsController],
  providers: [
    ApiMetrics,
    MetricsAccessGuard,
    {
      provide: IdempotencyStore,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new IdempotencyStore(dataSource),
    },
    IdempotencyKeyPruner,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [ApiMetrics, IdempotencyStore],
})
export class OperationsModule {}
