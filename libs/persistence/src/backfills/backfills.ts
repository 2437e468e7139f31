import { DataBackfill } from './data-backfill';
import { noAddressDeliveries } from './no-address-deliveries.backfill';
import {
  referenceContactAddresses,
  seedReferenceDirectory,
} from './seed-reference-directory.backfill';

/** In order, after every schema migration. Listed by hand, like the migrations. */
export const backfills: readonly DataBackfill[] = [
  seedReferenceDirectory,
  referenceContactAddresses,
  noAddressDeliveries,
];
