import { IdempotencyStore } from '@amiflow/persistence';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';

const EVERY_HOUR_MS = 60 * 60 * 1000;

/** Deletes the idempotency keys past their retention, hourly, so the table does not grow forever. */
@Injectable()
export class IdempotencyKeyPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private timer?: NodeJS.Timeout;

  constructor(@Inject(IdempotencyStore) private readonly store: IdempotencyStore) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.prune(), EVERY_HOUR_MS);
    // Never the reason the process stays up.
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async prune(): Promise<void> {
    try {
      const deleted = await this.store.prune();
      if (deleted > 0) this.logger.log(`Pruned ${deleted} expired idempotency keys`);
    } catch (error) {
      this.logger.warn(
        `Could not prune idempotency keys: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
