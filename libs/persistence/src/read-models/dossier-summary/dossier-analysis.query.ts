import type { Answers, DossierReview, EvaluationGrid } from '@amiflow/domain';
import { DataSource } from 'typeorm';

/** One theme of one tag of one dossier: a row of what the synthesis counts and quotes. */
export interface ThemeTagRow {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly profession: string | null;
  readonly themeId: string;
  readonly tagId: string;
  readonly sectionId: string;
  readonly quote: string;
}

export interface DossierAnswersRow {
  readonly organisationId: string;
  readonly profession: string | null;
  readonly answers: Answers;
}

/** A dossier some reviewer scored: what the best proposals are ranked from. */
export interface ReviewedDossierRow {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly profession: string | null;
  /** The grid the dossier was scored on: the copy it got at its creation; null: none. */
  readonly grid: EvaluationGrid | null;
  /** Each reviewer's last scores, with their comments, in the order first given. */
  readonly reviews: readonly DossierReview[];
}

export interface CompletenessBucket {
  /** The lower bound of the bucket, in percent: 0, 25, 50, 75 or 100 (100 alone). */
  readonly from: number;
  readonly dossiers: number;
}

/**
 * What the synthesis reads of the dossiers' folded states (`dossier_summaries.snapshot`): the
 * accepted theme tags, the answers, the completeness, the reviews. No table of its own: the snapshot already
 * holds the tags, written in the appending transaction like the rest of the row.
 */
export class DossierAnalysisQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** Every theme of every tag of the campaign's dossiers in these states, by dossier and tag. */
  themeTags(campaignId: string, states: readonly string[]): Promise<ThemeTagRow[]> {
    return this.dataSource.query<ThemeTagRow[]>(
      `SELECT d.organisation_id AS "organisationId", d.organisation_name AS "organisationName",
              d.profession, theme AS "themeId", tag->>'tagId' AS "tagId",
              tag->>'sectionId' AS "sectionId", tag->>'quote' AS quote
         FROM dossier_summaries d
        CROSS JOIN LATERAL jsonb_array_elements(coalesce(d.snapshot->'themeTags', '[]'::jsonb))
                   WITH ORDINALITY AS tags(tag, position)
        CROSS JOIN LATERAL jsonb_array_elements_text(tag->'themeIds') AS theme
        WHERE d.campaign_id = $1 AND d.state = ANY($2)
        ORDER BY d.organisation_id, tags.position`,
      [campaignId, states],
    );
  }

  /** The answers of the campaign's dossiers in these states. */
  answers(campaignId: string, states: readonly string[]): Promise<DossierAnswersRow[]> {
    return this.dataSource.query<DossierAnswersRow[]>(
      `SELECT organisation_id AS "organisationId", profession,
              coalesce(snapshot->'answers', '{}'::jsonb) AS answers
         FROM dossier_summaries
        WHERE campaign_id = $1 AND state = ANY($2)
        ORDER BY organisation_id`,
      [campaignId, states],
    );
  }

  /**
   * The campaign's dossiers in these states that hold at least one review, by organisation, in
   * one query. Which dossiers: those with a scored row in the reviewers' read model
   * (`dossier_reviewers`, by its primary key), so that the snapshots of the dossiers nobody
   * scored are not read; a review is in the snapshot exactly when its reviewer's row is scored
   * (both folded from ReviewersAssigned, DossierScored, ConflictOfInterestDeclared). What: the
   * grid and the reviews with their comments, from the snapshot (`dossier_reviewers` keeps each
   * reviewer's weighted score but not the comments); the answers are not returned.
   */
  reviewed(campaignId: string, states: readonly string[]): Promise<ReviewedDossierRow[]> {
    return this.dataSource.query<ReviewedDossierRow[]>(
      `SELECT d.organisation_id AS "organisationId", d.organisation_name AS "organisationName",
              d.profession, d.snapshot->'terms'->'evaluationGrid' AS grid,
              coalesce(d.snapshot->'reviews', '[]'::jsonb) AS reviews
         FROM dossier_summaries d
        WHERE d.campaign_id = $1 AND d.state = ANY($2)
          AND EXISTS (SELECT 1 FROM dossier_reviewers r
                       WHERE r.campaign_id = d.campaign_id
                         AND r.organisation_id = d.organisation_id
                         AND r.scored_at IS NOT NULL)
        ORDER BY d.organisation_id`,
      [campaignId, states],
    );
  }

  /** Dossiers in these states by quarter of completeness; 100 % is a bucket of its own. */
  completeness(campaignId: string, states: readonly string[]): Promise<CompletenessBucket[]> {
    return this.dataSource.query<CompletenessBucket[]>(
      `SELECT CASE WHEN completeness_percent >= 100 THEN 100
                   ELSE (completeness_percent / 25) * 25 END AS "from",
              count(*)::int AS dossiers
         FROM dossier_summaries
        WHERE campaign_id = $1 AND state = ANY($2)
        GROUP BY 1 ORDER BY 1`,
      [campaignId, states],
    );
  }
}
