import { ReminderDelivery } from '@amiflow/contracts';
import { DataSource } from 'typeorm';

export interface DeliveredReminder {
  readonly campaignId: string;
  readonly organisationId: string | null;
  readonly ruleId: string;
  readonly kind: string;
  readonly occurrence: string;
  readonly recipient: string;
  readonly dueAt: Date;
  readonly deliveredAt: Date;
}

/**
 * Which reminder reached whom, and when. Keyed by campaign, dossier, rule, occurrence and
 * recipient: the same delivery recorded twice (a retried activity) is stored once.
 */
export class ReminderLedger {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns how many of the recipients had not had this reminder yet. */
  async record(delivery: ReminderDelivery): Promise<number> {
    const keys = delivery.recipients.map((recipient) =>
      [
        delivery.campaignId,
        delivery.organisationId ?? '',
        delivery.ruleId,
        delivery.occurrence,
        recipient,
      ].join('|'),
    );
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO reminder_deliveries
         (delivery_key, campaign_id, organisation_id, rule_id, kind, occurrence, recipient,
          due_at, correlation_id)
       SELECT key, $2, $3, $4, $5, $6, recipient, $7, $8
         FROM unnest($1::text[], $9::text[]) AS deliveries(key, recipient)
       ON CONFLICT (delivery_key) DO NOTHING
       RETURNING delivery_key`,
      [
        keys,
        delivery.campaignId,
        delivery.organisationId ?? null,
        delivery.ruleId,
        delivery.kind,
        delivery.occurrence,
        delivery.dueAt,
        delivery.correlationId,
        delivery.recipients,
      ],
    );
    return inserted.length;
  }

  list(campaignId: string): Promise<DeliveredReminder[]> {
    return this.dataSource.query<DeliveredReminder[]>(
      `SELECT campaign_id AS "campaignId", organisation_id AS "organisationId",
              rule_id AS "ruleId", kind, occurrence, recipient, due_at AS "dueAt",
              delivered_at AS "deliveredAt"
         FROM reminder_deliveries WHERE campaign_id = $1 ORDER BY due_at, recipient`,
      [campaignId],
    );
  }
}
