import { randomUUID } from 'node:crypto';
import { ReminderDelivery } from '@amiflow/contracts';
import { DataSource } from 'typeorm';

/**
 * `SENDING`: claimed by an attempt that is in its SMTP conversation (until `claimed_until`);
 * `SENT`, `NO_ADDRESS` and `DROPPED` (no longer concerned its recipient when it would have gone
 * out) are settled for good; `FAILED` waits for the next attempt.
 */
export type DeliveryStatus = 'SENDING' | 'SENT' | 'NO_ADDRESS' | 'FAILED' | 'DROPPED';

/** What `claim` found: the delivery is ours to send, already settled, or another attempt's. */
export type DeliveryClaim =
  | { readonly outcome: 'CLAIMED'; readonly token: string }
  | { readonly outcome: 'SETTLED'; readonly status: DeliveryStatus }
  | { readonly outcome: 'IN_PROGRESS'; readonly claimedUntil: Date };

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
  /** Why a DROPPED delivery did not go out (English, for operators and logs). */
  readonly droppedReason: string | null;
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
  failed_attempts AS "failedAttempts", last_error AS "lastError",
  dropped_reason AS "droppedReason", due_at AS "dueAt",
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

  /** True once the notification was sent, found to have nowhere to go, or dropped. */
  async isSettled(key: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM reminder_deliveries
        WHERE delivery_key = $1 AND status NOT IN ('FAILED', 'SENDING')`,
      [key],
    );
    return rows.length > 0;
  }

  /**
   * Takes the delivery for one send attempt, before any SMTP conversation: a new delivery, a
   * FAILED one, or one whose claimant's lease (`leaseMs`, milliseconds from now, renewed by a live
   * claimant with `renewClaim`) ran out — its process died — becomes SENDING under a new token. A delivery still claimed by
   * another attempt is IN_PROGRESS: that attempt may yet complete its send, so this one must not
   * send a second copy (one row per delivery key makes the claim atomic).
   */
  async claim(
    delivery: LedgerDelivery,
    recipient: string,
    mail: Mail,
    leaseMs: number,
  ): Promise<DeliveryClaim> {
    const token = randomUUID();
    const claimed = await this.dataSource.query<unknown[]>(
      `INSERT INTO reminder_deliveries
         (delivery_key, campaign_id, organisation_id, rule_id, kind, occurrence, recipient,
          due_at, correlation_id, address, message_id, status, claim_token, claimed_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'SENDING', $12,
               now() + $13 * interval '1 millisecond')
       ON CONFLICT (delivery_key) DO UPDATE SET
         status = 'SENDING',
         address = EXCLUDED.address,
         message_id = EXCLUDED.message_id,
         claim_token = EXCLUDED.claim_token,
         claimed_until = EXCLUDED.claimed_until
       WHERE reminder_deliveries.status = 'FAILED'
          OR (reminder_deliveries.status = 'SENDING' AND reminder_deliveries.claimed_until <= now())
       RETURNING delivery_key`,
      [...this.identity(delivery, recipient), mail.address, mail.messageId, token, leaseMs],
    );
    if (claimed.length > 0) return { outcome: 'CLAIMED', token };
    const [row] = await this.dataSource.query<
      { status: DeliveryStatus; claimedUntil: Date | null }[]
    >(
      `SELECT status, claimed_until AS "claimedUntil" FROM reminder_deliveries
        WHERE delivery_key = $1`,
      [this.key(delivery, recipient)],
    );
    if (row?.status === 'SENDING' && row.claimedUntil) {
      return { outcome: 'IN_PROGRESS', claimedUntil: row.claimedUntil };
    }
    // The row was settled between the two statements, or is: nothing more to send.
    return { outcome: 'SETTLED', status: row?.status ?? 'SENT' };
  }

  /**
   * Extends a claim still held under `token` by `leaseMs` from now: the claimant is alive (its
   * SMTP conversation goes on), so no retry may take the delivery over. False once it is not held.
   */
  async renewClaim(
    delivery: LedgerDelivery,
    recipient: string,
    token: string,
    leaseMs: number,
  ): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE reminder_deliveries SET claimed_until = now() + $3 * interval '1 millisecond'
        WHERE delivery_key = $1 AND status = 'SENDING' AND claim_token = $2`,
      [this.key(delivery, recipient), token, leaseMs],
    );
    return affected > 0;
  }

  /**
   * Records a sent mail (or a recipient without address); false when it was already settled. A
   * send that completes after its lease ran out is still recorded: the mail did go out.
   */
  async record(delivery: LedgerDelivery, recipient: string, mail: Mail): Promise<boolean> {
    const status: DeliveryStatus = mail.address ? 'SENT' : 'NO_ADDRESS';
    const rows = await this.upsert(delivery, recipient, mail, status, null);
    return rows.length > 0;
  }

  /**
   * Keeps a failed attempt in sight: the row counts the failures and keeps the last error. With
   * the claim's `token`, only while that claim still holds (a later attempt that took over after
   * the lease is not overwritten).
   */
  async recordFailure(
    delivery: LedgerDelivery,
    recipient: string,
    mail: Mail,
    error: string,
    token?: string,
  ): Promise<void> {
    if (token === undefined) {
      await this.upsert(delivery, recipient, mail, 'FAILED', error.slice(0, 1000));
      return;
    }
    await this.dataSource.query(
      `UPDATE reminder_deliveries SET status = 'FAILED', claim_token = NULL, claimed_until = NULL,
         failed_attempts = failed_attempts + 1, last_error = $3, delivered_at = now()
       WHERE delivery_key = $1 AND status = 'SENDING' AND claim_token = $2`,
      [this.key(delivery, recipient), token, error.slice(0, 1000)],
    );
  }

  /**
   * Settles a claimed delivery without a mail: it no longer concerned its recipient when it
   * would have gone out. `reason` says why (English). Never sent later.
   */
  async recordDropped(
    delivery: LedgerDelivery,
    recipient: string,
    token: string,
    reason: string,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminder_deliveries SET status = 'DROPPED', claim_token = NULL,
         claimed_until = NULL, dropped_reason = $3, delivered_at = now()
       WHERE delivery_key = $1 AND status = 'SENDING' AND claim_token = $2`,
      [this.key(delivery, recipient), token, reason.slice(0, 1000)],
    );
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

  /**
   * What did not go out, for operators: the failing (retried) and the dropped (settled without a
   * mail, with the reason), earliest due first.
   */
  undelivered(
    campaignId: string,
  ): Promise<(DeliveredReminder & { readonly status: 'FAILED' | 'DROPPED' })[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM reminder_deliveries
        WHERE campaign_id = $1 AND status IN ('FAILED', 'DROPPED') ORDER BY due_at, recipient`,
      [campaignId],
    );
  }

  /** The row's key and what it is about, as the first nine columns of an insert. */
  private identity(delivery: LedgerDelivery, recipient: string): unknown[] {
    return [
      this.key(delivery, recipient),
      delivery.campaignId,
      delivery.organisationId ?? null,
      delivery.ruleId,
      delivery.kind,
      delivery.occurrence,
      recipient,
      delivery.dueAt,
      delivery.correlationId,
    ];
  }

  /** Inserts, or moves a FAILED or SENDING row on; a settled row is never touched again. */
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
         claim_token = NULL,
         claimed_until = NULL,
         delivered_at = now()
       WHERE reminder_deliveries.status IN ('FAILED', 'SENDING')
       RETURNING delivery_key`,
      [...this.identity(delivery, recipient), mail.address, mail.messageId, status, failed, error],
    );
  }
}
