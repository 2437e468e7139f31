import { campaignWorkflowId, dossierStreamId, dossierWorkflowId } from '@amiflow/contracts';
import { CampaignDefinition, EvaluationGrid, isDossier, ReminderRule } from '@amiflow/domain';
import { AROUND_THE_CLOCK_CONSULTATIONS, openCampaignDefinition } from '@amiflow/domain/testing';
import { RunningWorker, startWorker } from '../support/amiflow-processes';
import { startWorkerWithStallableMail } from '../support/stallable-mail';
import {
  addressOf,
  admin,
  LifecycleHarness,
  operator,
  recordHistory,
} from '../support/lifecycle-harness';
import { eventually, until } from '../support/eventually';

const SECOND = 1000;
const run = Date.now().toString(36);

/** Reminders in seconds, so that a whole campaign plays in half a minute. */
function reminders(deadlineA: number, deadlineB: number): ReminderRule[] {
  return [
    {
      id: 'invitation',
      kind: 'CAMPAIGN_INVITATION',
      anchor: 'OPENING',
      audience: 'DIRECTORY_ELIGIBLE',
      offset: {},
    },
    {
      id: 'reunion',
      kind: 'MEETING_REMINDER',
      anchor: 'MEETING',
      audience: 'MEETING_REGISTRANTS',
      offset: { seconds: -1 },
    },
    {
      id: 'depot-a',
      kind: 'DEADLINE_REMINDER',
      anchor: 'SUBMISSION_DEADLINE',
      audience: 'UNSUBMITTED_DOSSIERS',
      offset: { seconds: -deadlineA },
    },
    {
      id: 'depot-b',
      kind: 'DEADLINE_REMINDER',
      anchor: 'SUBMISSION_DEADLINE',
      audience: 'UNSUBMITTED_DOSSIERS',
      offset: { seconds: -deadlineB },
    },
    {
      id: 'precisions',
      kind: 'CLARIFICATION_REMINDER',
      anchor: 'CLARIFICATION_DUE',
      audience: 'CLARIFICATION_PENDING',
      offset: { seconds: -1 },
    },
    {
      id: 'consultation',
      kind: 'CONSULTATION_REMINDER',
      anchor: 'CONSULTATION',
      audience: 'CONSULTATION_INVITEES',
      offset: { seconds: -1 },
    },
    {
      id: 'suivi',
      kind: 'FOLLOW_UP_REMINDER',
      anchor: 'FOLLOW_UP_DUE',
      audience: 'FOLLOW_UP_OWNERS',
      offset: { seconds: -1 },
    },
  ];
}

function secondsCampaign(
  t0: number,
  dates: { meeting: number; deadline: number; consultations: number },
  rules: ReminderRule[],
): CampaignDefinition {
  const now = new Date(t0);
  return {
    ...openCampaignDefinition(now, {
      opensAt: 0,
      meetingRegistrationDeadline: dates.meeting * SECOND,
      meetingStartsAt: dates.meeting * SECOND,
      meetingEndsAt: (dates.meeting + 1) * SECOND,
      submissionDeadline: dates.deadline * SECOND,
      consultationsStartAt: dates.consultations * SECOND,
    }),
    reminders: rules,
    consultations: AROUND_THE_CLOCK_CONSULTATIONS,
  };
}

describe('campaign and dossier lifecycles on a real Temporal server, with calendars of seconds', () => {
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

  /**
   * Starts the consultations a moment from now, once the test's screening is done. The campaign
   * plans only the dossiers shortlisted when it enters its consultations: a date fixed in advance
   * a few seconds after the deadline bets that the machine screens in time, and loses under load.
   */
  async function startConsultationsSoon(campaignId: string): Promise<number> {
    const at = Date.now() + 3 * SECOND;
    await harness.campaign(campaignId, {
      type: 'ChangeCampaignCalendar',
      changes: { consultationsStartAt: new Date(at).toISOString() },
      reason: 'Présélection terminée.',
      actor: admin,
    });
    return at;
  }

  /** Until the dossier has stored an event of this type. */
  async function eventOf(campaignId: string, organisationId: string, type: string) {
    await eventually(`${organisationId} to store ${type}`, async () =>
      (await harness.eventTypes(dossierStreamId(campaignId, organisationId))).includes(type)
        ? true
        : undefined,
    );
  }

  /**
   * A reviewer assigned to the dossier scores its first criterion (pertinence) 5 and the others 1:
   * the weighted score out of 20 the dossier then holds.
   */
  async function scoredPertinenceFive(
    campaignId: string,
    organisationId: string,
    grid: EvaluationGrid,
    reviewerId: string,
  ): Promise<number | undefined> {
    const reviewer = { id: reviewerId, role: 'operator' as const };
    await harness.dossier(
      campaignId,
      organisationId,
      { type: 'AssignReviewers', reviewerIds: [reviewer.id], actor: operator },
      operator,
    );
    const scored = await harness.dossier(
      campaignId,
      organisationId,
      {
        type: 'ScoreDossier',
        scores: grid.criteria.map(({ id }, index) => ({
          criterionId: id,
          score: index === 0 ? 5 : 1,
          comment: 'Noté.',
        })),
        actor: reviewer,
      },
      reviewer,
    );
    return isDossier(scored.state) ? scored.state.reviews?.[0].weightedScore : undefined;
  }

  const stateOf = (campaignId: string, organisationId: string, expected: string) =>
    eventually(`${organisationId} to be ${expected}`, async () =>
      (await harness.dossierState(campaignId, organisationId)) === expected ? true : undefined,
    ).catch(async (error: Error) => {
      const explanations = await Promise.all(
        [dossierWorkflowId(campaignId, organisationId), campaignWorkflowId(campaignId)].map(
          (workflowId) => harness.whyStuck(workflowId),
        ),
      );
      throw new Error(`${error.message}\n${explanations.join('\n')}`);
    });

  it('runs a campaign and five dossiers through every branch, on time, each reminder once', async () => {
    const campaignId = `ami-${run}`;
    const t0 = Date.now() + 3 * SECOND;
    const definition = secondsCampaign(
      t0,
      { meeting: 3, deadline: 12, consultations: 120 },
      reminders(6, 3),
    );
    const { calendar } = definition;
    const terms = await harness.openCampaign(campaignId, definition);

    await harness.campaign(campaignId, {
      type: 'RegisterForMeeting',
      organisationId: 'cnp-a',
      organisationName: 'CNP A',
    });
    await harness.openDraft(campaignId, 'cnp-a', 'CNP', terms);
    await harness.openDraft(campaignId, 'societe-b', 'COMPANY', terms);
    await harness.openDraft(campaignId, 'college-c', 'PROFESSIONAL_COLLEGE', terms);
    await harness.openDraft(campaignId, 'cnp-d', 'CNP', terms);
    await harness.openDraft(campaignId, 'cnp-e', 'CNP', terms);

    await harness.dossier(campaignId, 'cnp-a', {
      type: 'SaveAnswers',
      answers: { organisation: 'CNP A', propositions: 'Un entrepôt.' },
    });
    await harness.dossier(campaignId, 'cnp-a', { type: 'SubmitDossier' });
    await harness.dossier(campaignId, 'societe-b', { type: 'SubmitDossier' });
    await harness.dossier(campaignId, 'cnp-d', {
      type: 'WithdrawDossier',
      reason: 'Réponse commune.',
    });
    await stateOf(campaignId, 'cnp-a', 'ELIGIBLE');
    await stateOf(campaignId, 'societe-b', 'INELIGIBLE');

    // College C submits after the first deadline reminder, so it gets that one and not the next.
    await until(Date.parse(calendar.submissionDeadline) - 5 * SECOND);
    await harness.dossier(campaignId, 'college-c', { type: 'SubmitDossier' });
    await stateOf(campaignId, 'college-c', 'NEEDS_REVIEW');
    await harness.dossier(
      campaignId,
      'college-c',
      {
        type: 'OverrideEligibility',
        decision: 'ELIGIBLE',
        reason: "L'orthoptie n'a pas de CNP.",
        actor: operator,
      },
      operator,
    );

    // At the deadline: E expires, the campaign closes its submissions and starts screening.
    await stateOf(campaignId, 'cnp-e', 'EXPIRED');
    await stateOf(campaignId, 'cnp-a', 'UNDER_SCREENING');
    await stateOf(campaignId, 'college-c', 'UNDER_SCREENING');
    await eventually('screening to start', async () =>
      (await harness.campaignPhase(campaignId)) === 'SCREENING' ? true : undefined,
    );

    // The clarification loop: A answers in time, C lets it lapse.
    const inSeconds = (seconds: number) => new Date(Date.now() + seconds * SECOND).toISOString();
    await harness.dossier(
      campaignId,
      'cnp-a',
      {
        type: 'RequestClarification',
        clarificationId: 'q-a',
        question: 'Combien de membres ?',
        dueAt: inSeconds(3),
        actor: operator,
      },
      operator,
    );
    await harness.dossier(campaignId, 'cnp-a', {
      type: 'AnswerClarification',
      clarificationId: 'q-a',
      answer: '1 200 membres.',
    });
    await harness.dossier(
      campaignId,
      'college-c',
      {
        type: 'RequestClarification',
        clarificationId: 'q-c',
        question: 'Quel périmètre ?',
        dueAt: inSeconds(2),
        actor: operator,
      },
      operator,
    );
    await eventually('the clarification of C to lapse', async () =>
      (await harness.eventTypes(dossierStreamId(campaignId, 'college-c'))).includes(
        'ClarificationLapsed',
      )
        ? true
        : undefined,
    );

    await harness.dossier(
      campaignId,
      'cnp-a',
      { type: 'RecordScreeningResult', result: 'SHORTLISTED', actor: operator },
      operator,
    );
    // The expired draft's lifecycle is over: it hears nothing of the calendar change.
    await eventually('the expired lifecycle to complete', async () =>
      (await harness.client.workflow.getHandle(dossierWorkflowId(campaignId, 'cnp-e')).describe())
        .status.name === 'COMPLETED'
        ? true
        : undefined,
    );
    await startConsultationsSoon(campaignId);
    await eventOf(campaignId, 'cnp-a', 'DossierCalendarUpdated');
    await eventOf(campaignId, 'college-c', 'DossierCalendarUpdated');
    await harness.dossier(
      campaignId,
      'college-c',
      { type: 'RecordScreeningResult', result: 'NOT_RETAINED', actor: operator },
      operator,
    );

    await eventually('consultations to start', async () =>
      (await harness.campaignPhase(campaignId)) === 'CONSULTATIONS' ? true : undefined,
    );
    // The campaign planned the shortlisted dossier's consultation in the first free slot; the
    // operator brings it forward.
    await stateOf(campaignId, 'cnp-a', 'CONSULTATION_SCHEDULED');
    const planned = await harness.dossierSnapshot(campaignId, 'cnp-a');
    expect(planned.consultation).toMatchObject({ place: 'Salle de test', revision: 1 });
    const startsAt = inSeconds(3);
    await harness.dossier(
      campaignId,
      'cnp-a',
      {
        type: 'ScheduleConsultation',
        consultationId: planned.consultation?.consultationId ?? '',
        startsAt,
        endsAt: inSeconds(3600),
        place: 'Salle de test',
        actor: operator,
      },
      operator,
    );
    await until(startsAt);
    await harness.dossier(
      campaignId,
      'cnp-a',
      {
        type: 'RecordConsultationOutcome',
        summary: 'Besoin de bases annotées.',
        supportFormIds: ['bases-ouvertes'],
        actor: operator,
      },
      operator,
    );
    const followUpDue = inSeconds(2.5);
    await harness.dossier(
      campaignId,
      'cnp-a',
      {
        type: 'PlanFollowUp',
        followUpId: 'suivi-1',
        title: 'Étudier une base ouverte',
        owner: 'instructeur-1',
        dueAt: followUpDue,
        actor: operator,
      },
      operator,
    );
    await until(followUpDue);
    await harness.dossier(
      campaignId,
      'cnp-a',
      { type: 'CompleteFollowUp', followUpId: 'suivi-1', actor: operator },
      operator,
    );
    await harness.dossier(campaignId, 'cnp-a', { type: 'CloseDossier', actor: operator }, operator);
    await harness.campaign(campaignId, { type: 'CloseCampaign', actor: admin });

    // Every lifecycle ends: the campaign's, and each dossier's.
    for (const workflowId of [
      campaignWorkflowId(campaignId),
      ...['cnp-a', 'societe-b', 'college-c', 'cnp-d', 'cnp-e'].map((o) =>
        dossierWorkflowId(campaignId, o),
      ),
    ]) {
      await eventually(`${workflowId} to complete`, async () =>
        (await harness.client.workflow.getHandle(workflowId).describe()).status.name === 'COMPLETED'
          ? true
          : undefined,
      );
    }

    expect(await harness.eventTypes(dossierStreamId(campaignId, 'cnp-a'))).toEqual([
      'DossierDraftCreated',
      'DossierAnswersSaved',
      'DossierSubmitted',
      'DossierEligibilityAssessed',
      'DossierScreeningStarted',
      'ClarificationRequested',
      'ClarificationAnswered',
      'DossierScreened',
      'DossierCalendarUpdated',
      'ConsultationScheduled',
      'ConsultationScheduled',
      'DossierReminderIssued',
      'DossierConsulted',
      'FollowUpPlanned',
      'DossierReminderIssued',
      'FollowUpCompleted',
      'DossierClosed',
    ]);
    expect(await harness.eventTypes(dossierStreamId(campaignId, 'cnp-e'))).toEqual([
      'DossierDraftCreated',
      'DossierReminderIssued',
      'DossierReminderIssued',
      'DossierExpired',
    ]);
    expect(await harness.eventTypes(dossierStreamId(campaignId, 'college-c'))).toEqual([
      'DossierDraftCreated',
      'DossierReminderIssued',
      'DossierSubmitted',
      'DossierEligibilityAssessed',
      'DossierEligibilityOverridden',
      'DossierScreeningStarted',
      'ClarificationRequested',
      'DossierReminderIssued',
      'ClarificationLapsed',
      'DossierCalendarUpdated',
      'DossierScreened',
    ]);

    const counts = await harness.dataSource.query<{ state: string; count: number }[]>(
      'SELECT state, count FROM campaign_dossier_counts WHERE campaign_id = $1 AND count > 0 ORDER BY state',
      [campaignId],
    );
    expect(counts).toEqual([
      { state: 'CLOSED', count: 1 },
      { state: 'EXPIRED', count: 1 },
      { state: 'INELIGIBLE', count: 1 },
      { state: 'NOT_RETAINED', count: 1 },
      { state: 'WITHDRAWN', count: 1 },
    ]);
    expect(await harness.campaignPhase(campaignId)).toBe('CLOSED');

    const deliveries = await harness.deliveries(campaignId, { except: 'invitation' });
    expect(deliveries.map((d) => [d.rule_id, d.recipient])).toEqual([
      ['reunion', 'cnp-a'],
      ['depot-a', 'cnp-e'],
      ['depot-a', 'college-c'],
      ['depot-b', 'cnp-e'],
      ['precisions', 'college-c'],
      ['consultation', 'cnp-a'],
      ['suivi', 'instructeur-1'],
    ]);
    // Never early; and on time, give or take the worker's reaction.
    for (const delivery of deliveries) {
      expect(delivery.delivered_at.getTime()).toBeGreaterThanOrEqual(delivery.due_at.getTime());
      expect(delivery.delivered_at.getTime() - delivery.due_at.getTime()).toBeLessThan(10 * SECOND);
    }
    expect(deliveries.find((d) => d.rule_id === 'reunion')?.due_at).toEqual(
      new Date(Date.parse(calendar.meetingStartsAt as string) - SECOND),
    );

    // The invitation went to the directory's eligible organisations, and to them only.
    const invited = (await harness.deliveries(campaignId))
      .filter((d) => d.rule_id === 'invitation')
      .map((d) => d.recipient);
    expect(invited).toEqual(
      expect.arrayContaining(['cnp-radiologie', 'fsm', 'college-physiciens-medicaux']),
    );
    expect(invited).not.toContain('societe-imagerie-ia');
    expect(invited).not.toContain('college-radiologues-liberaux');

    // And the reminders went out as mails, through SMTP, to the mail catcher.
    // The organisation heard of each step of its dossier, the consultation with its invitation.
    const toA = await harness.mailsTo('cnp-a@test.example');
    expect(toA.map((mail) => mail.subject)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Dossier déposé/),
        expect.stringMatching(/^Recevabilité de votre dossier/),
        expect.stringMatching(/^Demande de précisions/),
        expect.stringMatching(/^Résultat de l'examen/),
        expect.stringMatching(/^Invitation à une consultation/),
        expect.stringMatching(/^Consultation déplacée/),
        expect.stringMatching(/^Rappel : votre consultation/),
      ]),
    );
    const meetingReminder = toA.find((mail) =>
      mail.subject.startsWith("Rappel : réunion d'information"),
    );
    expect(meetingReminder?.attachments).toEqual([
      { filename: 'reunion.ics', contentType: 'text/calendar' },
    ]);
    const invitation = toA.find((mail) => mail.subject.startsWith('Invitation à une consultation'));
    expect(invitation?.attachments).toEqual([
      { filename: 'consultation.ics', contentType: 'text/calendar' },
    ]);

    const mails = await harness.mailsTo('cnp-e@test.example');
    expect(mails.map((mail) => mail.subject)).toEqual([
      expect.stringContaining("n'est pas encore déposée"),
      expect.stringContaining("n'est pas encore déposée"),
      expect.stringMatching(/^Dossier non déposé/),
    ]);

    await recordHistory(harness, campaignWorkflowId(campaignId), 'campaign-full-course');
    for (const [organisationId, branch] of [
      [
        'cnp-a',
        'dossier-incomplete-accepted-clarification-answered-shortlisted-consulted-follow-up',
      ],
      ['societe-b', 'dossier-ineligible'],
      ['college-c', 'dossier-overridden-clarification-unanswered-not-retained'],
      ['cnp-d', 'dossier-withdrawn'],
      ['cnp-e', 'dossier-expired-after-two-reminders'],
    ]) {
      await recordHistory(harness, dossierWorkflowId(campaignId, organisationId), branch);
    }
  }, 120_000);

  it('moves every timer and pending reminder with an extended deadline, and sends none twice', async () => {
    const campaignId = `ami-extended-${run}`;
    const t0 = Date.now() + 3 * SECOND;
    const definition = secondsCampaign(
      t0,
      { meeting: 2, deadline: 8, consultations: 60 },
      reminders(5, 2),
    );
    const terms = await harness.openCampaign(campaignId, definition);
    await harness.openDraft(campaignId, 'cnp-x', 'CNP', terms);
    await harness.openDraft(campaignId, 'cnp-y', 'CNP', terms);
    await eventually('the first deadline reminders', async () => {
      const sent = (await harness.deliveries(campaignId)).filter((d) => d.rule_id === 'depot-a');
      return sent.length === 2 ? sent : undefined;
    });

    const oldDeadline = Date.parse(definition.calendar.submissionDeadline);
    const newDeadline = new Date(oldDeadline + 6 * SECOND).toISOString();
    await harness.campaign(campaignId, {
      type: 'ChangeCampaignCalendar',
      changes: { submissionDeadline: newDeadline },
      reason: 'Report de la date limite.',
      actor: admin,
    });

    // Past the old deadline: nothing has closed.
    await until(oldDeadline + SECOND);
    expect(await harness.campaignPhase(campaignId)).toBe('OPEN');
    expect(await harness.dossierState(campaignId, 'cnp-x')).toBe('DRAFT');
    expect(await harness.dossierState(campaignId, 'cnp-y')).toBe('DRAFT');
    await harness.dossier(campaignId, 'cnp-y', { type: 'SubmitDossier' });

    await stateOf(campaignId, 'cnp-x', 'EXPIRED');
    expect(await harness.eventTypes(dossierStreamId(campaignId, 'cnp-x'))).toEqual([
      'DossierDraftCreated',
      'DossierReminderIssued',
      'DossierCalendarUpdated',
      'DossierReminderIssued',
      'DossierExpired',
    ]);
    const expiredAt = await harness.dataSource.query<{ at: string }[]>(
      `SELECT data->>'expiredAt' AS at FROM events WHERE stream_id = $1 AND type = 'DossierExpired'`,
      [dossierStreamId(campaignId, 'cnp-x')],
    );
    expect(Date.parse(expiredAt[0].at)).toBeGreaterThanOrEqual(Date.parse(newDeadline));

    const deliveries = await harness.deliveries(campaignId, { except: 'invitation' });
    expect(deliveries.map((d) => [d.rule_id, d.recipient])).toEqual([
      ['depot-a', 'cnp-x'],
      ['depot-a', 'cnp-y'],
      ['depot-b', 'cnp-x'],
    ]);
    expect(deliveries.find((d) => d.rule_id === 'depot-b')?.due_at).toEqual(
      new Date(Date.parse(newDeadline) - 2 * SECOND),
    );
    await recordHistory(harness, campaignWorkflowId(campaignId), 'campaign-deadline-extended');
    await recordHistory(
      harness,
      dossierWorkflowId(campaignId, 'cnp-x'),
      'dossier-deadline-extended-expired',
    );
    await recordHistory(
      harness,
      dossierWorkflowId(campaignId, 'cnp-y'),
      'dossier-submitted-after-extension',
    );
  }, 120_000);

  it('loses no step and repeats none when the worker is killed in the middle of lifecycles', async () => {
    const campaignId = `ami-crash-${run}`;
    const t0 = Date.now() + 3 * SECOND;
    // The first reminder falls due while the worker is down; its task waits on the dead
    // worker's sticky queue until Temporal gives up on it (10 s) and hands it to the new worker,
    // which then replays each dossier and issues both reminders. The second must be decided
    // before the deadline, or it lapses. With the second reminder 6 s before the deadline, the
    // new worker decided it 1 to 2 s before, at load 10 to 16, and at times after (one reminder
    // seen instead of two); 12 s before leaves the hand-over and the replays room.
    const definition = secondsCampaign(
      t0,
      { meeting: 2, deadline: 34, consultations: 68 },
      reminders(24, 12),
    );
    const terms = await harness.openCampaign(campaignId, definition);
    const organisations = ['cnp-p', 'cnp-q', 'cnp-r'];
    for (const organisationId of organisations)
      await harness.openDraft(campaignId, organisationId, 'CNP', terms);
    await harness.dossier(campaignId, 'cnp-r', { type: 'SubmitDossier' });

    // Down before the first reminders fall due, back after them.
    await worker.kill();
    await until(Date.parse(definition.calendar.submissionDeadline) - 22 * SECOND);
    worker = await startWorker();

    for (const organisationId of ['cnp-p', 'cnp-q']) {
      await stateOf(campaignId, organisationId, 'EXPIRED');
      expect(await harness.eventTypes(dossierStreamId(campaignId, organisationId))).toEqual([
        'DossierDraftCreated',
        'DossierReminderIssued',
        'DossierReminderIssued',
        'DossierExpired',
      ]);
    }
    await stateOf(campaignId, 'cnp-r', 'UNDER_SCREENING');
    expect(await harness.eventTypes(dossierStreamId(campaignId, 'cnp-r'))).toEqual([
      'DossierDraftCreated',
      'DossierSubmitted',
      'DossierEligibilityAssessed',
      'DossierScreeningStarted',
    ]);
    await eventually('screening to start', async () =>
      (await harness.campaignPhase(campaignId)) === 'SCREENING' ? true : undefined,
    );
    const deliveries = await harness.deliveries(campaignId, { except: 'invitation' });
    expect(deliveries.map((d) => [d.rule_id, d.recipient])).toEqual([
      ['depot-a', 'cnp-p'],
      ['depot-a', 'cnp-q'],
      ['depot-b', 'cnp-p'],
      ['depot-b', 'cnp-q'],
    ]);
    const issued = await harness.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM events
        WHERE stream_id LIKE $1 AND type = 'DossierReminderIssued'`,
      [`dossier/${campaignId}/%`],
    );
    expect(issued).toEqual([{ count: 4 }]);
    await recordHistory(
      harness,
      dossierWorkflowId(campaignId, 'cnp-p'),
      'dossier-expired-across-worker-crash',
    );
  }, 120_000);

  it('sends no consultation reminder once the consultation has begun, when the worker was down across its time', async () => {
    const campaignId = `ami-lapsed-${run}`;
    const t0 = Date.now() + 3 * SECOND;
    const definition = secondsCampaign(t0, { meeting: 1, deadline: 4, consultations: 120 }, [
      {
        id: 'consultation',
        kind: 'CONSULTATION_REMINDER',
        anchor: 'CONSULTATION',
        audience: 'CONSULTATION_INVITEES',
        offset: { seconds: -6 },
      },
    ]);
    const terms = await harness.openCampaign(campaignId, definition);
    await harness.openDraft(campaignId, 'cnp-l', 'CNP', terms);
    await harness.dossier(campaignId, 'cnp-l', { type: 'SubmitDossier' });
    await stateOf(campaignId, 'cnp-l', 'UNDER_SCREENING');
    await harness.dossier(
      campaignId,
      'cnp-l',
      { type: 'RecordScreeningResult', result: 'SHORTLISTED', actor: operator },
      operator,
    );
    await startConsultationsSoon(campaignId);
    await stateOf(campaignId, 'cnp-l', 'CONSULTATION_SCHEDULED');
    const planned = await harness.dossierSnapshot(campaignId, 'cnp-l');
    // The consultation at T, its reminder at T-6 s; the worker down from T-10 s to T+3 s.
    const startsAt = Date.now() + 20 * SECOND;
    await harness.dossier(
      campaignId,
      'cnp-l',
      {
        type: 'ScheduleConsultation',
        consultationId: planned.consultation?.consultationId ?? '',
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 3600 * SECOND).toISOString(),
        place: 'Salle de test',
        actor: operator,
      },
      operator,
    );
    await until(startsAt - 10 * SECOND);
    await worker.kill();
    await until(startsAt + 3 * SECOND);
    worker = await startWorker();

    // The restarted worker handled the reminder's time: it issued the reminder, or refused it
    // (the rule's patch marker is recorded only for a reminder that has lapsed).
    const workflowId = dossierWorkflowId(campaignId, 'cnp-l');
    await eventually('the reminder to be issued or refused', async () => {
      const history = await harness.client.workflow.getHandle(workflowId).fetchHistory();
      const markers = (history.events ?? []).flatMap((event) =>
        Object.values(event.markerRecordedEventAttributes?.details ?? {}).flatMap((details) =>
          (details.payloads ?? []).map((payload) => Buffer.from(payload.data ?? []).toString()),
        ),
      );
      const refused = markers.some((data) => data.includes('lapsed-reminders-refused'));
      const issued = (await harness.eventTypes(dossierStreamId(campaignId, 'cnp-l'))).includes(
        'DossierReminderIssued',
      );
      return refused || issued ? true : undefined;
    });
    expect(await harness.eventTypes(dossierStreamId(campaignId, 'cnp-l'))).not.toContain(
      'DossierReminderIssued',
    );
    expect(await harness.deliveries(campaignId, { except: 'invitation' })).toEqual([]);
    const mails = await harness.mailsTo(addressOf('cnp-l'));
    expect(mails.map((mail) => mail.subject)).not.toContainEqual(
      expect.stringMatching(/^Rappel : votre consultation/),
    );
    await recordHistory(harness, workflowId, 'dossier-consultation-reminder-lapsed');
  }, 120_000);

  it('drops a deadline reminder the organisation answered by submitting while the mail server stalled, and sends each mail once', async () => {
    // The worker's mails go through a server that accepts connections and stops answering.
    await worker.stop();
    const mail = await startWorkerWithStallableMail();
    try {
      const campaignId = `ami-stalled-${run}`;
      const t0 = Date.now() + 3 * SECOND;
      const definition = secondsCampaign(t0, { meeting: 1, deadline: 30, consultations: 60 }, [
        {
          id: 'depot',
          kind: 'DEADLINE_REMINDER',
          anchor: 'SUBMISSION_DEADLINE',
          audience: 'UNSUBMITTED_DOSSIERS',
          offset: { seconds: -12 },
        },
      ]);
      const terms = await harness.openCampaign(campaignId, definition);
      await harness.openDraft(campaignId, 'cnp-m', 'CNP', terms);
      const deadline = Date.parse(definition.calendar.submissionDeadline);

      // Stalled from D-15 s to D-2 s; the reminder due at D-12 s; submitted at D-8 s.
      await until(deadline - 15 * SECOND);
      mail.smtp.stall();
      await until(deadline - 8 * SECOND);
      const submitted = await harness.dossier(campaignId, 'cnp-m', { type: 'SubmitDossier' });
      expect(submitted.state).toMatchObject({ status: 'SUBMITTED' });
      await until(deadline - 2 * SECOND);
      mail.smtp.resume();

      const address = addressOf('cnp-m');
      await eventually('the submission to be acknowledged', async () =>
        (await harness.mailsTo(address)).some((m) => m.subject.startsWith('Dossier déposé'))
          ? true
          : undefined,
      );
      const deliveries = await harness.deliveries(campaignId, { except: 'invitation' });
      expect(deliveries.map((d) => [d.rule_id, d.recipient, d.status])).toEqual([
        ['depot', 'cnp-m', 'DROPPED'],
      ]);
      const subjects = (await harness.mailsTo(address)).map((m) => m.subject);
      expect(subjects.filter((s) => s.includes("n'est pas encore déposée"))).toEqual([]);
      expect(subjects.filter((s) => s.startsWith('Dossier déposé'))).toHaveLength(1);
    } finally {
      await mail.stop();
      worker = await startWorker();
    }
  }, 120_000);

  it('cancels every open dossier with its campaign and ends every lifecycle', async () => {
    const campaignId = `ami-cancelled-${run}`;
    const t0 = Date.now() + 3 * SECOND;
    const definition = secondsCampaign(
      t0,
      { meeting: 20, deadline: 40, consultations: 60 },
      reminders(30, 20),
    );
    const terms = await harness.openCampaign(campaignId, definition);
    await harness.openDraft(campaignId, 'cnp-s', 'CNP', terms);
    await harness.openDraft(campaignId, 'cnp-t', 'CNP', terms);
    await harness.dossier(campaignId, 'cnp-t', { type: 'SubmitDossier' });
    await stateOf(campaignId, 'cnp-t', 'ELIGIBLE');

    // S registered for the meeting hears that it moved, then that it is called off.
    await harness.campaign(campaignId, {
      type: 'RegisterForMeeting',
      organisationId: 'cnp-s',
      organisationName: 'CNP S',
    });
    const movedStart = Date.parse(definition.calendar.meetingStartsAt as string) + 5 * SECOND;
    await harness.moveMeeting(campaignId, movedStart);
    const mailAbout = (subject: string) =>
      eventually(`cnp-s to receive « ${subject} »`, async () =>
        (await harness.mailsTo('cnp-s@test.example')).find((mail) =>
          mail.subject.startsWith(subject),
        ),
      );
    expect((await mailAbout("Réunion d'information déplacée")).attachments).toEqual([
      { filename: 'reunion.ics', contentType: 'text/calendar' },
    ]);

    await harness.campaign(campaignId, {
      type: 'CancelCampaign',
      reason: 'Crédits annulés.',
      actor: admin,
    });

    await stateOf(campaignId, 'cnp-s', 'CANCELLED');
    await stateOf(campaignId, 'cnp-t', 'CANCELLED');
    for (const workflowId of [
      campaignWorkflowId(campaignId),
      dossierWorkflowId(campaignId, 'cnp-s'),
      dossierWorkflowId(campaignId, 'cnp-t'),
    ]) {
      await eventually(`${workflowId} to complete`, async () =>
        (await harness.client.workflow.getHandle(workflowId).describe()).status.name === 'COMPLETED'
          ? true
          : undefined,
      );
    }
    expect(await harness.campaignPhase(campaignId)).toBe('CANCELLED');
    expect((await mailAbout("Réunion d'information annulée")).attachments).toEqual([
      { filename: 'annulation-reunion.ics', contentType: 'text/calendar' },
    ]);
    await recordHistory(harness, campaignWorkflowId(campaignId), 'campaign-cancelled');
    await recordHistory(
      harness,
      dossierWorkflowId(campaignId, 'cnp-t'),
      'dossier-cancelled-with-campaign',
    );
  }, 60_000);

  it('plans the shortlisted dossiers in free slots, around what they declared unavailable', async () => {
    const campaignId = `ami-planned-${run}`;
    const t0 = Date.now() + 3 * SECOND;
    const definition = secondsCampaign(t0, { meeting: 1, deadline: 5, consultations: 120 }, []);
    const terms = await harness.openCampaign(campaignId, definition);
    const organisations = ['cnp-k1', 'cnp-k2', 'cnp-k3'];
    for (const organisationId of organisations) {
      await harness.openDraft(campaignId, organisationId, 'CNP', terms);
      await harness.dossier(campaignId, organisationId, { type: 'SubmitDossier' });
    }
    for (const organisationId of organisations) {
      await stateOf(campaignId, organisationId, 'UNDER_SCREENING');
      await harness.dossier(
        campaignId,
        organisationId,
        { type: 'RecordScreeningResult', result: 'SHORTLISTED', actor: operator },
        operator,
      );
    }
    const consultationsStart = await startConsultationsSoon(campaignId);
    // cnp-k2 cannot attend during the first ten minutes of the consultations.
    const unavailable = {
      startsAt: new Date(consultationsStart).toISOString(),
      endsAt: new Date(consultationsStart + 10 * 60 * SECOND).toISOString(),
    };
    await harness.dossier(campaignId, 'cnp-k2', {
      type: 'DeclareUnavailability',
      periods: [unavailable],
    });

    for (const organisationId of organisations) {
      await stateOf(campaignId, organisationId, 'CONSULTATION_SCHEDULED');
    }
    const consultations = await Promise.all(
      organisations.map(async (organisationId) => {
        const { consultation } = await harness.dossierSnapshot(campaignId, organisationId);
        if (!consultation) throw new Error(`no consultation for ${organisationId}`);
        return { organisationId, ...consultation };
      }),
    );
    // One room: three distinct, successive five-minute slots, none before the consultations open.
    const starts = consultations.map((c) => Date.parse(c.startsAt));
    expect(new Set(starts).size).toBe(3);
    for (const start of starts) expect(start).toBeGreaterThanOrEqual(consultationsStart);
    const [k1, k2, k3] = consultations;
    expect(Date.parse(k3.startsAt) - Date.parse(k1.startsAt)).toBe(5 * 60 * SECOND);
    expect(Date.parse(k2.startsAt)).toBeGreaterThanOrEqual(Date.parse(unavailable.endsAt));
  }, 60_000);

  it('carries a grid changed while the campaign is open to its dossiers, and refuses one once the screening started', async () => {
    const campaignId = `ami-grid-${run}`;
    const organisationId = 'cnp-grid';
    const t0 = Date.now() + 2 * SECOND;
    const definition = secondsCampaign(t0, { meeting: 5, deadline: 15, consultations: 600 }, []);
    const terms = await harness.openCampaign(campaignId, definition);
    await harness.openDraft(campaignId, organisationId, 'CNP', terms);
    await harness.dossier(campaignId, organisationId, { type: 'SubmitDossier' });
    await stateOf(campaignId, organisationId, 'ELIGIBLE');

    // Open, the dossier created with the reference grid: every criterion now weighs the same.
    const grid = definition.evaluationGrid as EvaluationGrid;
    const even = (weight: number): EvaluationGrid => ({
      ...grid,
      criteria: grid.criteria.map((criterion) => ({ ...criterion, weight })),
    });
    const changeGrid = (evaluationGrid: EvaluationGrid) =>
      harness.campaign(campaignId, { type: 'ChangeEvaluationGrid', evaluationGrid, actor: admin });
    await changeGrid(even(1));
    await eventOf(campaignId, organisationId, 'DossierEvaluationGridUpdated');
    expect(
      (await harness.dossierSnapshot(campaignId, organisationId)).terms.evaluationGrid,
    ).toEqual(even(1));

    // Screened on the new grid: pertinence 5, the others 1 → 1/4 × 20 = 5 (7.5 on the reference).
    await stateOf(campaignId, organisationId, 'UNDER_SCREENING');
    await eventually('the screening to start', async () =>
      (await harness.campaignPhase(campaignId)) === 'SCREENING' ? true : undefined,
    );
    const refused = await changeGrid(even(2)).then(
      () => 'accepted',
      (error: { cause?: { type?: string } }) => error.cause?.type,
    );
    expect(refused).toBe('TRANSITION_NOT_ALLOWED');
    expect(await scoredPertinenceFive(campaignId, organisationId, grid, 'evaluatrice-grid')).toBe(
      5,
    );
    await recordHistory(
      harness,
      campaignWorkflowId(campaignId),
      'campaign-grid-changed-while-open',
    );
    await recordHistory(
      harness,
      dossierWorkflowId(campaignId, organisationId),
      'dossier-grid-changed-while-open',
    );
  }, 60_000);

  it('gives a dossier that took the old grid, the change having passed it by, the grid in force as its screening starts', async () => {
    const campaignId = `ami-grid-race-${run}`;
    const organisationId = 'cnp-grid-race';
    const t0 = Date.now() + 2 * SECOND;
    const definition = secondsCampaign(t0, { meeting: 5, deadline: 15, consultations: 600 }, []);
    const terms = await harness.openCampaign(campaignId, definition);
    const grid = definition.evaluationGrid as EvaluationGrid;
    const even: EvaluationGrid = {
      ...grid,
      criteria: grid.criteria.map((criterion) => ({ ...criterion, weight: 1 })),
    };
    // The race made deterministic: the grid changes and its fan-out finds no dossier, then the
    // dossier is created on the terms read before the change, as one created at that very moment.
    await harness.campaign(campaignId, {
      type: 'ChangeEvaluationGrid',
      evaluationGrid: even,
      actor: admin,
    });
    await harness.openDraft(campaignId, organisationId, 'CNP', terms);
    await harness.dossier(campaignId, organisationId, { type: 'SubmitDossier' });
    await stateOf(campaignId, organisationId, 'ELIGIBLE');
    expect(
      (await harness.dossierSnapshot(campaignId, organisationId)).terms.evaluationGrid,
    ).toEqual(grid);

    // At the deadline the dossier reads the grid in force before its screening starts.
    await stateOf(campaignId, organisationId, 'UNDER_SCREENING');
    const types = await harness.eventTypes(dossierStreamId(campaignId, organisationId));
    expect(types.slice(-2)).toEqual(['DossierEvaluationGridUpdated', 'DossierScreeningStarted']);
    expect(
      (await harness.dossierSnapshot(campaignId, organisationId)).terms.evaluationGrid,
    ).toEqual(even);

    // Scored on the grid in force: pertinence 5, the others 1 → 1/4 × 20 = 5 (7.5 on the old one).
    expect(
      await scoredPertinenceFive(campaignId, organisationId, grid, 'evaluateur-grid-race'),
    ).toBe(5);
    await recordHistory(
      harness,
      dossierWorkflowId(campaignId, organisationId),
      'dossier-grid-confirmed-at-screening',
    );
  }, 60_000);
});
