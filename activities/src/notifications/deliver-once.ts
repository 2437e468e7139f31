import { createHash } from 'node:crypto';
import { LedgerDelivery, ReminderLedger } from '@amiflow/persistence';
import { Mailer, OutgoingMail } from './mailer';

/**
 * The order every notification follows: skip it if the ledger has it settled, send it with a
 * Message-ID derived from its key, then record it. A failed send is recorded as FAILED (for
 * operators to see) and rethrown, so Temporal retries the activity with backoff. Returns 1 when a
 * mail went out.
 */
export async function deliverOnce(options: {
  readonly ledger: ReminderLedger;
  readonly mailer: Mailer;
  readonly delivery: LedgerDelivery;
  readonly recipient: string;
  readonly address: string | null;
  readonly compose: () => Omit<OutgoingMail, 'to' | 'messageId'>;
}): Promise<number> {
  const { ledger, mailer, delivery, recipient, address } = options;
  const key = ledger.key(delivery, recipient);
  if (await ledger.isSettled(key)) return 0;
  if (!address) {
    await ledger.record(delivery, recipient, { address: null, messageId: null });
    return 0;
  }
  const messageId = `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@amiflow>`;
  try {
    await mailer.send({ ...options.compose(), to: address, messageId });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await ledger.recordFailure(delivery, recipient, { address, messageId }, reason);
    throw error;
  }
  await ledger.record(delivery, recipient, { address, messageId });
  return 1;
}
