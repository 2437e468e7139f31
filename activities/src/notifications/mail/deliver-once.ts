import { createHash } from 'node:crypto';
import { ReminderRelevance } from '@amiflow/domain';
import { LedgerDelivery, ReminderLedger } from '@amiflow/persistence';
import { ApplicationFailure } from '@temporalio/common';
import { Mailer, OutgoingMail } from './mailer';

/**
 * How long, in milliseconds, a send attempt holds its delivery without renewing the claim. The
 * attempt renews it every `DELIVERY_LEASE_MS / 4` for as long as it lives (a slow SMTP
 * conversation included), so the claim is only taken over from an attempt whose process died,
 * within 20 s of its death — not a minute, which would hold a campaign's invitation (and its
 * workflow) back that long after a worker crash.
 */
export const DELIVERY_LEASE_MS = 20_000;

/** A retry found the delivery claimed by an earlier attempt still sending it. */
export const DELIVERY_IN_PROGRESS = 'DELIVERY_IN_PROGRESS';

/**
 * The order every notification follows, once per delivery and recipient however slow the mail
 * server is:
 * 1. claim it in the ledger (settled: nothing to do; claimed by an earlier attempt still within
 *    its lease, which it renews while it lives: fail retryably with `DELIVERY_IN_PROGRESS`, so
 *    Temporal tries again once that attempt has recorded its outcome — it may still complete its
 *    send after its activity timed out, and a second copy must not follow);
 * 2. ask `stillConcerns`, on the state of record at this moment: a mail that no longer concerns
 *    its recipient is recorded DROPPED with the reason, and never sent later;
 * 3. send it with a Message-ID derived from its key, then record it SENT. A failed send is
 *    recorded as FAILED (for operators to see) and rethrown, so Temporal retries the activity with
 *    backoff.
 * Returns 1 when a mail went out. A crash between the server's acceptance and the SENT record
 * still sends one more copy, once the lease has run out, under the same Message-ID.
 */
export async function deliverOnce(options: {
  readonly ledger: ReminderLedger;
  readonly mailer: Mailer;
  readonly delivery: LedgerDelivery;
  readonly recipient: string;
  readonly address: string | null;
  readonly compose: () => Omit<OutgoingMail, 'to' | 'messageId'>;
  /** Asked right before the SMTP conversation; absent, the mail always concerns its recipient. */
  readonly stillConcerns?: () => Promise<ReminderRelevance>;
}): Promise<number> {
  const { ledger, mailer, delivery, recipient, address } = options;
  const key = ledger.key(delivery, recipient);
  if (await ledger.isSettled(key)) return 0;
  if (!address) {
    await ledger.record(delivery, recipient, { address: null, messageId: null });
    return 0;
  }
  const messageId = `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@amiflow>`;
  const mail = { address, messageId };
  const claim = await ledger.claim(delivery, recipient, mail, DELIVERY_LEASE_MS);
  if (claim.outcome === 'SETTLED') return 0;
  if (claim.outcome === 'IN_PROGRESS') {
    throw ApplicationFailure.retryable(
      `Delivery ${key} is being sent by an earlier attempt until ${claim.claimedUntil.toISOString()}`,
      DELIVERY_IN_PROGRESS,
    );
  }
  // A live attempt keeps its claim; a failed renewal is retried at the next tick.
  const renewal = setInterval(() => {
    ledger.renewClaim(delivery, recipient, claim.token, DELIVERY_LEASE_MS).catch(() => false);
  }, DELIVERY_LEASE_MS / 4);
  try {
    const relevance = options.stillConcerns ? await options.stillConcerns() : undefined;
    if (relevance && !relevance.concerned) {
      await ledger.recordDropped(
        delivery,
        recipient,
        claim.token,
        `${relevance.reason}: ${relevance.detail}`,
      );
      return 0;
    }
    await mailer.send({ ...options.compose(), to: address, messageId });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await ledger.recordFailure(delivery, recipient, mail, reason, claim.token);
    throw error;
  } finally {
    clearInterval(renewal);
  }
  await ledger.record(delivery, recipient, mail);
  return 1;
}
