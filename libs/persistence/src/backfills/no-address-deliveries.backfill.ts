import { QueryRunner } from 'typeorm';
import { DataBackfill } from './data-backfill';

/**
 * The deliveries recorded before their status existed: those without an address are NO_ADDRESS
 * (the others were sent, the column's default).
 */
export const noAddressDeliveries: DataBackfill = {
  name: 'no-address-deliveries',
  after: 'TrackDeliveryFailures1764288000011',
  async run(runner: QueryRunner): Promise<void> {
    await runner.query(
      `UPDATE reminder_deliveries SET status = 'NO_ADDRESS' WHERE address IS NULL`,
    );
  },
};
