import type { OrganisationProfile, OrganisationType } from '@amiflow/domain';
import { DataSource } from 'typeorm';

export interface DirectoryEntry {
  readonly organisationId: string;
  readonly name: string;
  readonly type: OrganisationType;
  readonly profession?: string;
  readonly identifiers?: Readonly<Record<string, string>>;
  readonly parentFederationId?: string;
  /** For a professional college: whether its profession has a CNP (unknown when absent). */
  readonly professionHasCnp?: boolean;
}

/** The directory of organisations, in PostgreSQL: what eligibility is checked against. */
export class OrganisationDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** What the directory knows of an organisation, or undefined when it is not listed. */
  async profile(organisationId: string): Promise<OrganisationProfile | undefined> {
    const [row] = await this.dataSource.query<
      {
        type: OrganisationType;
        profession: string | null;
        profession_has_cnp: boolean | null;
        federated_cnp_count: number;
      }[]
    >(
      `SELECT type, profession, profession_has_cnp,
              (SELECT count(*)::int FROM organisations member
                WHERE member.parent_federation_id = o.organisation_id AND member.type = 'CNP')
                AS federated_cnp_count
         FROM organisations o WHERE organisation_id = $1`,
      [organisationId],
    );
    if (!row) return undefined;
    return {
      type: row.type,
      profession: row.profession ?? undefined,
      professionHasCnp: row.profession_has_cnp ?? undefined,
      federatedCnpCount: row.type === 'FEDERATIVE_STRUCTURE' ? row.federated_cnp_count : undefined,
    };
  }

  async upsert(entry: DirectoryEntry): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO organisations
         (organisation_id, name, type, profession, identifiers, parent_federation_id, profession_has_cnp)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (organisation_id) DO UPDATE SET
         name = EXCLUDED.name, type = EXCLUDED.type, profession = EXCLUDED.profession,
         identifiers = EXCLUDED.identifiers, parent_federation_id = EXCLUDED.parent_federation_id,
         profession_has_cnp = EXCLUDED.profession_has_cnp, updated_at = now()`,
      [
        entry.organisationId,
        entry.name,
        entry.type,
        entry.profession ?? null,
        JSON.stringify(entry.identifiers ?? {}),
        entry.parentFederationId ?? null,
        entry.professionHasCnp ?? null,
      ],
    );
  }
}
