import { AppConfig } from '@amiflow/config';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';

export type DependencyStatus = { status: 'up' } | { status: 'down'; error: string };

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
      probe(() => this.dataSource.query('SELECT 1')),
      // Describing our namespace proves both the connection and that the namespace exists.
      probe(() =>
        this.client.workflowService.describeNamespace({
          namespace: this.config.temporal.namespace,
        }),
      ),
    ]);
    const up = database.status === 'up' && temporal.status === 'up';
    return { status: up ? 'up' : 'down', checks: { database, temporal } };
  }
}

async function probe(check: () => Promise<unknown>): Promise<DependencyStatus> {
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
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
