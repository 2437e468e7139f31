import { IdempotencyStore } from '@amiflow/persistence';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdempotencyKeyPruner } from './idempotency/idempotency-key-pruner';
import { ApiMetrics } from './metrics/api-metrics';
import { MetricsAccessGuard } from './metrics/metrics-access.guard';
import { MetricsController } from './metrics/metrics.controller';

/**
 * What running the API in production needs beside its features: the store of Idempotency-Key
 * records (the modules whose routes opt in by `@Idempotent()` import this one), Prometheus
 * metrics. The HTTP-level parts (headers, limits, request log) are fastify hooks, installed by
 * `installOperations`.
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
  ],
  exports: [ApiMetrics, IdempotencyStore],
})
export class OperationsModule {}
