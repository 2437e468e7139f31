import { DataSource } from 'typeorm';

/** One dossier in a reviewer's queue. */
export interface ReviewerQueueItem {
  readonly campaignId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly profession: string | null;
  readonly state: string;
  readonly assignedAt: string;
  /** When the reviewer last scored it; null: still to score. */
  readonly scoredAt: string | null;
  /** Their weighted score out of 20; null: still to score. */
  readonly weightedScore: number | null;
}

/** The statuses in which a reviewer still has something to do: up to the screening decision. */
const STILL_UNDER_REVIEW = [
  'SUBMITTED',
  'NEEDS_REVIEW',
  'ELIGIBLE',
  'INELIGIBLE',
  'UNDER_SCREENING',
];

export class ReviewerQueueQuery {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * « Mes dossiers à évaluer »: the dossiers this reviewer is named on and not yet decided, those
   * still to score first, then by when they were assigned (at most `limit`).
   */
  async queue(reviewerId: string, campaignId?: string, limit = 200): Promise<ReviewerQueueItem[]> {
    const rows = await this.dataSource.query<(ReviewerQueueItem & { weightedScore: string })[]>(
      `SELECT r.campaign_id AS "campaignId", r.organisation_id AS "organisationId",
              s.organisation_name AS "organisationName", s.profession, s.state,
              r.assigned_at AS "assignedAt", r.scored_at AS "scoredAt",
              r.weighted_score AS "weightedScore"
         FROM dossier_reviewers r
         JOIN dossier_summaries s
           ON s.campaign_id = r.campaign_id AND s.organisation_id = r.organisation_id
        WHERE r.reviewer_id = $1 AND ($2::text IS NULL OR r.campaign_id = $2)
          AND s.state = ANY($3::text[])
        ORDER BY r.scored_at IS NOT NULL, r.assigned_at, r.campaign_id, r.organisation_id
        LIMIT $4`,
      [reviewerId, campaignId ?? null, STILL_UNDER_REVIEW, limit],
    );
    return rows.map((row) => ({
      ...row,
      assignedAt: new Date(row.assignedAt).toISOString(),
      scoredAt: row.scoredAt === null ? null : new Date(row.scoredAt).toISOString(),
      weightedScore: row.weightedScore === null ? null : Number(row.weightedScore),
    }));
  }
}
