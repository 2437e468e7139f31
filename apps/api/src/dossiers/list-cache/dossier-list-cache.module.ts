import { AppConfig } from '@amiflow/config';
import { DossierListChanges } from '@amiflow/persistence';
import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { ApiMetrics } from '../../operations/metrics/api-metrics';
import { OperationsModule } from '../../operations/operations.module';
import { DossierListPages } from './dossier-list-pages';
import { DossierPageCache } from './dossier-page-cache';

/**
 * Listens to PostgreSQL's notifications of changed dossier summaries for the page cache, from
 * the application's start to its shutdown (not at all when `DOSSIER_LIST_CACHE=off`: the cache
 * then never trusts itself and every page is read from the database).
 */
@Injectable()
export class DossierListCacheListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly changes: DossierListChanges | undefined;

  constructor(
    @Inject(AppConfig) config: AppConfig,
    @Inject(DossierPageCache) cache: DossierPageCache,
  ) {
    if (config.api.dossierListCache.enabled)
      this.changes = new DossierListChanges(
        config.database.url,
        cache,
        new Logger('DossierListCache'),
        { applicationName: 'amiflow-api-list-changes' },
      );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.changes?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.changes?.stop();
  }
}

/** What the page cache served, and what it holds, on /metrics. */
function registerCacheMetrics(cache: DossierPageCache, metrics: ApiMetrics): void {
  new Counter({
    name: 'dossier_list_cache_requests_total',
    help: 'Dossier list pages asked of the cache: hit, miss, or bypass (changes not heard, or off)',
    labelNames: ['result'] as const,
    registers: [metrics.registry],
    collect() {
      this.reset();
      this.inc({ result: 'hit' }, cache.counts.hits);
      this.inc({ result: 'miss' }, cache.counts.misses);
      this.inc({ result: 'bypass' }, cache.counts.bypassed);
    },
  });
  new Gauge({
    name: 'dossier_list_cache_entries',
    help: 'Dossier list pages the cache holds',
    registers: [metrics.registry],
    collect() {
      this.set(cache.size);
    },
  });
  new Gauge({
    name: 'dossier_list_cache_bytes',
    help: 'Bytes of JSON the dossier list cache holds',
    registers: [metrics.registry],
    collect() {
      this.set(cache.byteSize);
    },
  });
}

/**
 * The dossier list's page cache, global so that the lifecycle commands can forget a campaign's
 * pages as soon as a command to it returns (its notification may come a few milliseconds later).
 */
@Global()
@Module({
  imports: [OperationsModule],
  providers: [
    {
      provide: DossierPageCache,
      inject: [AppConfig, ApiMetrics],
      useFactory: (config: AppConfig, metrics: ApiMetrics) => {
        const cache = new DossierPageCache(config.api.dossierListCache);
        registerCacheMetrics(cache, metrics);
        return cache;
      },
    },
    DossierListCacheListener,
    DossierListPages,
  ],
  exports: [DossierPageCache, DossierListPages],
})
export class DossierListCacheModule {}
