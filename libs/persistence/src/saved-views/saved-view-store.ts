import { DataSource } from 'typeorm';

/** A named dossier-list query of one campaign, saved by one user. */
export interface SavedView {
  readonly viewId: string;
  readonly name: string;
  readonly campaignId: string;
  /** The list's URL query string (`tab=to-process&sort=nextDueAt`), as the API validated it. */
  readonly query: string;
  /** The table's columns, as the console names them; empty: the console's default. */
  readonly columns: readonly string[];
  readonly updatedAt: Date;
}

const COLUMNS = `view_id AS "viewId", name, campaign_id AS "campaignId", query, columns,
  updated_at AS "updatedAt"`;

/**
 * The console's saved views, keyed by the token's subject: every statement names the subject, so
 * a user reads, replaces and deletes only their own views.
 */
export class SavedViewStore {
  constructor(private readonly dataSource: DataSource) {}

  list(subject: string): Promise<SavedView[]> {
    return this.dataSource.query<SavedView[]>(
      `SELECT ${COLUMNS} FROM saved_views WHERE subject = $1 ORDER BY view_id`,
      [subject],
    );
  }

  /**
   * Creates or replaces the view; refuses (answers undefined) a new one beyond `maxViews`, counted
   * under a lock on the user's rows so two concurrent saves cannot both pass.
   */
  async put(
    subject: string,
    view: Omit<SavedView, 'updatedAt'>,
    maxViews: number,
  ): Promise<SavedView | undefined> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `saved_views:${subject}`,
      ]);
      const [{ others }] = await manager.query<{ others: number }[]>(
        `SELECT count(*)::int AS others FROM saved_views WHERE subject = $1 AND view_id <> $2`,
        [subject, view.viewId],
      );
      if (others >= maxViews) return undefined;
      const [saved] = await manager.query<SavedView[]>(
        `INSERT INTO saved_views (subject, view_id, name, campaign_id, query, columns, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (subject, view_id) DO UPDATE SET
           name = EXCLUDED.name, campaign_id = EXCLUDED.campaign_id, query = EXCLUDED.query,
           columns = EXCLUDED.columns, updated_at = EXCLUDED.updated_at
         RETURNING ${COLUMNS}`,
        [subject, view.viewId, view.name, view.campaignId, view.query, view.columns],
      );
      return saved;
    });
  }

  /** False when the user had no such view. */
  async delete(subject: string, viewId: string): Promise<boolean> {
    // TypeORM answers a DELETE with [rows, affected count].
    const [, deleted] = await this.dataSource.query<[unknown[], number]>(
      'DELETE FROM saved_views WHERE subject = $1 AND view_id = $2',
      [subject, viewId],
    );
    return deleted > 0;
  }
}
