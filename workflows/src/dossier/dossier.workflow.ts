// Over 300 lines on purpose: one workflow's handlers, clock, mails and versioning markers read
// together; what falls due when and on which dates is the domain's (dossier.schedule.ts,
// dossier.campaign-dates.ts), and the event sourcing is shared/event-sourced.ts.
import {
  calendarChangedSignal,
  CalendarChangedSignal,
  CampaignCalendarActivities,
  campaignCancelledSignal,
  campaignClosedSignal,
  campaignIdAttribute,
  DeadlineMovedNoticeData,
  DossierEventNotice,
  dossierCommandUpdate,
  DossierNotificationActivities,
  DossierSnapshot,
  dossierStateQuery,
  dossierStreamId,
  DossierUpdateRequest,
  DossierWorkflowInput,
  EligibilityActivities,
  evaluationGridChangedSignal,
  EvaluationGridActivities,
  nextDeadlineAttribute,
  NOTIFIED_DOSSIER_EVENT_TYPES,
  organisationTypeAttribute,
  ReminderActivities,
  ReminderDelivery,
  stateAttribute,
  submissionsClosedSignal,
} from '@amiflow/contracts';
import {
  CALENDAR_REFUSALS,
  decidedOnCampaignDates,
  decideDossier,
  Dossier,
  DossierClockCommand,
  DossierCommand,
  DossierEvent,
  dossierLifecycleEnded,
  dossierRemindersDue,
  DossierState,
  dossierWorkDue,
  DueReminder,
  evolveDossier,
  initialDossierState,
  isDossier,
  mayStillAmend,
  nextDeadline,
  nextDossierWakeUp,
  pendingDossierReminders,
  reminderKey,
  sameEvaluationGrid,
} from '@amiflow/domain';
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { eventSourced, Origin, Refresh, SYSTEM } from '../shared/event-sourced';
import { createInOrderSender } from '../shared/in-order-sender';
import { sleepUntilChangeOr } from '../shared/sleep-until-change-or';

const { checkEligibility, deliverReminder, notifyDossierEvent } = proxyActivities<
  EligibilityActivities & ReminderActivities & DossierNotificationActivities
>({
  // One short database write: a worker lost while holding it is noticed within seconds.
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// One read by primary key: local, so it costs no round trip through the server's task queue.
const { currentCampaignCalendar, currentEvaluationGrid } = proxyLocalActivities<
  CampaignCalendarActivities & EvaluationGridActivities
>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds' },
});

/** Patch marker of the mails about dossier events (see docs/versioning.md). */
const DOSSIER_EVENT_MAILS = 'dossier-event-mails';
/**
 * Patch marker of the campaign calendar read from the store before the dossier acts on, or
 * refuses because of, one of its dates (issue 10, fault 1): the copy the dossier holds follows
 * the campaign's signal, which comes late to the last of thousands of dossiers.
 */
const CONFIRM_CAMPAIGN_CALENDAR = 'confirm-campaign-calendar';
/**
 * Patch marker of the campaign's calendar signal taken as a hint: the dossier applies the
 * calendar the store holds when the signal's turn comes, not the one the signal carries. A fan-out
 * attempt retried after a heartbeat timeout, while the next change's fan-out has already begun,
 * delivers an older calendar than the dossier holds (issue 10, fault 1, a leftover).
 */
const CALENDAR_SIGNAL_AS_HINT = 'calendar-signal-as-hint';
/**
 * Patch marker of the mails sent beside the main loop rather than before what falls due: a draft
 * told its deadline moved earlier expired only once the mail saying so was sent, late by as long
 * as the mail server took (issue 10, fault 1, a leftover).
 */
const MAILS_BESIDE_TIMERS = 'mails-beside-timers';
/**
 * Patch marker of the evaluation grid read from the store as the dossier's screening starts (issue
 * 13): a dossier created at the very moment the grid changed took the old grid while the change's
 * fan-out, its read model row not yet written, passed it by. Scores are possible only from the
 * screening on, so the grid confirmed then is the one every score is given on.
 */
const CONFIRM_EVALUATION_GRID = 'confirm-evaluation-grid';
/**
 * Patch marker of the reminders delivered beside the main loop rather than before what falls due:
 * while the mail server could not take a reminder, its delivery's retries held the loop, and the
 * draft it was about expired only once they stopped, late by as long as their backoff.
 */
const REMINDERS_BESIDE_TIMERS = 'reminders-beside-timers';
/** Patch marker of the mail announcing a moved deadline to those it concerns (fault 2). */
const DEADLINE_MOVE_MAILS = 'deadline-move-mails';

/**
 * Patch marker of the rule that refuses every reminder about something already started or due
 * (a consultation reminder issued after the consultation began, when the worker was away). Asked
 * only for such a reminder, so the histories of every other path carry no marker.
 */
const LAPSED_REMINDERS_REFUSED = 'lapsed-reminders-refused';

/**
 * Patch marker of one reminder per appointment: a consultation fixed again under its id after its
 * cancellation gets a reminder of its own (runs before it had none, the first one's being issued).
 */
const CONSULTATION_APPOINTMENTS = 'consultation-appointments';

/**
 * One execution per organisation and campaign (ID `dossier/<campaign>/<organisation>`), from the
 * draft to the end of its follow-up. Commands come as updates (the first by update-with-start);
 * the campaign's news as signals; deadlines, expiry and reminders as timers on the dossier's own
 * dates. Every decision is appended to the event store before it is acknowledged.
 */
export async function dossierLifecycle(input: DossierWorkflowInput): Promise<DossierSnapshot> {
  const streamId = dossierStreamId(input.campaignId, input.organisationId);
  const own = (step: string): Origin => ({ actor: SYSTEM, correlationId: `${streamId}/${step}` });
  let changed = false;
  let campaignClosed = false;
  // Events the organisation is told about by mail, in order.
  const notices: DossierEventNotice[] = [...(input.pendingNotices ?? [])];
  const mailer = createInOrderSender(notices, notifyDossierEvent, () => {
    changed = true;
  });
  // Reminders issued and not yet delivered, in order (only on the REMINDERS_BESIDE_TIMERS path).
  const reminders: ReminderDelivery[] = [...(input.pendingReminders ?? [])];
  const reminderSender = createInOrderSender(reminders, deliverReminder, () => {
    changed = true;
  });
  /** The deadline as of the last decision stored: what a moved deadline moved from. */
  let knownDeadline = deadlineOf(input.carried?.state ?? initialDossierState);
  const dossier = eventSourced<DossierCommand, DossierEvent, DossierState>({
    streamId,
    decide: decideDossier,
    evolve: evolveDossier,
    start: input.carried ?? { state: initialDossierState, version: 0 },
    onChange: (state) => {
      changed = true;
      if (isDossier(state)) publishSearchAttributes(state);
    },
    onEvents: (events, origin) => {
      for (const { eventId, type, data } of events) {
        if (!(NOTIFIED_DOSSIER_EVENT_TYPES as readonly string[]).includes(type)) continue;
        const { campaignId, organisationId } = input;
        const correlationId = origin.correlationId;
        if (type === 'DossierCalendarUpdated') {
          const moved = deadlineMove(data as CalendarChangedSignal);
          // Added after the first histories were recorded: those runs announced no move.
          if (moved && patched(DEADLINE_MOVE_MAILS)) {
            notices.push({ campaignId, organisationId, eventId, type, data: moved, correlationId });
          }
          continue;
        }
        notices.push({ campaignId, organisationId, eventId, type, data, correlationId });
      }
      knownDeadline = deadlineOf(dossier.state);
    },
    refresh: {
      before: (command, state) => campaignCalendarFromStore(command, state),
      mayBeStale: (command, code, state) =>
        CALENDAR_REFUSALS.includes(code) && decidedOnCampaignDates(command, state),
    },
  });

  setHandler(dossierStateQuery, () => dossier.snapshot());
  setHandler(
    dossierCommandUpdate,
    async (request) => {
      await dossier.execute(request.command, request);
      return dossier.snapshot();
    },
    { validator: (request: DossierUpdateRequest) => dossier.validate(request.command) },
  );
  setHandler(calendarChangedSignal, async (calendar) => {
    // Added after the first histories were recorded: those runs applied the signal's calendar.
    if (patched(CALENDAR_SIGNAL_AS_HINT)) {
      await dossier.attemptBuilt(
        async () => ({
          type: 'ApplyCampaignCalendar',
          ...(await currentCampaignCalendar({ campaignId: input.campaignId })),
        }),
        own('calendar'),
      );
      return;
    }
    await dossier.attempt({ type: 'ApplyCampaignCalendar', ...calendar }, own('calendar'));
  });
  // Runs recorded before this handler existed never received its signal: it needs no patch.
  setHandler(evaluationGridChangedSignal, async () => {
    // The grid in force when the signal's turn comes, read from the store: a signal delivered
    // late, after a later change, cannot bring an older grid back.
    await dossier.attemptBuilt(
      async () => ({
        type: 'ApplyEvaluationGrid',
        evaluationGrid: await currentEvaluationGrid({ campaignId: input.campaignId }),
      }),
      own('evaluation-grid'),
    );
  });
  setHandler(submissionsClosedSignal, () => {
    changed = true;
  });
  setHandler(campaignCancelledSignal, async ({ reason }) => {
    await dossier.attempt({ type: 'CancelWithCampaign', reason }, own('campaign-cancelled'));
  });
  setHandler(campaignClosedSignal, () => {
    campaignClosed = true;
    changed = true;
  });

  const isOver = (): boolean => {
    const state = dossier.state;
    if (!isDossier(state) || notices.length > 0 || reminders.length > 0) return false;
    return dossierLifecycleEnded(state, campaignClosed);
  };

  while (!isOver()) {
    changed = false;
    await doWhatIsDue(dossier.state);
    // Something moved while the due work ran, or it is all over: look again before sleeping.
    if (changed || isOver()) continue;
    await sleepUntilChangeOr(nextWake(dossier.state), () => changed || canContinueAsNew());
    if (canContinueAsNew()) {
      // Carry the folded state over: the new run starts where this one stopped. A mail or a
      // reminder being sent is let finish, so that the new run does not send it again.
      await condition(() => allHandlersFinished() && !mailer.busy && !reminderSender.busy);
      await continueAsNew<typeof dossierLifecycle>({
        ...input,
        carried: dossier.snapshot(),
        pendingNotices: notices,
        ...(reminders.length > 0 ? { pendingReminders: reminders } : {}),
      });
    }
  }
  await condition(allHandlersFinished);
  return dossier.snapshot();

  function canContinueAsNew(): boolean {
    return workflowInfo().continueAsNewSuggested;
  }

  async function doWhatIsDue(state: DossierState): Promise<void> {
    mailer.rethrow();
    reminderSender.rethrow();
    // Reminders carried over from the previous run (empty on the runs that await them inline).
    reminderSender.start();
    // Added after the first histories were recorded: those runs never sent these mails.
    if (notices.length > 0 && patched(DOSSIER_EVENT_MAILS)) {
      // Added later still: those runs sent the mails first, whatever fell due meanwhile.
      if (patched(MAILS_BESIDE_TIMERS)) {
        mailer.start();
      } else {
        while (notices.length > 0) {
          await notifyDossierEvent(notices[0]);
          notices.shift();
        }
      }
    } else {
      notices.length = 0;
    }
    if (!isDossier(state)) return;
    // What is due is judged on the state and the instant this pass began with; what the steps
    // change is looked at by the next pass.
    const now = new Date();
    for (const work of dossierWorkDue(state, now)) {
      if (work.kind === 'COMMAND') {
        if (work.command.type === 'StartDossierScreening') await confirmEvaluationGrid();
        await dossier.attempt(work.command, own(CLOCK_STEPS[work.command.type]));
        continue;
      }
      const { decision, reasons } = await checkEligibility({
        campaignId: state.campaignId,
        organisationId: state.organisationId,
        organisationType: state.organisationType,
        profession: state.profession,
      });
      await dossier.attempt({ type: 'RecordEligibility', decision, reasons }, own('eligibility'));
    }
    // The reminders this run owes are listed only now, after the steps above: listing them may
    // record a patch marker, which must come where it always came in the history.
    for (const { reminder, lapsed, recipient } of dossierRemindersDue(
      state,
      now,
      remindersOf(state),
    )) {
      const { ruleId, occurrence } = reminder;
      const legacy = lapsed && !patched(LAPSED_REMINDERS_REFUSED);
      const issued = await dossier.attempt(
        {
          type: 'IssueDossierReminder',
          ruleId,
          occurrence,
          ...(legacy ? { onlyDeadlineRemindersLapse: true as const } : {}),
        },
        own(`reminder/${ruleId}/${occurrence}`),
      );
      if (issued.length === 0) continue;
      const delivery: ReminderDelivery = {
        campaignId: state.campaignId,
        organisationId: state.organisationId,
        ...reminder,
        recipients: [recipient],
        correlationId: `${streamId}/reminder/${ruleId}/${occurrence}`,
      };
      // Added after the first histories were recorded: those runs awaited each delivery here.
      if (patched(REMINDERS_BESIDE_TIMERS)) {
        reminders.push(delivery);
        reminderSender.start();
      } else {
        await deliverReminder(delivery);
      }
    }
  }

  /**
   * The calendar in force, read from the store before a command decided on the campaign's dates,
   * as a command that brings this dossier's copy up to date (no event when it already is).
   */
  async function campaignCalendarFromStore(
    command: DossierCommand,
    state: DossierState,
  ): Promise<Refresh<DossierCommand> | undefined> {
    if (!decidedOnCampaignDates(command, state)) return undefined;
    // Added after the first histories were recorded: those runs trusted their copy.
    if (!patched(CONFIRM_CAMPAIGN_CALENDAR)) return undefined;
    const calendar = await currentCampaignCalendar({ campaignId: input.campaignId });
    return {
      command: { type: 'ApplyCampaignCalendar', ...calendar },
      origin: own('calendar-confirmed'),
    };
  }

  /**
   * The grid in force, read from the store just before the screening starts, applied if this
   * dossier's copy differs (no event when it is the same; refused, and ignored, once scored). A
   * change the campaign accepts later is announced to this dossier, which exists by then.
   */
  async function confirmEvaluationGrid(): Promise<void> {
    // Added after the first histories were recorded: those runs screened on their copy.
    if (!patched(CONFIRM_EVALUATION_GRID)) return;
    await dossier.attemptBuilt(async () => {
      const stored = await currentEvaluationGrid({ campaignId: input.campaignId });
      const state = dossier.state;
      const held = isDossier(state) ? (state.terms.evaluationGrid ?? null) : null;
      // The store's copy orders its keys its own way: the same grid is kept as held, no event.
      return {
        type: 'ApplyEvaluationGrid',
        evaluationGrid: sameEvaluationGrid(stored, held) ? held : stored,
      };
    }, own('evaluation-grid-confirmed'));
  }

  /**
   * A moved deadline, for those it concerns: a draft, or a submitted dossier that may still be
   * amended. The first copy of the calendar, and a change of the consultations' start alone, move
   * nothing.
   */
  function deadlineMove(update: CalendarChangedSignal): DeadlineMovedNoticeData | undefined {
    const state = dossier.state;
    if (!isDossier(state) || !mayStillAmend(state)) return undefined;
    if (!knownDeadline || knownDeadline === update.submissionDeadline) return undefined;
    return { ...update, previousSubmissionDeadline: knownDeadline };
  }

  function publishSearchAttributes(state: Dossier): void {
    const deadline = nextDeadline(state);
    upsertSearchAttributes([
      { key: campaignIdAttribute, value: state.campaignId },
      { key: stateAttribute, value: state.status },
      { key: organisationTypeAttribute, value: state.organisationType },
      { key: nextDeadlineAttribute, value: deadline ? new Date(deadline) : null },
    ]);
  }
}

function deadlineOf(state: DossierState): string | undefined {
  return isDossier(state) ? state.terms.submissionDeadline : undefined;
}

/** The next instant something falls due on the dossier (epoch ms), if any. */
function nextWake(state: DossierState): number | undefined {
  if (!isDossier(state)) return undefined;
  const next = nextDossierWakeUp(state, new Date(), remindersOf(state));
  return next === undefined ? undefined : Date.parse(next);
}

/** The correlation step of each command the dossier's clock issues (see `own`). */
const CLOCK_STEPS: Record<DossierClockCommand['type'], string> = {
  ExpireDraft: 'expiry',
  StartDossierScreening: 'screening',
  LapseClarification: 'clarification',
};

/**
 * The dossier's pending reminders, less, on the runs that began before `CONSULTATION_APPOINTMENTS`,
 * the reminder of a consultation fixed again after its cancellation: those runs keyed it by
 * consultation id and revision, found that key issued (by the first appointment) and sent none.
 */
function remindersOf(state: Dossier): DueReminder[] {
  return pendingDossierReminders(state).filter(
    (reminder) => !remindedUnderRevisionKey(state, reminder) || patched(CONSULTATION_APPOINTMENTS),
  );
}

function remindedUnderRevisionKey(state: Dossier, reminder: DueReminder): boolean {
  const consultation = state.consultation;
  if (reminder.kind !== 'CONSULTATION_REMINDER' || !consultation) return false;
  const revisionKey = `${consultation.consultationId}#${consultation.revision}`;
  return (
    reminder.occurrence !== revisionKey &&
    state.issuedReminders.includes(
      reminderKey({ ruleId: reminder.ruleId, occurrence: revisionKey }),
    )
  );
}
