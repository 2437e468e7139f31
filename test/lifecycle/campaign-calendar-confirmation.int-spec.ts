import { dossierStreamId, dossierWorkflowId } from '@amiflow/contracts';
import { CampaignState, dossierTermsOf, isCampaign } from '@amiflow/domain';
import { openCampaignDefinition } from '@amiflow/domain/testing';
import { EventStore, readModelProjections } from '@amiflow/persistence';
import { campaignStream } from '@amiflow/persistence/testing';
import { RunningWorker, startWorker } from '../support/amiflow-processes';
import {
  admin,
  eventually,
  LifecycleHarness,
  recordHistory,
  until,
} from '../support/lifecycle-harness';

const SECOND = 1000;
const HOUR = 3_600_000;
const run = Date.now().toString(36);

/**
 * Issue 10, fault 1, at its root: a dossier decides on its copy of the campaign's dates. Here the
 * campaign has no workflow, so no signal ever updates the copies: the calendar change exists only
 * in PostgreSQL, as it does for a dossier the campaign's fan-out has not reached yet. Whatever a
 * dossier does on the deadline, it must do on the one in force there.
 */
describe('dossiers that confirm the campaign calendar in force before using its deadline', () => {
  let harness: LifecycleHarness;
  let worker: RunningWorker;

  beforeAll(async () => {
    harness = await LifecycleHarness.open();
    worker = await startWorker();
  }, 90_000);

  afterAll(async () => {
    await worker?.stop();
    await harness?.close();
  });

  async function eventTypes(campaignId: string, organisationId: string): Promise<string[]> {
    return harness.eventTypes(dossierStreamId(campaignId, organisationId));
  }

  it('does not expire a draft, start a screening or refuse a submission or amendment on a deadline moved in the store only', async () => {
    const campaignId = `ami-confirmed-${run}`;
    const now = new Date();
    const oldDeadline = now.getTime() + 15 * SECOND;
    const newDeadline = oldDeadline + 10 * SECOND;
    // Stored as the campaign workflow would store it; a workflow would signal its dossiers.
    const campaign = campaignStream(
      new EventStore(harness.dataSource, readModelProjections),
      campaignId,
    );
    const definition = {
      // Opened yesterday, its meeting held this morning, its deadline in a few seconds.
      ...openCampaignDefinition(now, {
        meetingRegistrationDeadline: -2 * HOUR,
        meetingStartsAt: -2 * HOUR,
        meetingEndsAt: -HOUR,
        submissionDeadline: 15 * SECOND,
      }),
      reminders: [],
    };
    await campaign.run(
      { type: 'CreateCampaign', campaignId, definition, actor: admin },
      now,
      admin,
    );
    await campaign.run({ type: 'PublishCampaign', actor: admin }, now, admin);
    await campaign.run({ type: 'OpenCampaign' }, now);
    const opened: CampaignState = campaign.state;
    if (!isCampaign(opened)) throw new Error('no campaign');
    const terms = dossierTermsOf(opened);

    const expiring = `cnp-expiring-${run}`;
    const late = `cnp-late-${run}`;
    const amending = `cnp-amending-${run}`;
    for (const organisationId of [expiring, late, amending]) {
      await harness.openDraft(campaignId, organisationId, 'CNP', terms);
    }
    await harness.dossier(campaignId, amending, { type: 'SubmitDossier' });
    await eventually(`${amending} to be ELIGIBLE`, async () =>
      (await harness.dossierState(campaignId, amending)) === 'ELIGIBLE' ? true : undefined,
    );
    expect(Date.now()).toBeLessThan(oldDeadline - 2 * SECOND);

    await campaign.run(
      {
        type: 'ChangeCampaignCalendar',
        changes: { submissionDeadline: new Date(newDeadline).toISOString() },
        reason: 'Report de la date limite.',
        actor: admin,
      },
      new Date(),
      admin,
    );

    await until(oldDeadline + 2 * SECOND);
    const submitted = await harness.dossier(campaignId, late, { type: 'SubmitDossier' });
    expect(submitted.state.status).toBe('SUBMITTED');
    const amended = await harness.dossier(campaignId, amending, {
      type: 'SaveAnswers',
      answers: { freins: 'Précisé après la date limite initiale.' },
    });
    expect(amended.state.status).toBe('ELIGIBLE');
    expect(await harness.dossierState(campaignId, expiring)).toBe('DRAFT');
    expect(await eventTypes(campaignId, amending)).not.toContain('DossierScreeningStarted');

    await until(newDeadline);
    await eventually(`${expiring} to expire`, async () =>
      (await harness.dossierState(campaignId, expiring)) === 'EXPIRED' ? true : undefined,
    );
    await eventually(`${amending} to be under screening`, async () =>
      (await harness.dossierState(campaignId, amending)) === 'UNDER_SCREENING' ? true : undefined,
    );
    expect(await eventTypes(campaignId, expiring)).toEqual([
      'DossierDraftCreated',
      'DossierCalendarUpdated',
      'DossierExpired',
    ]);
    await recordHistory(
      harness,
      dossierWorkflowId(campaignId, expiring),
      'dossier-expired-on-a-deadline-confirmed-in-the-store',
    );
    await recordHistory(
      harness,
      dossierWorkflowId(campaignId, amending),
      'dossier-amended-on-a-deadline-confirmed-in-the-store',
    );
  }, 120_000);
});
