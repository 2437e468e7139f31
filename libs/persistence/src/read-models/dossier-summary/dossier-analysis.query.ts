import type { Answers } from '@amiflow/domain';
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

export interface CompletenessBucket {
  /** The lower bound of the bucket, in percent: 0, 25, 50, 75 or 100 (100 alone). */
  readonly from: number;
  readonly dossiers: number;
}

/**
 * What the synthesis reads of the dossiers' folded states (`dossier_summaries.snapshot`): the
 * accepted theme tags, the answers, the completeness. No table of its own: the snapshot already
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
