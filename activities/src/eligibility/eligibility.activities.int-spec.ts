import { campaignStreamId, dossierStreamId, EligibilityCheckInput } from '@amiflow/contracts';
import { EligibilityAssessment } from '@amiflow/domain';
import { MockActivityEnvironment } from '@temporalio/testing';
import { mailsTo, openCampaignFixture, OpenCampaignFixture } from '../testing';
import { createEligibilityActivities } from './eligibility.activities';

/** The eligibility check as Temporal runs it: a first attempt, then a retry of the same input. */
describe('checking eligibility against the directory, in an activity context', () => {
  let fixture: OpenCampaignFixture;
  let checkEligibility: (input: EligibilityCheckInput) => Promise<EligibilityAssessment>;

  beforeAll(async () => {
    fixture = await openCampaignFixture('eligibility');
    const activities = createEligibilityActivities(fixture.deps.campaigns, fixture.deps.directory);
    checkEligibility = (input) => activities.checkEligibility(input);
  });

  afterAll(async () => {
    await fixture?.close();
  });

  /** What the check could leave behind: the campaign's events, its ledger, the mails sent. */
  async function traces() {
    const [{ events }] = await fixture.dataSource.query<[{ events: number }]>(
      'SELECT count(*)::int AS events FROM events WHERE stream_id = ANY($1)',
      [
        [
          campaignStreamId(fixture.campaignId),
          dossierStreamId(fixture.campaignId, fixture.organisationId),
        ],
      ],
    );
    return {
      events,
      deliveries: (await fixture.deps.ledger.list(fixture.campaignId)).length,
      mails: (await mailsTo(fixture.address)).length,
    };
  }

  it('finds a listed CNP eligible on attempt 1 and again on attempt 2, leaving nothing behind', async () => {
    const input: EligibilityCheckInput = {
      campaignId: fixture.campaignId,
      organisationId: fixture.organisationId,
      organisationType: 'CNP',
      profession: null,
    };
    const before = await traces();

    const first = await new MockActivityEnvironment({ attempt: 1 }).run(checkEligibility, input);
    const retried = await new MockActivityEnvironment({ attempt: 2 }).run(checkEligibility, input);

    expect(first).toEqual({ decision: 'ELIGIBLE', reasons: expect.any(Array) });
    expect(retried).toEqual(first);
    expect(await traces()).toEqual(before);
  });

  it('leaves an organisation missing from the directory to an operator, on every attempt', async () => {
    const input: EligibilityCheckInput = {
      campaignId: fixture.campaignId,
      organisationId: `unlisted-${fixture.organisationId}`,
      organisationType: 'CNP',
      profession: null,
    };

    const first = await new MockActivityEnvironment({ attempt: 1 }).run(checkEligibility, input);
    const retried = await new MockActivityEnvironment({ attempt: 2 }).run(checkEligibility, input);

    expect(first).toMatchObject({ decision: 'NEEDS_REVIEW' });
    expect(retried).toEqual(first);
  });
});
