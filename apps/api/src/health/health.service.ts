import { AppConfig } from '@amiflow/config';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';

/** Said to anyone, without a token: up or down, never why (host names, ports stay in the logs). */
export type DependencyStatus = { status: 'up' } | { status: 'down' };

export interface HealthReport {
  status: 'up' | 'down';
  checks: { database: DependencyStatus; temporal: DependencyStatus };
}

export interface LivenessReport {
  status: 'up';
  uptimeSeconds: number;
}

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Client) private readonly client: Client,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Answering at all is the proof: nothing else is asked, so a slow database restarts nothing. */
  live(): LivenessReport {
    return { status: 'up', uptimeSeconds: Math.round(process.uptime()) };
  }

  async check(): Promise<HealthReport> {
    const [database, temporal] = await Promise.all([
      probe('database', () => this.dataSource.query('SELECT 1')),
      // Describing our namespace proves both the connection and that the namespace exists.
      probe('temporal', () =>
        this.client.workflowService.describeNamespace({
          namespace: this.config.temporal.namespace,
        }),
      ),
    ]);
    const up = database.status === 'up' && temporal.status === 'up';
    return { status: up ? 'up' : 'down', checks: { database, temporal } };
  }
}

const logger = new Logger('Health');

async function probe(name: string, check: () => Promise<unknown>): Promise<DependencyStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([check(), timeout]);
    return { status: 'up' };
  } catch (error) {
    logger.warn(`${name} is down: ${error instanceof Error ? error.message : String(error)}`);
    return { status: 'down' };
  } finally {
    clearTimeout(timer);
  }
}
