import { QueryRunner } from 'typeorm';
import reference from '../directory/reference-organisations.json';
import { DataBackfill } from './data-backfill';

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
export const seedReferenceDirectory: DataBackfill = {
  name: 'seed-reference-directory',
  after: 'SeedReferenceDirectory1764288000008',
  async run(runner: QueryRunner): Promise<void> {
    // Federations first: the others point at them.
    const ordered = [...organisations].sort(
      (a, b) =>
        Number(a.parentFederationId !== undefined) - Number(b.parentFederationId !== undefined),
    );
    for (const organisation of ordered) {
      await runner.query(
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
  },
};

/**
 * Where the reference organisations' notifications go: illustrative addresses under `.example`
 * (a reserved domain: nothing leaves for real).
 */
export const referenceContactAddresses: DataBackfill = {
  name: 'reference-contact-addresses',
  after: 'AddOrganisationContactAddress1764288000009',
  async run(runner: QueryRunner): Promise<void> {
    await runner.query(
      `UPDATE organisations SET email = 'contact@' || organisation_id || '.example'
        WHERE organisation_id = ANY($1::text[])`,
      [organisations.map((organisation) => organisation.organisationId)],
    );
  },
};
