import { MigrationInterface, QueryRunner } from 'typeorm';
import reference from '../directory/reference-organisations.json';

interface SeedOrganisation {
  organisationId: string;
  name: string;
  type: string;
  profession?: string;
  identifiers?: Record<string, string>;
  parentFederationId?: string;
  professionHasCnp?: boolean;
}

const organisations = reference.organisations as SeedOrganisation[];

/** The organisations the reference campaign concerns (illustrative: see the file's status). */
export class SeedReferenceDirectory1764288000008 implements MigrationInterface {
  name = 'SeedReferenceDirectory1764288000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Federations first: the others point at them.
    const ordered = [...organisations].sort(
      (a, b) =>
        Number(a.parentFederationId !== undefined) - Number(b.parentFederationId !== undefined),
    );
    for (const organisation of ordered) {
      await queryRunner.query(
        `INSERT INTO organisations
           (organisation_id, name, type, profession, identifiers, parent_federation_id, profession_has_cnp)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (organisation_id) DO NOTHING`,
        [
          organisation.organisationId,
          organisation.name,
          organisation.type,
          organisation.profession ?? null,
          JSON.stringify(organisation.identifiers ?? {}),
          organisation.parentFederationId ?? null,
          organisation.professionHasCnp ?? null,
        ],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM organisations WHERE organisation_id = ANY($1::text[])
         AND parent_federation_id IS NOT NULL`,
      [organisations.map((organisation) => organisation.organisationId)],
    );
    await queryRunner.query('DELETE FROM organisations WHERE organisation_id = ANY($1::text[])', [
      organisations.map((organisation) => organisation.organisationId),
    ]);
  }
}
