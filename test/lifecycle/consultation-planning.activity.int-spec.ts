import { createConsultationPlanningActivities } from '@amiflow/activities';
import {
  dossierStateQuery,
  dossierStreamId,
  dossierWorkflowId,
  PlanConsultationsInput,
  PlanConsultationsResult,
} from '@amiflow/contracts';
import { CampaignDefinition } from '@amiflow/domain';
import { AROUND_THE_CLOCK_CONSULTATIONS, openCampaignDefinition } from '@amiflow/domain/testing';
import { CampaignSummaryQuery, DossierSummaryQuery } from '@amiflow/persistence';
import { MockActivityEnvironment } from '@temporalio/testing';
import { RunningWorker, startWorker } from '../support/amiflow-processes';
import { addressOf, eventually, LifecycleHarness, operator } from '../support/lifecycle-harness';

const SECOND = 1000;
const run = Date.now().toString(36);
const campaignId = `ami-plan-activity-${run}`;
const organisations = ['cnp-p1', 'cnp-p2', 'cnp-p3'].map((name) => `${name}-${run}`);

/**
 * Submissions close in seconds; consultations start in an hour, so the campaign's own planning
 * (when it enters them) stays out of the way and the test runs the activity itself.
 */
function campaignClosingInSeconds(): CampaignDefinition {
  return {
    ...openCampaignDefinition(new Date(), {
      opensAt: 0,
      meetingRegistrationDeadline: SECOND,
      meetingStartsAt: SECOND,
      meetingEndsAt: 2 * SECOND,
      submissionDeadline: 8 * SECOND,
      consultationsStartAt: 3600 * SECOND,
    }),
    reminders: [],
    consultations: AROUND_THE_CLOCK_CONSULTATIONS,
  };
}

describe('planning consultations in an activity context, against the real dossier workflows', () => {
  let harness: LifecycleHarness;
  let worker: RunningWorker;
  let planConsultations: (input: PlanConsultationsInput) => Promise<PlanConsultationsResult>;

  beforeAll(async () => {
    harness = await LifecycleHarness.open();
    worker = await startWorker();
    const activities = createConsultationPlanningActivities(
      new CampaignSummaryQuery(harness.dataSource),
      new DossierSummaryQuery(harness.dataSource),
      harness.client,
    );
    planConsultations = (input) => activities.planConsultations(input);
  }, 90_000);

  afterAll(async () => {
    await worker?.stop();
    await harness?.close();
  });

  const stateOf = (organisationId: string, expected: string) =>
    eventually(`${organisationId} to be ${expected}`, async () =>
      (await harness.dossierState(campaignId, organisationId)) === expected ? true : undefined,
    );

  /**
   * The status the dossier's workflow holds. The read model shows a new status as soon as its
   * events are stored, a moment before the workflow folds them, and the workflow's update
   * validator decides against what it holds: an operator's command sent in that moment is refused.
   */
  const workflowStatusOf = (organisationId: string, expected: string) =>
    eventually(`the workflow of ${organisationId} to hold ${expected}`, async () => {
      const { state } = await harness.client.workflow
        .getHandle(dossierWorkflowId(campaignId, organisationId))
        .query(dossierStateQuery);
      return state.status === expected ? true : undefined;
    });

  /** How often each dossier's consultation was scheduled, in its events and in its mail box. */
  const consultationsRecorded = () =>
    Promise.all(
      organisations.map(async (organisationId) => ({
        organisationId,
        events: (await harness.eventTypes(dossierStreamId(campaignId, organisationId))).filter(
          (type) => type === 'ConsultationScheduled',
        ).length,
        invitations: (await harness.mailsTo(addressOf(organisationId))).filter((mail) =>
          mail.attachments.some((attachment) => attachment.filename === 'consultation.ics'),
        ).length,
      })),
    );

  async function shortlistAll(): Promise<void> {
    const terms = await harness.openCampaign(campaignId, campaignClosingInSeconds());
    for (const organisationId of organisations) {
      await harness.openDraft(campaignId, organisationId, 'CNP', terms);
      await harness.dossier(campaignId, organisationId, { type: 'SubmitDossier' });
    }
    for (const organisationId of organisations) {
      await workflowStatusOf(organisationId, 'UNDER_SCREENING');
      await harness.dossier(
        campaignId,
        organisationId,
        { type: 'RecordScreeningResult', result: 'SHORTLISTED', actor: operator },
        operator,
      );
    }
  }

  it('resumes after a lost attempt without scheduling anyone twice, and does nothing on a further retry', async () => {
    await shortlistAll();
    const input = { campaignId, correlationId: `test-${campaignId}` };
    const [firstOrganisation, ...others] = organisations;

    // The first attempt's worker is lost once its first dossier is scheduled and heartbeated.
    const lost = new MockActivityEnvironment({ attempt: 1 });
    const lostHeartbeats = heartbeatsOf(lost);
    lost.on('heartbeat', () => {
      throw new Error('worker lost');
    });
    await expect(lost.run(planConsultations, input)).rejects.toThrow('worker lost');
    expect(lostHeartbeats).toEqual([firstOrganisation]);
    await stateOf(firstOrganisation, 'CONSULTATION_SCHEDULED');

    const retry = new MockActivityEnvironment({ attempt: 2, heartbeatDetails: firstOrganisation });
    const retryHeartbeats = heartbeatsOf(retry);
    expect(await retry.run(planConsultations, input)).toEqual({ scheduled: 2, unplaced: [] });
    expect(retryHeartbeats).toEqual(others);
    const starts = await Promise.all(
      organisations.map(
        async (organisationId) =>
          (await harness.dossierSnapshot(campaignId, organisationId)).consultation?.startsAt,
      ),
    );
    expect(new Set(starts).size).toBe(organisations.length);

    const once = organisations.map((organisationId) => ({
      organisationId,
      events: 1,
      invitations: 1,
    }));
    // The dossier workflows mail the invitations after recording the consultations.
    await eventually('an invitation to each', async () => {
      const recorded = await consultationsRecorded();
      return recorded.every(({ invitations }) => invitations > 0) ? recorded : undefined;
    });
    expect(await consultationsRecorded()).toEqual(once);

    // The server lost the second attempt's completion, and runs it again.
    const again = new MockActivityEnvironment({ attempt: 3, heartbeatDetails: others.at(-1) });
    const againHeartbeats = heartbeatsOf(again);
    expect(await again.run(planConsultations, input)).toEqual({ scheduled: 0, unplaced: [] });
    expect(againHeartbeats).toEqual([]);
    expect(await consultationsRecorded()).toEqual(once);
  }, 90_000);
});

/** What the activity heartbeats in this environment, in order. */
function heartbeatsOf(environment: MockActivityEnvironment): unknown[] {
  const heartbeats: unknown[] = [];
  environment.on('heartbeat', (details: unknown) => heartbeats.push(details));
  return heartbeats;
}
