import { QueryRunner } from 'typeorm';

/**
 * A change to the data, not to the schema: run once per database, after the schema migrations,
 * and recorded in `data_backfills` by name. Before, these ran inside the schema migration named
 * `after`; a database that ran that migration then already holds the backfill's effect.
 */
export interface DataBackfill {
  /** Stable: the ledger remembers a backfill by it. */
  readonly name: string;
  /** The schema migration that carried this backfill before it became one of its own. */
  readonly after: string;
  run(runner: QueryRunner): Promise<void>;
}
