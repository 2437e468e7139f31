import { campaignWorkflowId, dossierWorkflowId } from '@amiflow/contracts';
import { CampaignDefinition } from '@amiflow/domain';
import { AROUND_THE_CLOCK_CONSULTATIONS, openCampaignDefinition } from '@amiflow/domain/testing';
import { calendarOf, readInvitation } from '@amiflow/activities/testing';
import { RunningWorker, startWorker } from '../support/amiflow-processes';
import {
  addressOf,
  admin,
  LifecycleHarness,
  CaughtMail,
  operator,
  recordHistory,
} from '../support/lifecycle-harness';
import { eventually } from '../support/eventually';

const SECOND = 1000;
const run = Date.now().toString(36);

describe('calendar entries people receive, through the real lifecycles (Temporal, PostgreSQL, SMTP)', () => {
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

  const stateOf = (campaignId: string, organisationId: string, expected: string) =>
    eventually(`${organisationId} to be ${expected}`, async () =>
      (await harness.dossierState(campaignId, organisationId)) === expected ? true : undefined,
    );

  it('fixes a consultation again under its id after cancelling it: a newer SEQUENCE than the cancellation, and a reminder of its own', async () => {
    const campaignId = `ami-refixed-${run}`;
    const organisationId = 'cnp-refix';
    const t0 = Date.now() + 2 * SECOND;
    const definition: CampaignDefinition = {
      ...openCampaignDefinition(new Date(t0), {
        opensAt: 0,
        meetingRegistrationDeadline: SECOND,
        meetingStartsAt: SECOND,
        meetingEndsAt: 2 * SECOND,
        submissionDeadline: 3 * SECOND,
        consultationsStartAt: 10 * SECOND,
      }),
      // La Réunion: the calendar files must define the zone they name.
      timeZone: 'Indian/Reunion',
      reminders: [
        {
          id: 'consultation',
          kind: 'CONSULTATION_REMINDER',
          anchor: 'CONSULTATION',
          audience: 'CONSULTATION_INVITEES',
          offset: { seconds: -10 },
        },
      ],
      consultations: AROUND_THE_CLOCK_CONSULTATIONS,
    };
    const terms = await harness.openCampaign(campaignId, definition);
    await harness.openDraft(campaignId, organisationId, 'CNP', terms);
    await harness.dossier(campaignId, organisationId, { type: 'SubmitDossier' });
    await stateOf(campaignId, organisationId, 'UNDER_SCREENING');
    await harness.dossier(
      campaignId,
      organisationId,
      { type: 'RecordScreeningResult', result: 'SHORTLISTED', actor: operator },
      operator,
    );
    const fix = (startsAt: number) =>
      harness.dossier(
        campaignId,
        organisationId,
        {
          type: 'ScheduleConsultation',
          consultationId: 'consultation-1',
          startsAt: new Date(startsAt).toISOString(),
          endsAt: new Date(startsAt + 5 * 60 * SECOND).toISOString(),
          place: 'Salle de test',
          actor: operator,
        },
        operator,
      );
    const reminders = async (count: number) =>
      eventually(`${count} consultation reminder(s)`, async () => {
        const rows = await harness.deliveries(campaignId);
        return rows.length >= count ? rows : undefined;
      });

    // The first appointment, its reminder 10 s before it, then its cancellation.
    // Whole seconds: a calendar file carries no milliseconds.
    const first =
      Math.ceil((Math.max(Date.now(), t0 + 10 * SECOND) + 12 * SECOND) / SECOND) * SECOND;
    await fix(first);
    await reminders(1);
    await harness.dossier(
      campaignId,
      organisationId,
      { type: 'CancelConsultation', reason: 'Empêchement du jury.', actor: operator },
      operator,
    );
    // Fixed again under the same id: a new appointment, a new reminder.
    const second = Math.ceil((Date.now() + 12 * SECOND) / SECOND) * SECOND;
    await fix(second);
    const delivered = await reminders(2);
    expect(delivered.map((row) => row.recipient)).toEqual([organisationId, organisationId]);
    expect(delivered[1].due_at.getTime()).toBe(second - 10 * SECOND);

    const invitations = await eventually('the three calendar files', async () => {
      const mails = (await harness.mailsTo(addressOf(organisationId))).filter((mail) =>
        mail.attachments.some((a) => a.filename.endsWith('.ics')),
      );
      return mails.length >= 3 ? mails : undefined;
    });
    const read = await Promise.all(
      invitations.map(async (mail) => readInvitation((await calendarOf(mail)).join('\r\n'))),
    );
    const uid = `consultation-1.${organisationId}.${campaignId}@amiflow`;
    expect(read.map(({ method, uid, sequence }) => ({ method, uid, sequence }))).toEqual([
      { method: 'REQUEST', uid, sequence: 0 },
      { method: 'CANCEL', uid, sequence: 1 },
      { method: 'REQUEST', uid, sequence: 2 },
    ]);
    // Each file defines La Réunion and places the appointment where it is.
    expect(read.map((r) => [r.tzid, r.definedZones, r.startsAt])).toEqual([
      ['Indian/Reunion', ['Indian/Reunion'], new Date(first).toISOString()],
      ['Indian/Reunion', ['Indian/Reunion'], new Date(first).toISOString()],
      ['Indian/Reunion', ['Indian/Reunion'], new Date(second).toISOString()],
    ]);
    await recordHistory(
      harness,
      dossierWorkflowId(campaignId, organisationId),
      'dossier-consultation-fixed-again-after-cancellation',
    );
  }, 90_000);

  it('mails an organisation moved up from the waiting list its seat and the reminder it missed, and tells the waiting list of a move', async () => {
    const campaignId = `ami-waitlist-${run}`;
    const [holder, promoted, waiting] = ['a', 'b', 'c'].map((x) => `cnp-attente-${x}`);
    const t0 = Date.now() + 2 * SECOND;
    const definition: CampaignDefinition = {
      ...openCampaignDefinition(new Date(t0), {
        opensAt: 0,
        meetingRegistrationDeadline: 20 * SECOND,
        meetingStartsAt: 20 * SECOND,
        meetingEndsAt: 21 * SECOND,
        submissionDeadline: 60 * SECOND,
        consultationsStartAt: 120 * SECOND,
      }),
      meeting: { place: '20, avenue de Ségur, 75007 Paris', capacity: 1 },
      reminders: [
        {
          id: 'reunion',
          kind: 'MEETING_REMINDER',
          anchor: 'MEETING',
          audience: 'MEETING_REGISTRANTS',
          offset: { seconds: -14 },
        },
      ],
    };
    await harness.openCampaign(campaignId, definition);
    for (const organisationId of [holder, promoted, waiting]) {
      await harness.register({
        organisationId,
        name: `Organisation ${organisationId}`,
        type: 'CNP',
        email: addressOf(organisationId),
      });
      await harness.campaign(
        campaignId,
        { type: 'RegisterForMeeting', organisationId, organisationName: organisationId },
        { id: organisationId, role: 'organisation' },
      );
    }
    // The reminder goes to the one seat's holder while the others wait.
    await eventually('the meeting reminder', async () => {
      const rows = await harness.deliveries(campaignId);
      return rows.some((row) => row.rule_id === 'reunion') ? rows : undefined;
    });
    await harness.campaign(
      campaignId,
      { type: 'CancelMeetingRegistration', organisationId: holder },
      { id: holder, role: 'organisation' },
    );
    const toPromoted = await eventually('the promotion and the reminder', async () => {
      const mails = await harness.mailsTo(addressOf(promoted));
      return mails.length >= 2 ? mails : undefined;
    });
    expect(toPromoted.map((mail) => [mail.subject, mail.attachments])).toEqual([
      [
        expect.stringMatching(/^Place confirmée à la réunion d'information : /),
        [{ filename: 'reunion.ics', contentType: 'text/calendar' }],
      ],
      [
        expect.stringMatching(/^Rappel : réunion d'information du/),
        [{ filename: 'reunion.ics', contentType: 'text/calendar' }],
      ],
    ]);
    expect(readInvitation((await calendarOf(toPromoted[0])).join('\r\n'))).toMatchObject({
      method: 'REQUEST',
      uid: `meeting-${campaignId}@amiflow`,
      sequence: 0,
    });

    // The meeting moves: the promoted organisation and the one still waiting both hear of it.
    // Still before the submission deadline, which must follow the meeting.
    const later = Math.ceil((Date.now() + 20 * SECOND) / SECOND) * SECOND;
    await harness.campaign(campaignId, {
      type: 'ChangeCampaignCalendar',
      changes: {
        meetingRegistrationDeadline: new Date(later).toISOString(),
        meetingStartsAt: new Date(later).toISOString(),
        meetingEndsAt: new Date(later + SECOND).toISOString(),
      },
      reason: 'Salle indisponible.',
      actor: admin,
    });
    const moved = (mails: CaughtMail[]) =>
      mails.filter((mail) => mail.subject.startsWith("Réunion d'information déplacée"));
    const [toWaiting] = await eventually('the move to the waiting list', async () => {
      const mails = moved(await harness.mailsTo(addressOf(waiting)));
      return mails.length > 0 ? mails : undefined;
    });
    expect(toWaiting.attachments).toEqual([]);
    const [movedForPromoted] = moved(await harness.mailsTo(addressOf(promoted)));
    expect(readInvitation((await calendarOf(movedForPromoted)).join('\r\n'))).toMatchObject({
      sequence: 1,
      startsAt: new Date(later).toISOString(),
    });
    // Whoever cancelled hears nothing more, and the reminder went once to each seat holder.
    expect(moved(await harness.mailsTo(addressOf(holder)))).toEqual([]);
    expect(
      (await harness.deliveries(campaignId)).map((row) => [row.rule_id, row.recipient]).sort(),
    ).toEqual(
      [
        ['meeting:moved', promoted],
        ['meeting:moved', waiting],
        ['meeting:promoted', promoted],
        ['reunion', holder],
        ['reunion', promoted],
      ].sort(),
    );
    await recordHistory(
      harness,
      campaignWorkflowId(campaignId),
      'campaign-meeting-waitlist-promoted',
    );
  }, 90_000);
});
