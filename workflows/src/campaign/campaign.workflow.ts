import {
  CampaignAnnouncement,
  campaignCommandUpdate,
  campaignIdAttribute,
  CampaignSnapshot,
  campaignStateQuery,
  campaignStreamId,
  CampaignUpdateRequest,
  CampaignWorkflowInput,
  ConsultationActivities,
  FanOutActivities,
  MeetingChangeActivities,
  MeetingChangeNotice,
  nextDeadlineAttribute,
  ReminderActivities,
  ReminderDelivery,
  stateAttribute,
} from '@amiflow/contracts';
import {
  Campaign,
  campaignAnnouncementOf,
  CampaignClockCommand,
  CampaignCommand,
  CampaignEvent,
  CampaignState,
  campaignWorkDue,
  confirmedRegistrations,
  decideCampaign,
  evolveCampaign,
  initialCampaignState,
  isCampaign,
  isFinished,
  meetingChangeOf,
  nextCampaignWakeUp,
  nextPhaseInstant,
} from '@amiflow/domain';
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { eventSourced, Origin, SYSTEM } from '../shared/event-sourced';
import { createInOrderSender } from '../shared/in-order-sender';
import { sleepUntilChangeOr } from '../shared/sleep-until-change-or';

/** Patch marker of the automatic consultation planning (see docs/versioning.md). */
const PLAN_CONSULTATIONS = 'plan-consultations';
/** Patch marker of the mails to the meeting's registrants when it moves or is called off. */
const MEETING_CHANGES = 'meeting-changes';
/** Patch marker of the mail to an organisation moved up from the meeting's waiting list. */
const MEETING_PROMOTIONS = 'meeting-promotions';
/**
 * Patch marker of the campaign's reminders delivered beside the main loop rather than before what
 * falls due: while the mail server could not take the operators' digest, which never lapses, its
 * delivery's retries held the loop, and the submissions closed only once the server answered.
 */
const CAMPAIGN_REMINDERS_BESIDE_TIMERS = 'campaign-reminders-beside-timers';
/**
 * Patch marker of the meeting's changes told to its registrants beside the main loop: while the
 * mail server could not take the notice of a moved meeting, its delivery's retries held the loop,
 * and the submissions closed only once the server answered.
 */
const MEETING_CHANGES_BESIDE_TIMERS = 'meeting-changes-beside-timers';
/**
 * Patch marker of a changed evaluation grid announced to the dossiers (issue 13: changeable until
 * the screening). Runs before it changed the grid only before the campaign opened, with no
 * dossier to tell, and announced nothing.
 */
const EVALUATION_GRID_CHANGES = 'evaluation-grid-changes';

const { planConsultations } = proxyActivities<ConsultationActivities>({
  // One command per shortlisted dossier; heartbeats after each.
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// One mail per recipient, each recorded in the ledger as it goes, a heartbeat after each: a room
// or a whole directory takes what it takes, while a lost worker is noticed within seconds. An
// attempt that stops heartbeating is cancelled at its next heartbeat, before its retry gets far.
const MAIL_BATCH_TIMEOUTS = {
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '10 seconds',
} as const;

const { deliverReminder } = proxyActivities<ReminderActivities>({
  ...MAIL_BATCH_TIMEOUTS,
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const { notifyMeetingChange } = proxyActivities<MeetingChangeActivities>({
  ...MAIL_BATCH_TIMEOUTS,
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

// Reaching 10,000 dossiers takes a while: the activity heartbeats after each batch of signals (a
// fraction of a second apart) and resumes after the last one reported when retried. A worker
// lost meanwhile is noticed at the heartbeat timeout, so it stays short.
const { announceToDossiers } = proxyActivities<FanOutActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * One execution per campaign (ID `campaign/<id>`): phases change at the campaign's instants,
 * campaign-wide reminders go out at theirs, and what concerns the dossiers (a moved calendar, the
 * close of submissions, a cancellation, the end) is announced to each of them by signal.
 */
export async function campaignLifecycle(input: CampaignWorkflowInput): Promise<CampaignSnapshot> {
  const streamId = campaignStreamId(input.campaignId);
  const own = (step: string): Origin => ({ actor: SYSTEM, correlationId: `${streamId}/${step}` });
  const announcements: CampaignAnnouncement[] = [...(input.pendingAnnouncements ?? [])];
  let planningDue = input.planningDue ?? false;
  const meetingChanges: MeetingChangeNotice[] = [...(input.pendingMeetingChanges ?? [])];
  let changed = false;
  // Reminders issued and not yet delivered, in order (only on the new path of the patch above).
  const reminders: ReminderDelivery[] = [...(input.pendingReminders ?? [])];
  const reminderSender = createInOrderSender(reminders, deliverReminder, () => {
    changed = true;
  });
  // Meeting changes sent beside the loop (only on the new path of its patch; the old one awaits them).
  const meetingChangeSender = createInOrderSender(meetingChanges, notifyMeetingChange, () => {
    changed = true;
  });
  const campaign = eventSourced<CampaignCommand, CampaignEvent, CampaignState>({
    streamId,
    decide: decideCampaign,
    evolve: evolveCampaign,
    start: input.carried ?? { state: initialCampaignState, version: 0 },
    onChange: (state) => {
      changed = true;
      if (isCampaign(state)) publishSearchAttributes(state);
    },
    onEvents: (events, origin) => {
      for (const { type, data } of events)
        queueMeetingChange({ type, data } as CampaignEvent, origin);
    },
  });

  setHandler(campaignStateQuery, () => campaign.snapshot());
  setHandler(
    campaignCommandUpdate,
    async (request) => {
      announce(await campaign.execute(request.command, request));
      return campaign.snapshot();
    },
    { validator: (request: CampaignUpdateRequest) => campaign.validate(request.command) },
  );

  const isOver = () => {
    const state = campaign.state;
    return (
      isCampaign(state) &&
      isFinished(state.phase) &&
      announcements.length === 0 &&
      meetingChanges.length === 0 &&
      reminders.length === 0
    );
  };

  while (!isOver()) {
    changed = false;
    await doWhatIsDue();
    // Something moved, or it is all over: look again before sleeping.
    const meetingChangesWaiting = meetingChanges.length > 0 && !meetingChangeSender.busy;
    if (changed || announcements.length > 0 || meetingChangesWaiting || isOver()) continue;
    await sleepUntilChangeOr(nextWake(campaign.state), () => changed || canContinueAsNew());
    if (canContinueAsNew()) {
      // A mail being sent is let finish, so that the new run does not send it again.
      await condition(
        () => allHandlersFinished() && !reminderSender.busy && !meetingChangeSender.busy,
      );
      await continueAsNew<typeof campaignLifecycle>({
        campaignId: input.campaignId,
        carried: campaign.snapshot(),
        pendingAnnouncements: announcements,
        planningDue,
        pendingMeetingChanges: meetingChanges,
        ...(reminders.length > 0 ? { pendingReminders: reminders } : {}),
      });
    }
  }
  await condition(allHandlersFinished);
  return campaign.snapshot();

  async function doWhatIsDue(): Promise<void> {
    reminderSender.rethrow();
    meetingChangeSender.rethrow();
    // Reminders carried over from the previous run (empty on the runs that await them inline).
    reminderSender.start();
    while (announcements.length > 0) {
      await announceToDossiers({ campaignId: input.campaignId, announcement: announcements[0] });
      announcements.shift();
    }
    if (meetingChanges.length > 0) {
      // Added after the first histories were recorded: those runs told the registrants nothing.
      if (!patched(MEETING_CHANGES)) {
        meetingChanges.length = 0;
      } else if (patched(MEETING_CHANGES_BESIDE_TIMERS)) {
        meetingChangeSender.start();
      } else {
        // Runs recorded before the sender awaited each notice here.
        while (meetingChanges.length > 0) {
          await notifyMeetingChange(meetingChanges[0]);
          meetingChanges.shift();
        }
      }
    }
    // Added after the first histories were recorded: those runs never planned consultations.
    if (planningDue && patched(PLAN_CONSULTATIONS)) {
      await planConsultations({
        campaignId: input.campaignId,
        correlationId: `${streamId}/plan-consultations`,
      });
    }
    planningDue = false;
    const state = campaign.state;
    if (!isCampaign(state)) return;
    // What is due is judged on the state and the instant this pass began with; what the steps
    // change is looked at by the next pass.
    const due = campaignWorkDue(state, new Date());
    for (const command of due.phaseChanges) {
      const events = await run(command, CLOCK_STEPS[command.type]);
      if (command.type === 'StartConsultations') planningDue = events.length > 0;
    }
    for (const { reminder, recipients } of due.reminders) {
      const { ruleId, occurrence } = reminder;
      const issued = await run(
        { type: 'IssueCampaignReminder', ruleId, occurrence },
        `reminder/${ruleId}/${occurrence}`,
      );
      if (issued.length === 0) continue;
      const delivery: ReminderDelivery = {
        campaignId: state.campaignId,
        ...reminder,
        recipients,
        correlationId: `${streamId}/reminder/${ruleId}/${occurrence}`,
      };
      // Added after the first histories were recorded: those runs awaited each delivery here.
      if (patched(CAMPAIGN_REMINDERS_BESIDE_TIMERS)) {
        reminders.push(delivery);
        reminderSender.start();
      } else {
        await deliverReminder(delivery);
      }
    }
  }

  async function run(command: CampaignCommand, step: string): Promise<CampaignEvent[]> {
    const events = await campaign.attempt(command, own(step));
    announce(events);
    return events;
  }

  /** Queues what the dossiers must hear; the main loop tells them, in order. */
  function announce(events: readonly CampaignEvent[]): void {
    for (const event of events) {
      const announcement = campaignAnnouncementOf(event);
      if (!announcement) continue;
      // Added after the first histories were recorded: those runs kept a changed grid to themselves.
      if (announcement.kind === 'evaluationGridChanged' && !patched(EVALUATION_GRID_CHANGES)) {
        continue;
      }
      announcements.push(announcement);
    }
    if (announcements.length > 0) changed = true;
  }

  /**
   * A moved or cancelled meeting is news for its registrants, if it has any confirmed (the
   * activity tells the waiting list too); a promotion from the waiting list, for the promoted.
   */
  function queueMeetingChange(event: CampaignEvent, origin: Origin): void {
    const state = campaign.state;
    if (!isCampaign(state) || confirmedRegistrations(state).length === 0) return;
    const change = meetingChangeOf(event, state);
    if (!change) return;
    // Added after the first histories were recorded: those runs told a promotion to no one.
    if (change.kind === 'PROMOTED' && !patched(MEETING_PROMOTIONS)) return;
    meetingChanges.push({
      campaignId: input.campaignId,
      change,
      correlationId: origin.correlationId,
    });
  }

  function canContinueAsNew(): boolean {
    return workflowInfo().continueAsNewSuggested;
  }

  function publishSearchAttributes(state: Campaign): void {
    const next = nextPhaseInstant(state);
    upsertSearchAttributes([
      { key: campaignIdAttribute, value: state.campaignId },
      { key: stateAttribute, value: state.phase },
      { key: nextDeadlineAttribute, value: next ? new Date(next) : null },
    ]);
  }
}

/** The correlation step of each phase change the campaign's clock issues (see `own`). */
const CLOCK_STEPS: Record<CampaignClockCommand['type'], string> = {
  OpenCampaign: 'open',
  CloseSubmissions: 'close-submissions',
  StartScreening: 'screening',
  StartConsultations: 'consultations',
};

/** The next instant something falls due on the campaign (epoch ms), if any. */
function nextWake(state: CampaignState): number | undefined {
  if (!isCampaign(state)) return undefined;
  const next = nextCampaignWakeUp(state, new Date());
  return next === undefined ? undefined : Date.parse(next);
}
