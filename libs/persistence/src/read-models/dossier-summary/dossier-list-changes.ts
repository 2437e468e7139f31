import { Client, Notification } from 'pg';

/** The channel the dossier summaries' triggers notify (migration 1764288000160). */
export const DOSSIER_LIST_CHANNEL = 'dossier_list_changes';

/** The campaigns whose dossier summaries a committed statement changed, or all of them. */
export type DossierListChange = readonly string[] | 'all';

/** Who hears of the changes: a cache of list pages. */
export interface DossierListChangeHandler {
  /** Rows of these campaigns (or of any) changed in a transaction that has committed. */
  changed(change: DossierListChange): void;
  /**
   * Whether changes are heard. False from start-up until `LISTEN` is in force and again from the
   * moment the connection is lost: whatever changed meanwhile was not heard.
   */
  listening(heard: boolean): void;
}

/** Where the listener reports a lost connection (Nest's Logger fits). */
export interface ListenerLog {
  warn(message: string): void;
  log(message: string): void;
}

const LAST_RETRY_MS = 10_000;

export interface DossierListChangesOptions {
  /** Shown in pg_stat_activity. */
  readonly applicationName?: string;
  /** The wait before the first attempt to connect again (doubled at each failure, to 10 s). */
  readonly firstRetryMs?: number;
}

/**
 * One connection of its own (not the pool's: a pooled connection is handed to other queries and
 * `LISTEN` belongs to the session) that listens on `dossier_list_changes` and tells its handler
 * which campaigns changed. Lost, it says so at once and connects again, waiting longer each time
 * (from 250 ms up to 10 s); on each new `LISTEN` the handler hears `listening(true)`.
 */
export class DossierListChanges {
  private client: Client | undefined;
  private readonly applicationName: string;
  private readonly firstRetryMs: number;
  private retryMs: number;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private heard = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly handler: DossierListChangeHandler,
    private readonly log: ListenerLog,
    options: DossierListChangesOptions = {},
  ) {
    this.applicationName = options.applicationName ?? 'amiflow-list-changes';
    this.firstRetryMs = options.firstRetryMs ?? 250;
    this.retryMs = this.firstRetryMs;
  }

  /** Connects in the background; resolves once the first attempt succeeded or failed. */
  start(): Promise<void> {
    this.stopped = false;
    return this.connect();
  }

  get isListening(): boolean {
    return this.heard;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    this.setHeard(false);
    if (client) await client.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: this.applicationName,
    });
    this.client = client;
    let lost = false;
    const onLost = (reason: string) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      this.setHeard(false);
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.log.warn(`Not listening to ${DOSSIER_LIST_CHANNEL} (${reason}): retrying`);
      this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
    };
    client.on('error', (error: Error) => onLost(error.message));
    client.on('end', () => onLost('connection ended'));
    client.on('notification', (message: Notification) => {
      if (message.channel !== DOSSIER_LIST_CHANNEL) return;
      this.handler.changed(changeOf(message.payload));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DOSSIER_LIST_CHANNEL}`);
    } catch (error) {
      onLost(error instanceof Error ? error.message : String(error));
      return;
    }
    if (lost || this.stopped) return;
    this.retryMs = this.firstRetryMs;
    this.setHeard(true);
  }

  private setHeard(heard: boolean): void {
    if (this.heard === heard) return;
    this.heard = heard;
    this.handler.listening(heard);
  }
}

/** The triggers' payload: a JSON array of campaign ids, or `*`. */
function changeOf(payload: string | undefined): DossierListChange {
  if (!payload || payload === '*') return 'all';
  try {
    const campaigns: unknown = JSON.parse(payload);
    if (Array.isArray(campaigns) && campaigns.every((id) => typeof id === 'string'))
      return campaigns;
  } catch {
    // Not ours: forget everything rather than guess.
  }
  return 'all';
}
