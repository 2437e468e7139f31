import { assessEligibility, referenceCampaign } from '@amiflow/domain';
import { DataSource } from 'typeorm';
import { openTestDataSource } from '../testing/test-data-source';
import { OrganisationDirectory } from './organisation-directory';

const policy = referenceCampaign.definition.eligibility;

describe('the organisation directory, seeded for the reference campaign', () => {
  let dataSource: DataSource;
  let directory: OrganisationDirectory;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    directory = new OrganisationDirectory(dataSource);
  });
  afterAll(() => dataSource.destroy());

  const assess = async (organisationId: string) =>
    assessEligibility(policy, await directory.profile(organisationId));

  it.each([
    ['cnp-radiologie', 'ELIGIBLE', ['ELIGIBLE_TYPE']],
    ['cnp-medecine-generale', 'ELIGIBLE', ['ELIGIBLE_TYPE']],
    ['fsm', 'ELIGIBLE', ['FEDERATES_CNPS']],
    ['college-physiciens-medicaux', 'ELIGIBLE', ['COLLEGE_OF_PROFESSION_WITHOUT_CNP']],
    ['college-radiologues-liberaux', 'INELIGIBLE', ['PROFESSION_HAS_CNP']],
    ['societe-imagerie-ia', 'INELIGIBLE', ['TYPE_NOT_ELIGIBLE']],
    ['chu-exemple', 'INELIGIBLE', ['TYPE_NOT_ELIGIBLE']],
    ['association-patients', 'INELIGIBLE', ['TYPE_NOT_ELIGIBLE']],
    ['inconnue', 'NEEDS_REVIEW', ['NOT_IN_DIRECTORY']],
  ])('finds %s %s', async (organisationId, decision, reasons) => {
    expect(await assess(organisationId)).toEqual({ decision, reasons });
  });

  it('counts the CNPs a federation federates from their parent link', async () => {
    expect(await directory.profile('fsm')).toEqual({
      type: 'FEDERATIVE_STRUCTURE',
      federatedCnpCount: 8,
    });
  });

  it('sends a federation of no CNP, or a college whose profession is unsettled, where they belong', async () => {
    await directory.upsert({
      organisationId: 'federation-vide',
      name: 'Fédération sans CNP',
      type: 'FEDERATIVE_STRUCTURE',
    });
    await directory.upsert({
      organisationId: 'college-inconnu',
      name: 'Collège à vérifier',
      type: 'PROFESSIONAL_COLLEGE',
      profession: 'à vérifier',
    });
    expect(await assess('federation-vide')).toEqual({
      decision: 'INELIGIBLE',
      reasons: ['FEDERATES_NO_CNP'],
    });
    expect(await assess('college-inconnu')).toEqual({
      decision: 'NEEDS_REVIEW',
      reasons: ['CONDITION_UNKNOWN'],
    });
  });
});
