import { refusals } from '@amiflow/domain';
import { DirectoryRecord, OrganisationDirectory } from '@amiflow/persistence';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DEFAULT_PAGE_SIZE } from '../common/page-cursor';
import { ListOrganisationsQuery } from './dtos/list-organisations.query';
import { OrganisationInput } from './dtos/organisation.input';
import { OrganisationOutput, OrganisationPageOutput } from './dtos/organisation.output';

/** PostgreSQL's code for a broken foreign key: the parent federation vanished meanwhile. */
const FOREIGN_KEY_VIOLATION = '23503';

/** The directory of organisations eligibility is checked against, kept by administrators. */
@Injectable()
export class DirectoryService {
  constructor(@Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory) {}

  async page(query: ListOrganisationsQuery): Promise<OrganisationPageOutput> {
    const page = await this.directory.page(
      { type: query.type },
      query.limit ?? DEFAULT_PAGE_SIZE,
      query.cursor,
    );
    return { items: page.items.map(toOutput), nextCursor: page.next ?? null };
  }

  async findOne(organisationId: string): Promise<OrganisationOutput> {
    const entry = await this.directory.entry(organisationId);
    if (!entry) throw new NotFoundException("Cette organisation n'est pas dans l'annuaire.");
    return toOutput(entry);
  }

  /** Creates or replaces the entry; `created` tells which, for the status code. */
  async put(
    organisationId: string,
    input: OrganisationInput,
  ): Promise<{ created: boolean; organisation: OrganisationOutput }> {
    await this.checkParentFederation(organisationId, input.parentFederationId);
    const created = (await this.directory.entry(organisationId)) === undefined;
    try {
      await this.directory.upsert({
        organisationId,
        name: input.name,
        type: input.type,
        profession: input.profession,
        identifiers: input.identifiers,
        parentFederationId: input.parentFederationId,
        professionHasCnp: input.professionHasCnp,
        email: input.email,
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        throw refusals.parentFederationNotListed(String(input.parentFederationId));
      }
      throw error;
    }
    return { created, organisation: await this.findOne(organisationId) };
  }

  /** A parent federation is another listed organisation, and a federative structure. */
  private async checkParentFederation(
    organisationId: string,
    parentFederationId: string | undefined,
  ): Promise<void> {
    if (parentFederationId === undefined) return;
    if (parentFederationId === organisationId) {
      throw refusals.parentFederationIsItself(parentFederationId);
    }
    const parent = await this.directory.entry(parentFederationId);
    if (!parent) throw refusals.parentFederationNotListed(parentFederationId);
    if (parent.type !== 'FEDERATIVE_STRUCTURE') {
      throw refusals.parentFederationNotFederative(parentFederationId, parent.name);
    }
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  const failure = error as { code?: unknown; driverError?: { code?: unknown } };
  return (failure.driverError?.code ?? failure.code) === FOREIGN_KEY_VIOLATION;
}

function toOutput(entry: DirectoryRecord): OrganisationOutput {
  return {
    organisationId: entry.organisationId,
    name: entry.name,
    type: entry.type,
    profession: entry.profession,
    identifiers: { ...entry.identifiers },
    parentFederationId: entry.parentFederationId,
    professionHasCnp: entry.professionHasCnp,
    email: entry.email,
    updatedAt: entry.updatedAt.toISOString(),
  };
}
