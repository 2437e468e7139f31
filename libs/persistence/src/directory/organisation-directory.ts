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
  /** Where its notifications go. */
  readonly email?: string;
}

interface ProfileRow {
  organisation_id: string;
  name: string;
  email: string | null;
  type: OrganisationType;
  profession: string | null;
  profession_has_cnp: boolean | null;
  federated_cnp_count: number;
}

export interface Contact {
  readonly organisationId: string;
  readonly name: string;
  readonly email: string | null;
}

/** A directory entry as stored: every field present, unknown ones null. */
export interface DirectoryRecord {
  readonly organisationId: string;
  readonly name: string;
  readonly type: OrganisationType;
  readonly profession: string | null;
  readonly identifiers: Readonly<Record<string, string>>;
  readonly parentFederationId: string | null;
  readonly professionHasCnp: boolean | null;
  readonly email: string | null;
  readonly updatedAt: Date;
}

export interface DirectoryPage {
  readonly items: DirectoryRecord[];
  /** The last organisation id of the page, when more rows follow. */
  readonly next?: string;
}

const RECORD_COLUMNS = `organisation_id AS "organisationId", name, type, profession, identifiers,
  parent_federation_id AS "parentFederationId", profession_has_cnp AS "professionHasCnp", email,
  updated_at AS "updatedAt"`;

/** The directory of organisations, in PostgreSQL: what eligibility is checked against. */
export class OrganisationDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** One entry as stored, or undefined when the organisation is not listed. */
  async entry(organisationId: string): Promise<DirectoryRecord | undefined> {
    const [row] = await this.dataSource.query<DirectoryRecord[]>(
      `SELECT ${RECORD_COLUMNS} FROM organisations WHERE organisation_id = $1`,
      [organisationId],
    );
    return row;
  }

  /** Entries in organisation id order, by keyset, optionally of one type. */
  async page(
    filter: { readonly type?: OrganisationType },
    limit: number,
    afterOrganisationId?: string,
  ): Promise<DirectoryPage> {
    const rows = await this.dataSource.query<DirectoryRecord[]>(
      `SELECT ${RECORD_COLUMNS} FROM organisations
        WHERE ($1::text IS NULL OR type = $1) AND ($2::text IS NULL OR organisation_id > $2)
        ORDER BY organisation_id LIMIT $3`,
      [filter.type ?? null, afterOrganisationId ?? null, limit + 1],
    );
    const items = rows.slice(0, limit);
    return {
      items,
      next: rows.length > limit ? items.at(-1)?.organisationId : undefined,
    };
  }

  /** What the directory knows of an organisation, or undefined when it is not listed. */
  async profile(organisationId: string): Promise<OrganisationProfile | undefined> {
    const [row] = await this.profiles('WHERE o.organisation_id = $1', [organisationId]);
    return row?.profile;
  }

  /** Every listed organisation, for audiences such as "the directory's eligible ones". */
  all(): Promise<(Contact & { profile: OrganisationProfile })[]> {
    return this.profiles('', []);
  }

  private async profiles(where: string, params: unknown[]) {
    const rows = await this.dataSource.query<ProfileRow[]>(
      `SELECT o.organisation_id, o.name, o.email, o.type, o.profession, o.profession_has_cnp,
              (SELECT count(*)::int FROM organisations member
                WHERE member.parent_federation_id = o.organisation_id AND member.type = 'CNP')
                AS federated_cnp_count
         FROM organisations o ${where} ORDER BY o.organisation_id`,
      params,
    );
    return rows.map((row) => ({
      organisationId: row.organisation_id,
      name: row.name,
      email: row.email,
      profile: {
        type: row.type,
        profession: row.profession ?? undefined,
        professionHasCnp: row.profession_has_cnp ?? undefined,
        federatedCnpCount:
          row.type === 'FEDERATIVE_STRUCTURE' ? row.federated_cnp_count : undefined,
      } satisfies OrganisationProfile,
    }));
  }

  async upsert(entry: DirectoryEntry): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO organisations
         (organisation_id, name, type, profession, identifiers, parent_federation_id,
          profession_has_cnp, email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (organisation_id) DO UPDATE SET
         name = EXCLUDED.name, type = EXCLUDED.type, profession = EXCLUDED.profession,
         identifiers = EXCLUDED.identifiers, parent_federation_id = EXCLUDED.parent_federation_id,
         profession_has_cnp = EXCLUDED.profession_has_cnp, email = EXCLUDED.email,
         updated_at = now()`,
      [
        entry.organisationId,
        entry.name,
        entry.type,
        entry.profession ?? null,
        JSON.stringify(entry.identifiers ?? {}),
        entry.parentFederationId ?? null,
        entry.professionHasCnp ?? null,
        entry.email ?? null,
      ],
    );
  }

  /** Name and address of each listed organisation among these ids. */
  async contacts(organisationIds: readonly string[]): Promise<Contact[]> {
    return this.dataSource.query<Contact[]>(
      `SELECT organisation_id AS "organisationId", name, email FROM organisations
        WHERE organisation_id = ANY($1::text[]) ORDER BY organisation_id`,
      [organisationIds],
    );
  }
}
