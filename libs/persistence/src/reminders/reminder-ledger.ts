import { ReminderDelivery } from '@amiflow/contracts';
import { DataSource } from 'typeorm';

export interface DeliveredReminder {
  readonly campaignId: string;
  readonly organisationId: string | null;
  readonly ruleId: string;
  readonly kind: string;
  readonly occurrence: string;
  readonly recipient: string;
  readonly address: string | null;
  readonly messageId: string | null;
  readonly dueAt: Date;
  readonly deliveredAt: Date;
}

/** What the ledger keeps of a notification: a reminder, or the news of a dossier event. */
export type LedgerDelivery = Omit<ReminderDelivery, 'kind' | 'recipients'> & {
  readonly kind: string;
};

/**
 * Which reminder reached whom, where and when. One row per reminder and recipient, keyed by
 * campaign, dossier, rule, occurrence and recipient: a delivery is recorded once however often
 * it is attempted.
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

  async isRecorded(key: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM reminder_deliveries WHERE delivery_key = $1',
      [key],
    );
    return rows.length > 0;
  }

  /** Records one delivery; false when it was already recorded. */
  async record(
    delivery: LedgerDelivery,
    recipient: string,
    mail: { address: string | null; messageId: string | null },
  ): Promise<boolean> {
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO reminder_deliveries
         (delivery_key, campaign_id, organisation_id, rule_id, kind, occurrence, recipient,
          due_at, correlation_id, address, message_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (delivery_key) DO NOTHING
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
      ],
    );
    return inserted.length > 0;
  }

  list(campaignId: string): Promise<DeliveredReminder[]> {
    return this.dataSource.query<DeliveredReminder[]>(
      `SELECT campaign_id AS "campaignId", organisation_id AS "organisationId",
              rule_id AS "ruleId", kind, occurrence, recipient, address,
              message_id AS "messageId", due_at AS "dueAt", delivered_at AS "deliveredAt"
         FROM reminder_deliveries WHERE campaign_id = $1 ORDER BY due_at, recipient`,
      [campaignId],
    );
  }
}
