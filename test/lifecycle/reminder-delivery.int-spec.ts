import { campaignWorkflowId, dossierStreamId, dossierWorkflowId } from '@amiflow/contracts';
import { CampaignDefinition } from '@amiflow/domain';
import { AROUND_THE_CLOCK_CONSULTATIONS, openCampaignDefinition } from '@amiflow/domain/testing';
import { startWorkerWithStallableMail, WorkerWithStallableMail } from '../support/stallable-mail';
import {
  addressOf,
  eventually,
  LifecycleHarness,
  recordHistory,
  until,
} from '../support/lifecycle-harness';

const SECOND = 1000;
const run = Date.now().toString(36);

/** A campaign of seconds whose one rule reminds drafts `before` seconds before the deadline. */
function campaignRemindingDrafts(t0: number, deadline: number, before: number): CampaignDefinition {
  return {
    ...openCampaignDefinition(new Date(t0), {
      opensAt: 0,
      meetingRegistrationDeadline: SECOND,
      meetingStartsAt: SECOND,
      meetingEndsAt: 2 * SECOND,
      submissionDeadline: deadline * SECOND,
      consultationsStartAt: 600 * SECOND,
    }),
    reminders: [
      {
        id: 'depot',
        kind: 'DEADLINE_REMINDER',
        anchor: 'SUBMISSION_DEADLINE',
        audience: 'UNSUBMITTED_DOSSIERS',
        offset: { seconds: -before },
      },
    ],
    consultations: AROUND_THE_CLOCK_CONSULTATIONS,
  };
}

/**
 * A reminder is a side effect of the dossier's clock, not one of its steps: while the mail server
 * cannot take it, the steps that fall due after it (the draft's expiry, to the second) happen on
 * time, and the reminder goes out, or is dropped, once it can be.
 */
describe('mails delivered beside the lifecycles, whatever the mail server does', () => {
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

  /** Waits until the campaign has left OPEN, failing 3 s after its deadline (epoch ms). */
  const submissionsClosedWithin3s = (campaignId: string, deadline: number) =>
    eventually(
      'the submissions to close within 3 s of the deadline while the mail server is stalled',
      async () => {
        const phase = await harness.campaignPhase(campaignId);
        return phase !== undefined && phase !== 'OPEN' ? phase : undefined;
      },
      deadline + 3 * SECOND - Date.now(),
      () =>
        `${new Date().toISOString()}: still OPEN; the deadline was ${new Date(deadline).toISOString()}`,
    );

  it('expires a draft at its deadline while its reminder cannot be sent, then drops the reminder once mail works again', async () => {
    const campaignId = `ami-reminder-stalled-${run}`;
    const organisationId = `cnp-rs-${run}`;
    const t0 = Date.now() + 3 * SECOND;
    // The reminder due 20 s before the deadline: long enough for its delivery's retries to back
    // off past the deadline while the mail server does not answer.
    const definition = campaignRemindingDrafts(t0, 30, 20);
    const deadline = Date.parse(definition.calendar.submissionDeadline);
    const terms = await harness.openCampaign(campaignId, definition);
    await harness.openDraft(campaignId, organisationId, 'CNP', terms);

    // The mail server stops answering before the reminder falls due, and until after the deadline.
    await until(deadline - 22 * SECOND);
    mail.smtp.stall();
    try {
      await eventually(
        'the draft to expire within 3 s of its deadline while the mail server is stalled',
        async () =>
          (await harness.dossierState(campaignId, organisationId)) === 'EXPIRED' ? true : undefined,
        deadline + 3 * SECOND - Date.now(),
        () =>
          `${new Date().toISOString()}: not expired; the deadline was ${new Date(deadline).toISOString()}`,
      );
    } finally {
      mail.smtp.resume();
    }
    const [{ recordedAt }] = await harness.dataSource.query<[{ recordedAt: Date }]>(
      `SELECT recorded_at AS "recordedAt" FROM events WHERE stream_id = $1 AND type = 'DossierExpired'`,
      [dossierStreamId(campaignId, organisationId)],
    );
    expect(recordedAt.getTime()).toBeGreaterThanOrEqual(deadline);
    expect(recordedAt.getTime()).toBeLessThan(deadline + 3 * SECOND);
    expect(await harness.eventTypes(dossierStreamId(campaignId, organisationId))).toEqual([
      'DossierDraftCreated',
      'DossierReminderIssued',
      'DossierExpired',
    ]);

    // Once the server answers again, the reminder is settled: it no longer concerns an expired
    // draft, so it is recorded DROPPED and never sent; the expiry's own mail goes out once.
    const address = addressOf(organisationId);
    await eventually('the expiry to be mailed', async () =>
      (await harness.mailsTo(address)).some((mail) => mail.subject.startsWith('Dossier non déposé'))
        ? true
        : undefined,
    );
    const deliveries = await eventually('the reminder to be settled', async () => {
      const rows = await harness.deliveries(campaignId, { except: 'invitation' });
      return rows.every((row) => row.status !== 'FAILED' && row.status !== 'SENDING')
        ? rows
        : undefined;
    });
    expect(deliveries.map((d) => [d.rule_id, d.recipient, d.status])).toEqual([
      ['depot', organisationId, 'DROPPED'],
    ]);
    const subjects = (await harness.mailsTo(address)).map((mail) => mail.subject);
    expect(subjects.filter((s) => s.includes("n'est pas encore déposée"))).toEqual([]);
    expect(subjects.filter((s) => s.startsWith('Dossier non déposé'))).toHaveLength(1);
    await recordHistory(
      harness,
      dossierWorkflowId(campaignId, organisationId),
      'dossier-expired-while-its-reminder-stalled',
    );
  }, 90_000);

  it("closes a campaign's submissions at its deadline while the operators' digest cannot be sent, then sends the digest once", async () => {
    const campaignId = `ami-digest-stalled-${run}`;
    const t0 = Date.now() + 3 * SECOND;
    // The digest's time of day long past: today's is due as soon as the campaign opens, and,
    // unlike a reminder to an organisation, it never lapses.
    const definition: CampaignDefinition = {
      ...campaignRemindingDrafts(t0, 15, 5),
      reminders: [
        {
          id: 'synthese',
          kind: 'OPERATOR_DIGEST',
          anchor: 'EVERY_DAY',
          audience: 'OPERATORS',
          offset: {},
          atLocalTime: '00:00',
        },
      ],
    };
    const deadline = Date.parse(definition.calendar.submissionDeadline);

    // The mail server stops answering before the campaign opens, and until after its deadline.
    mail.smtp.stall();
    try {
      await harness.openCampaign(campaignId, definition);
      await submissionsClosedWithin3s(campaignId, deadline);
    } finally {
      mail.smtp.resume();
    }

    // Once the server answers again, the digest, which still concerns the operators, goes out once.
    const deliveries = await eventually('the digest to be settled', async () => {
      const rows = await harness.deliveries(campaignId);
      return rows.length > 0 && rows.every((row) => row.status === 'SENT') ? rows : undefined;
    });
    expect(deliveries.map((d) => [d.rule_id, d.recipient, d.status])).toEqual([
      ['synthese', 'operators', 'SENT'],
    ]);
    await recordHistory(
      harness,
      campaignWorkflowId(campaignId),
      'campaign-closed-while-its-digest-stalled',
    );
  }, 90_000);

  it("closes a campaign's submissions at its deadline while the notice of its moved meeting cannot be sent, then sends it once", async () => {
    const campaignId = `ami-meeting-stalled-${run}`;
    const organisationId = `cnp-ms-${run}`;
    const t0 = Date.now() + 3 * SECOND;
    const definition: CampaignDefinition = {
      ...openCampaignDefinition(new Date(t0), {
        opensAt: 0,
        meetingRegistrationDeadline: 8 * SECOND,
        meetingStartsAt: 8 * SECOND,
        meetingEndsAt: 9 * SECOND,
        submissionDeadline: 20 * SECOND,
        consultationsStartAt: 600 * SECOND,
      }),
      reminders: [],
      consultations: AROUND_THE_CLOCK_CONSULTATIONS,
    };
    const deadline = Date.parse(definition.calendar.submissionDeadline);
    const terms = await harness.openCampaign(campaignId, definition);
    // Listed in the directory, with its address, by opening its draft.
    await harness.openDraft(campaignId, organisationId, 'CNP', terms);
    await harness.campaign(campaignId, {
      type: 'RegisterForMeeting',
      organisationId,
      organisationName: 'CNP MS',
    });

    // The mail server stops answering before the meeting moves, and until after the deadline.
    mail.smtp.stall();
    try {
      const movedStart = Date.parse(definition.calendar.meetingStartsAt as string) + 4 * SECOND;
      await harness.moveMeeting(campaignId, movedStart);
      await submissionsClosedWithin3s(campaignId, deadline);
    } finally {
      mail.smtp.resume();
    }

    // Once the server answers again, the registrant hears that the meeting moved, once.
    const moved = () =>
      harness
        .mailsTo(addressOf(organisationId))
        .then((mails) =>
          mails.filter((m) => m.subject.startsWith("Réunion d'information déplacée")),
        );
    await eventually('the notice of the moved meeting to be mailed', async () =>
      (await moved()).length > 0 ? true : undefined,
    );
    expect(await moved()).toHaveLength(1);
    await recordHistory(
      harness,
      campaignWorkflowId(campaignId),
      'campaign-closed-while-its-meeting-change-stalled',
    );
  }, 90_000);
});
