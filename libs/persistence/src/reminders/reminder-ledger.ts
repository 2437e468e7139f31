import { ReminderDelivery } from '@amiflow/contracts';
import { DataSource } from 'typeorm';

export type DeliveryStatus = 'SENT' | 'NO_ADDRESS' | 'FAILED';

/** A row of the ledger with its key, as the dossier page shows the mails about a dossier. */
export type LedgerEntry = Omit<DeliveredReminder, 'status'> & {
  readonly deliveryKey: string;
  /** Whatever the ledger holds (`DeliveryStatus`, and any status added later). */
  readonly status: string;
};

export interface DeliveredReminder {
  readonly campaignId: string;
  readonly organisationId: string | null;
  readonly ruleId: string;
  readonly kind: string;
  readonly occurrence: string;
  readonly recipient: string;
  readonly address: string | null;
  readonly messageId: string | null;
  readonly status: DeliveryStatus;
  readonly failedAttempts: number;
  readonly lastError: string | null;
  readonly dueAt: Date;
  readonly deliveredAt: Date;
}

/** What the ledger keeps of a notification: a reminder, or the news of a dossier event. */
export type LedgerDelivery = Omit<ReminderDelivery, 'kind' | 'recipients'> & {
  readonly kind: string;
};

interface Mail {
  readonly address: string | null;
  readonly messageId: string | null;
}

const COLUMNS = `campaign_id AS "campaignId", organisation_id AS "organisationId",
  rule_id AS "ruleId", kind, occurrence, recipient, address, message_id AS "messageId", status,
  failed_attempts AS "failedAttempts", last_error AS "lastError", due_at AS "dueAt",
  delivered_at AS "deliveredAt"`;

/**
 * Which notification reached whom, where and when — or failed to, and why. One row per
 * notification and recipient, keyed by campaign, dossier, rule, occurrence and recipient: a
 * delivery is settled once however often it is attempted.
 */
export class ReminderLedger {
  constructor(private readonly dataSource: DataSource) {}

  key(delivery: LedgerDelivery, recipient: string): string {
    return [
      delivery.campaignId,
      delivery.organisationId ?? '',
      delivery.ruleId,
      delivery.occurrence,
      recipient,
    ].join('|');
  }

  /** True once the notification was sent, or found to have nowhere to go. */
  async isSettled(key: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM reminder_deliveries WHERE delivery_key = $1 AND status <> 'FAILED'`,
      [key],
    );
    return rows.length > 0;
  }

  /** Records a sent mail (or a recipient without address); false when it was already settled. */
  async record(delivery: LedgerDelivery, recipient: string, mail: Mail): Promise<boolean> {
    const status: DeliveryStatus = mail.address ? 'SENT' : 'NO_ADDRESS';
    const rows = await this.upsert(delivery, recipient, mail, status, null);
    return rows.length > 0;
  }

  /** Keeps a failed attempt in sight: the row counts the failures and keeps the last error. */
  async recordFailure(
    delivery: LedgerDelivery,
    recipient: string,
    mail: Mail,
    error: string,
  ): Promise<void> {
    await this.upsert(delivery, recipient, mail, 'FAILED', error.slice(0, 1000));
  }

  list(campaignId: string): Promise<DeliveredReminder[]> {
    return this.dataSource.query<DeliveredReminder[]>(
      `SELECT ${COLUMNS} FROM reminder_deliveries WHERE campaign_id = $1 ORDER BY due_at, recipient`,
      [campaignId],
    );
  }

  /** Every notification about one dossier, earliest due first (the campaign-wide ones aside). */
  ofDossier(campaignId: string, organisationId: string): Promise<LedgerEntry[]> {
    return this.dataSource.query<LedgerEntry[]>(
      `SELECT delivery_key AS "deliveryKey", ${COLUMNS} FROM reminder_deliveries
        WHERE campaign_id = $1 AND organisation_id = $2 ORDER BY due_at, recipient, delivery_key`,
      [campaignId, organisationId],
    );
  }

  /** How many notifications of the campaign are failing (served by the partial index). */
  async countFailures(campaignId: string): Promise<number> {
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM reminder_deliveries
        WHERE campaign_id = $1 AND status = 'FAILED'`,
      [campaignId],
    );
    return row.count;
  }

  /** What could not be sent yet, for operators: Temporal keeps retrying each of them. */
  failures(campaignId: string): Promise<DeliveredReminder[]> {
    return this.dataSource.query<DeliveredReminder[]>(
      `SELECT ${COLUMNS} FROM reminder_deliveries
        WHERE campaign_id = $1 AND status = 'FAILED' ORDER BY due_at, recipient`,
      [campaignId],
    );
  }

  /** Inserts, or moves a FAILED row on; a settled row is never touched again. */
  private upsert(
    delivery: LedgerDelivery,
    recipient: string,
    mail: Mail,
    status: DeliveryStatus,
    error: string | null,
  ): Promise<unknown[]> {
    const failed = status === 'FAILED' ? 1 : 0;
    return this.dataSource.query<unknown[]>(
      `INSERT INTO reminder_deliveries
         (delivery_key, campaign_id, organisation_id, rule_id, kind, occurrence, recipient,
          due_at, correlation_id, address, message_id, status, failed_attempts, last_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (delivery_key) DO UPDATE SET
         status = EXCLUDED.status,
         failed_attempts = reminder_deliveries.failed_attempts + EXCLUDED.failed_attempts,
         last_error = coalesce(EXCLUDED.last_error, reminder_deliveries.last_error),
         delivered_at = now()
       WHERE reminder_deliveries.status = 'FAILED'
       RETURNING delivery_key`,
      [
        this.key(delivery, recipient),
        delivery.campaignId,
        delivery.organisationId ?? null,
        delivery.ruleId,
        delivery.kind,
        delivery.occurrence,
        recipient,
        delivery.dueAt,
        delivery.correlationId,
        mail.address,
        mail.messageId,
        status,
        failed,
        error,
      ],
    );
  }
}
