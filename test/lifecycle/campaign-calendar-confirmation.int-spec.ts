import { dossierSignalNames, dossierStreamId, dossierWorkflowId } from '@amiflow/contracts';
import { CampaignState, dossierTermsOf, isCampaign } from '@amiflow/domain';
import { openCampaignDefinition } from '@amiflow/domain/testing';
import { EventStore, readModelProjections } from '@amiflow/persistence';
import { campaignStream, openCampaignOn } from '@amiflow/persistence/testing';
import { startWorkerWithStallableMail, WorkerWithStallableMail } from '../support/stallable-mail';
import {
  addressOf,
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
  // The worker's mails go through a relay to the mail catcher, which a test may stall.
  let mail: WorkerWithStallableMail;

  beforeAll(async () => {
    harness = await LifecycleHarness.open();
    mail = await startWorkerWithStallableMail();
  }, 90_000);

  afterAll(async () => {
    await mail?.stop();
    await harness?.close();
  });

  async function eventTypes(campaignId: string, organisationId: string): Promise<string[]> {
    return harness.eventTypes(dossierStreamId(campaignId, organisationId));
  }

  /** A campaign opened yesterday, stored as its workflow would store it, with no workflow. */
  async function storedCampaign(campaignId: string, now: Date, submissionDeadline: number) {
    const campaign = campaignStream(
      new EventStore(harness.dataSource, readModelProjections),
      campaignId,
    );
    const definition = {
      ...openCampaignDefinition(now, {
        meetingRegistrationDeadline: -2 * HOUR,
        meetingStartsAt: -2 * HOUR,
        meetingEndsAt: -HOUR,
        submissionDeadline,
      }),
      reminders: [],
    };
    await openCampaignOn(campaign, campaignId, definition, now);
    return campaign;
  }

  it('keeps the calendar in force when a stale calendar signal comes after a newer one', async () => {
    // A fan-out attempt that outlived its heartbeat timeout goes on signalling the calendar of
    // its day for a moment, while its retry has finished and the next change's fan-out begun.
    const campaignId = `ami-stale-signal-${run}`;
    const now = new Date();
    const oldDeadline = new Date(now.getTime() + HOUR).toISOString();
    const newDeadline = new Date(now.getTime() + 2 * HOUR).toISOString();
    const campaign = await storedCampaign(campaignId, now, HOUR);
    const opened: CampaignState = campaign.state;
    if (!isCampaign(opened)) throw new Error('no campaign');
    const organisationId = `cnp-stale-signal-${run}`;
    await harness.openDraft(campaignId, organisationId, 'CNP', dossierTermsOf(opened));

    await campaign.run(
      {
        type: 'ChangeCampaignCalendar',
        changes: { submissionDeadline: newDeadline },
        reason: 'Report de la date limite.',
        actor: admin,
      },
      new Date(),
      admin,
    );
    const { consultationsStartAt } = opened.calendar;
    const dossier = harness.client.workflow.getHandle(
      dossierWorkflowId(campaignId, organisationId),
    );
    await dossier.signal(dossierSignalNames.calendarChanged, {
      submissionDeadline: newDeadline,
      consultationsStartAt,
    });
    await dossier.signal(dossierSignalNames.calendarChanged, {
      submissionDeadline: oldDeadline,
      consultationsStartAt,
    });
    // Decided after both signals, in turn: when it is answered, they have been dealt with.
    await harness.dossier(campaignId, organisationId, {
      type: 'SaveAnswers',
      answers: { freins: 'Réponse enregistrée après les deux signaux.' },
    });

    expect((await harness.dossierSnapshot(campaignId, organisationId)).terms).toMatchObject({
      submissionDeadline: newDeadline,
    });
    expect(await eventTypes(campaignId, organisationId)).toEqual([
      'DossierDraftCreated',
      'DossierCalendarUpdated',
      'DossierAnswersSaved',
    ]);
    // The organisation heard of the extension, and of no move back.
    const subjects = await eventually('the extension mail', async () => {
      const mails = await harness.mailsTo(addressOf(organisationId));
      return mails.length > 0 ? mails.map((mail) => mail.subject) : undefined;
    });
    expect(subjects).toEqual([expect.stringMatching(/^Date limite de dépôt reportée/)]);
    await recordHistory(
      harness,
      dossierWorkflowId(campaignId, organisationId),
      'dossier-stale-calendar-signal-ignored',
    );
  }, 60_000);

  it('expires a draft at a deadline moved earlier while the mail announcing the move is held up', async () => {
    const campaignId = `ami-earlier-${run}`;
    const campaign = await storedCampaign(campaignId, new Date(), HOUR);
    const opened: CampaignState = campaign.state;
    if (!isCampaign(opened)) throw new Error('no campaign');
    const organisationId = `cnp-earlier-${run}`;
    await harness.openDraft(campaignId, organisationId, 'CNP', dossierTermsOf(opened));
    const earlier = Date.now() + 3 * SECOND;

    // The mail server stops answering just as the dossier hears of the earlier deadline.
    mail.smtp.stall();
    try {
      await campaign.run(
        {
          type: 'ChangeCampaignCalendar',
          changes: { submissionDeadline: new Date(earlier).toISOString() },
          reason: 'Date limite avancée.',
          actor: admin,
        },
        new Date(),
        admin,
      );
      await harness.client.workflow
        .getHandle(dossierWorkflowId(campaignId, organisationId))
        .signal(dossierSignalNames.calendarChanged, {
          submissionDeadline: new Date(earlier).toISOString(),
          consultationsStartAt: opened.calendar.consultationsStartAt,
        });
      // The deadline does not wait for the mail server: the draft expires while it is stalled.
      await eventually(
        'the draft to expire while the mail server is stalled',
        async () =>
          (await harness.dossierState(campaignId, organisationId)) === 'EXPIRED' ? true : undefined,
        30 * SECOND,
      );
    } finally {
      mail.smtp.resume();
    }
    const [{ expiredAt }] = await harness.dataSource.query<[{ expiredAt: string }]>(
      `SELECT data->>'expiredAt' AS "expiredAt" FROM events WHERE stream_id = $1 AND type = 'DossierExpired'`,
      [dossierStreamId(campaignId, organisationId)],
    );
    expect(Date.parse(expiredAt)).toBeGreaterThanOrEqual(earlier);
    // Once it answers again, the mails go out in the order of what happened.
    const subjects = await eventually('both mails', async () => {
      const mails = await harness.mailsTo(addressOf(organisationId));
      return mails.length >= 2 ? mails.map((mail) => mail.subject) : undefined;
    });
    expect(subjects).toEqual([
      expect.stringMatching(/^Date limite de dépôt avancée/),
      expect.stringMatching(/^Dossier non déposé/),
    ]);
    await recordHistory(
      harness,
      dossierWorkflowId(campaignId, organisationId),
      'dossier-expired-at-an-earlier-deadline-while-mail-stalled',
    );
  }, 60_000);

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
    await openCampaignOn(campaign, campaignId, definition, now);
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
