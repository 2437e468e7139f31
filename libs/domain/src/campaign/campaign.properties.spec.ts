/**
 * Over 300 lines because its generators must reach every state of a campaign and each property
 * states its rule in full; the running and printing of sequences is shared (testing/decider-runs.ts).
 *
 * Properties of the campaign decider over random command sequences: every command type, with
 * random content, at non-decreasing instants that often fall exactly on (or one second around) a
 * date that matters — the reference calendar, the calendar in force, a reminder's time. Refused
 * commands (DomainError) are skipped; any other exception fails the property.
 */
import * as fc from 'fast-check';
import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { REMINDER_KINDS, reminderKey, ReminderRule } from '../reminders/reminder-rule';
import { reminderDueAt } from '../reminders/reminder-due-at';
import { Actor } from '../shared/actor';
import { CALENDAR_DATES, CalendarDate, CampaignDefinition } from './campaign-definition';
import { EvaluationGrid } from './evaluation-grid';
import { CampaignCommand } from './campaign.commands';
import { campaignDecider } from './campaign.decider';
import { CampaignEvent, CampaignEventType } from './campaign.events';
import { pendingCampaignReminders } from './campaign.reminders';
import {
  Campaign,
  CAMPAIGN_PHASES,
  CampaignPhase,
  CampaignState,
  isCampaign,
  isFinished,
} from './campaign.state';
import {
  DAY,
  HOUR,
  MINUTE,
  REFERENCE_SPAN_END,
  REFERENCE_SPAN_START,
  SECOND,
  startArbitrary,
  When,
  whenArbitrary,
} from '../testing/command-timing';
import { FOLD_RUNS, HarnessDecision, NUM_RUNS, propertyHarness } from '../testing/decider-runs';
import { InstantShift, resolveInstantShift, shiftArbitrary } from '../testing/instant-shift';
import { reminderRulesArbitrary } from '../testing/reminder-rules-arbitrary';
import { expectedDueAt, onLocalDay } from '../testing/reminder-oracle';

const { campaignId: CAMPAIGN_ID, definition: reference } = referenceCampaign;

/** Instants where a rule switches for the reference campaign, written out independently. */
const LANDMARKS = [
  '2019-10-08T22:00:00.000Z', // opens 9 Oct 00:00 Paris (summer time); invitation
  '2019-10-27T01:00:00.000Z', // summer time ends: 03:00 becomes 02:00
  '2019-10-27T08:00:00.000Z', // meeting J-2 at 09:00 Paris, now winter time
  '2019-10-29T12:45:00.000Z', // meeting starts, registrations close
  '2019-10-29T15:00:00.000Z', // meeting ends
  '2019-11-14T23:00:00.000Z', // submission deadline, 15 Nov 00:00 Paris
  '2019-11-30T23:00:00.000Z', // consultations start, 1 Dec 00:00 Paris
  '2019-11-15T07:30:00.000Z', // a daily digest at 08:30 Paris
].map(Date.parse);

const admin: Actor = { id: 'admin-1', role: 'admin' };
const referenceGrid = referenceCampaign.definition.evaluationGrid as EvaluationGrid;
const ORGANISATIONS = ['cnp-1', 'cnp-2', 'cnp-3', 'cnp-4', 'cnp-5', 'fsm'] as const;

/** Phases in the only order they may follow (the one CAMPAIGN_PHASES lists), CANCELLED apart. */
const PHASE_ORDER: readonly CampaignPhase[] = CAMPAIGN_PHASES.filter(
  (phase) => phase !== 'CANCELLED',
);

// ---------------------------------------------------------------------------------------------
// When each command happens

const whenArb = whenArbitrary(LANDMARKS, REFERENCE_SPAN_START, REFERENCE_SPAN_END);

/** The dates that matter for this campaign now: its calendar and its reminders' times. */
function anchorsOf(state: CampaignState, now: number): number[] {
  if (!isCampaign(state)) return LANDMARKS;
  return [
    ...CALENDAR_DATES.flatMap((date) => state.calendar[date] ?? []),
    ...pendingCampaignReminders(state, new Date(now)).map((reminder) => reminder.dueAt),
  ].map(Date.parse);
}

/** Time never goes back: a target before the previous instant means "at the previous instant". */
// ---------------------------------------------------------------------------------------------
// Campaign definitions: the reference one, and variants (a campaign is data)

interface DefinitionSpec {
  /** Seats at the information meeting, or no meeting at all. */
  readonly capacity: number | 'no meeting';
  /** The reference campaign-wide reminders, or others. */
  readonly reminders: 'reference' | readonly ReminderRule[];
  /** A calendar out of order, which creation must refuse. */
  readonly broken: boolean;
}

const campaignRulesArb = reminderRulesArbitrary({
  kinds: ['CAMPAIGN_INVITATION', 'MEETING_REMINDER', 'OPERATOR_DIGEST'],
  days: { min: -3, max: 1 },
  hours: [0, -1, 2],
  times: ['00:00', '02:30', '08:30', '13:45', '23:59'],
  maxLength: 4,
});

const definitionSpecArb: fc.Arbitrary<DefinitionSpec> = fc.record({
  capacity: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }) },
    { weight: 1, arbitrary: fc.constant(120) },
    { weight: 1, arbitrary: fc.constant('no meeting' as const) },
  ),
  reminders: fc.oneof(
    { weight: 3, arbitrary: fc.constant('reference' as const) },
    { weight: 2, arbitrary: campaignRulesArb },
  ),
  broken: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, fc.constant(true)),
});

function definitionOf(spec: DefinitionSpec): CampaignDefinition {
  const { meeting, calendar, reminders, ...rest } = reference;
  const dossierRules = reminders.filter((rule) => REMINDER_KINDS[rule.kind].scope === 'dossier');
  const campaignRules = spec.reminders === 'reference' ? reminders : spec.reminders;
  const broken = spec.broken ? { submissionDeadline: calendar.opensAt } : {};
  if (spec.capacity === 'no meeting') {
    // Without the meeting, its dates and its reminder: absent keys, not undefined ones.
    const {
      meetingRegistrationDeadline: _registration,
      meetingStartsAt: _starts,
      meetingEndsAt: _ends,
      ...dates
    } = calendar;
    return {
      ...rest,
      calendar: { ...dates, ...broken },
      reminders: [
        ...campaignRules.filter((rule) => rule.kind !== 'MEETING_REMINDER'),
        ...(spec.reminders === 'reference' ? [] : dossierRules),
      ],
    };
  }
  return {
    ...rest,
    meeting: { ...(meeting as NonNullable<typeof meeting>), capacity: spec.capacity },
    calendar: { ...calendar, ...broken },
    reminders: spec.reminders === 'reference' ? reminders : [...campaignRules, ...dossierRules],
  };
}

// ---------------------------------------------------------------------------------------------
// Commands: every type, with instants relative to the moment they are issued

/** An instant given relative to now or to the date's value in force, or a malformed one. */
type Shift = InstantShift<'now' | 'current'>;

const shiftArb = shiftArbitrary<'now' | 'current'>(['now', 'current']);

type CampaignTemplate =
  | { readonly type: 'Progress'; readonly variant: number }
  | { readonly type: 'CreateCampaign'; readonly definition: DefinitionSpec }
  | Exclude<
      CampaignCommand,
      {
        type:
          | 'CreateCampaign'
          | 'ChangeCampaignCalendar'
          | 'RegisterForMeeting'
          | 'CancelMeetingRegistration';
      }
    >
  | {
      readonly type: 'ChangeCampaignCalendar';
      readonly changes: Partial<Record<CalendarDate, Shift>>;
      readonly reason: string;
    }
  | { readonly type: 'RegisterForMeeting'; readonly organisation: number; readonly name: string }
  | { readonly type: 'CancelMeetingRegistration'; readonly organisation: number }
  /** The registration at this index (confirmed ones come first), whichever it is. */
  | { readonly type: 'CancelMeetingRegistration'; readonly registered: number }
  /** One of the reminders pending now, whichever the index picks. */
  | { readonly type: 'IssueCampaignReminder'; readonly pending: number };

const textArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('Motif', ' Salle indisponible ') },
  { weight: 1, arbitrary: fc.constantFrom('', '   ') },
);

/** Mostly one date at a time, or the meeting as a whole; sometimes any dates together. */
const changesArb: fc.Arbitrary<Partial<Record<CalendarDate, Shift>>> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...CALENDAR_DATES), shiftArb)
      .map(([date, shift]) => ({ [date]: shift })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.integer({ min: -7 * 24 * 60, max: 7 * 24 * 60 }).map((minutes) => minutes * MINUTE),
        fc.boolean(),
      )
      .map(([ms, canonical]) => {
        const shift: Shift = { from: 'current', ms, canonical };
        return { meetingRegistrationDeadline: shift, meetingStartsAt: shift, meetingEndsAt: shift };
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record(
        Object.fromEntries(CALENDAR_DATES.map((date) => [date, shiftArb])) as Record<
          CalendarDate,
          fc.Arbitrary<Shift>
        >,
        { requiredKeys: [] },
      )
      .filter((changes) => Object.keys(changes).length > 0),
  },
);

const campaignTemplateArb = (progressWeight: number): fc.Arbitrary<CampaignTemplate> =>
  fc.oneof(
    {
      weight: progressWeight,
      arbitrary: fc.record({ type: fc.constant('Progress' as const), variant: fc.nat(4) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('CreateCampaign' as const),
        definition: definitionSpecArb,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('PublishCampaign' as const),
        actor: fc.constant(admin),
      }),
    },
    { weight: 3, arbitrary: fc.constant({ type: 'OpenCampaign' as const }) },
    { weight: 3, arbitrary: fc.constant({ type: 'CloseSubmissions' as const }) },
    { weight: 2, arbitrary: fc.constant({ type: 'StartScreening' as const }) },
    { weight: 3, arbitrary: fc.constant({ type: 'StartConsultations' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('CloseCampaign' as const),
        actor: fc.constant(admin),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('CancelCampaign' as const),
        reason: textArb,
        actor: fc.constant(admin),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('ChangeEvaluationGrid' as const),
        // The reference grid, one with a weight that is not allowed, or none.
        evaluationGrid: fc.constantFrom(
          referenceGrid,
          { criteria: referenceGrid.criteria.map((c) => ({ ...c, weight: 2 })) },
          { criteria: [{ ...referenceGrid.criteria[0], weight: 0 }] },
          null,
        ),
        actor: fc.constant(admin),
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        type: fc.constant('ChangeCampaignCalendar' as const),
        changes: changesArb,
        reason: textArb,
      }),
    },
    {
      weight: 8,
      arbitrary: fc.record({
        type: fc.constant('RegisterForMeeting' as const),
        organisation: fc.nat(ORGANISATIONS.length - 1),
        name: textArb,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('CancelMeetingRegistration' as const),
        organisation: fc.nat(ORGANISATIONS.length - 1),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        type: fc.constant('CancelMeetingRegistration' as const),
        registered: fc.nat(5),
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        type: fc.constant('IssueCampaignReminder' as const),
        pending: fc.nat(5),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('IssueCampaignReminder' as const),
        ruleId: fc.constantFrom(
          'invitation-ouverture',
          'reunion-j-2',
          'synthese-quotidienne',
          'regle-0',
          'inconnue',
        ),
        occurrence: fc.constantFrom('opening', 'meeting', '2019-10-29', '2019-11-15'),
      }),
    },
  );

/** A shift from now, or from the date's value in force (`base`) when it has one. */
function resolveShift(shift: Shift, base: string | undefined, now: number): string {
  return resolveInstantShift(shift, (from) =>
    from === 'current' && base !== undefined ? Date.parse(base) : now,
  );
}

function creation(spec: DefinitionSpec): CampaignCommand {
  return {
    type: 'CreateCampaign',
    campaignId: CAMPAIGN_ID,
    definition: definitionOf(spec),
    actor: admin,
  };
}

/**
 * A command that moves the campaign one step along its course from where it is now; `variant`
 * chooses among the usual ones (registrations, a moved deadline…).
 */
function progress(state: CampaignState, now: number, variant: number): CampaignCommand {
  if (!isCampaign(state)) {
    return creation({
      capacity: [2, 1, 3, 120][variant % 4],
      reminders: 'reference',
      broken: false,
    });
  }
  const register = (): CampaignCommand => ({
    type: 'RegisterForMeeting',
    organisationId: ORGANISATIONS[(state.registrations.length + variant) % ORGANISATIONS.length],
    organisationName: 'Conseil national professionnel',
  });
  switch (state.phase) {
    case 'DRAFT':
      return variant === 0
        ? {
            type: 'ChangeCampaignCalendar',
            changes: {
              submissionDeadline: new Date(
                Date.parse(state.calendar.submissionDeadline) + DAY,
              ).toISOString(),
            },
            reason: 'Report du dépôt',
            actor: admin,
          }
        : { type: 'PublishCampaign', actor: admin };
    case 'SCHEDULED':
    case 'OPEN': {
      if (variant === 4) {
        // The deadline moves three days, later or earlier, staying ahead.
        const deadline = Date.parse(state.calendar.submissionDeadline);
        const moved =
          state.registrations.length % 2 === 0 ? deadline + 3 * DAY : deadline - 3 * DAY;
        return {
          type: 'ChangeCampaignCalendar',
          changes: { submissionDeadline: new Date(Math.max(moved, now + HOUR)).toISOString() },
          reason: 'Calendrier révisé',
          actor: admin,
        };
      }
      if (state.phase === 'SCHEDULED') return variant <= 2 ? register() : { type: 'OpenCampaign' };
      const confirmed = state.registrations.find((r) => r.status === 'CONFIRMED');
      if (variant === 0 && confirmed) {
        return { type: 'CancelMeetingRegistration', organisationId: confirmed.organisationId };
      }
      return variant <= 2 ? register() : { type: 'CloseSubmissions' };
    }
    case 'SUBMISSIONS_CLOSED':
      return { type: 'StartScreening' };
    case 'SCREENING':
      return { type: 'StartConsultations' };
    default:
      return { type: 'CloseCampaign', actor: admin };
  }
}

/** The command a template stands for, at this instant, for a campaign in this state. */
function resolveCommand(
  template: CampaignTemplate,
  state: CampaignState,
  now: number,
): CampaignCommand {
  switch (template.type) {
    case 'Progress':
      return progress(state, now, template.variant);
    case 'CreateCampaign':
      return creation(template.definition);
    case 'ChangeCampaignCalendar': {
      const calendar = isCampaign(state) ? state.calendar : reference.calendar;
      const changes: Partial<Record<CalendarDate, string>> = {};
      for (const date of CALENDAR_DATES) {
        const shift = template.changes[date];
        if (shift) changes[date] = resolveShift(shift, calendar[date], now);
      }
      return {
        type: 'ChangeCampaignCalendar',
        changes,
        reason: template.reason,
        actor: admin,
      };
    }
    case 'RegisterForMeeting':
      return {
        type: 'RegisterForMeeting',
        organisationId: ORGANISATIONS[template.organisation],
        organisationName: template.name,
      };
    case 'CancelMeetingRegistration': {
      const registrations = isCampaign(state) ? state.registrations : [];
      const organisationId =
        'organisation' in template
          ? ORGANISATIONS[template.organisation]
          : (registrations[template.registered % Math.max(registrations.length, 1)]
              ?.organisationId ?? ORGANISATIONS[0]);
      return { type: 'CancelMeetingRegistration', organisationId };
    }
    case 'IssueCampaignReminder': {
      if (!('pending' in template)) return template;
      const pending = isCampaign(state) ? pendingCampaignReminders(state, new Date(now)) : [];
      const reminder = pending[template.pending % Math.max(pending.length, 1)];
      return reminder
        ? {
            type: 'IssueCampaignReminder',
            ruleId: reminder.ruleId,
            occurrence: reminder.occurrence,
          }
        : { type: 'IssueCampaignReminder', ruleId: 'invitation-ouverture', occurrence: 'opening' };
    }
    default:
      return template;
  }
}

// ---------------------------------------------------------------------------------------------
// Running a sequence

interface Step {
  readonly when: When;
  readonly what: CampaignTemplate;
}

/**
 * Every sequence begins with a creation, mostly in the week before the opening; then long
 * sequences that push the campaign along its course, long ones that mostly do not, and short ones.
 */
const sequencesArb = (when: fc.Arbitrary<When>): fc.Arbitrary<Step[]> => {
  const stepArb = (progressWeight: number): fc.Arbitrary<Step> =>
    fc.record({ when, what: campaignTemplateArb(progressWeight) });
  return fc
    .tuple(
      fc.record({
        when: startArbitrary(10, when),
        what: fc.record({
          type: fc.constant('CreateCampaign' as const),
          definition: definitionSpecArb,
        }),
      }),
      fc.oneof(
        fc.array(stepArb(30), { maxLength: 60, size: 'max' }),
        fc.array(stepArb(6), { maxLength: 60, size: 'max' }),
        fc.array(stepArb(15), { maxLength: 20 }),
      ),
    )
    .map(([first, rest]) => [first, ...rest]);
};

const stepsArb = sequencesArb(whenArb);

/** A slower pace, mostly minutes to hours: many registrations and cancellations before the meeting. */
const meetingPaceArb: fc.Arbitrary<When> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'same' as const }) },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('later' as const),
      ms: fc.oneof(fc.constantFrom(1, SECOND), fc.integer({ min: 1, max: 12 * HOUR })),
    }),
  },
  { weight: 2, arbitrary: whenArb },
);

const registrationStepsArb = fc.oneof(stepsArb, sequencesArb(meetingPaceArb));

type Decision = HarnessDecision<CampaignCommand, CampaignEvent, CampaignState>;

const harness = propertyHarness(campaignDecider, (command) =>
  // A definition is long: its calendar, meeting and reminders are what matter here.
  command.type === 'CreateCampaign'
    ? {
        ...command,
        definition: {
          calendar: command.definition.calendar,
          meeting: command.definition.meeting,
          reminders:
            command.definition.reminders === reference.reminders
              ? '(reference campaign)'
              : command.definition.reminders.map(({ id, offset, atLocalTime }) => ({
                  id,
                  offset,
                  atLocalTime,
                })),
        },
      }
    : command,
);

const { run, eventsInContext, expectStableFold } = harness;

/** Declared, not destructured, so that the compiler knows it never returns. */
function violated(rule: string, decisions: readonly Decision[]): never {
  return harness.violated(rule, decisions);
}

function runCampaign(steps: readonly Step[]) {
  return run(steps, {
    start: REFERENCE_SPAN_START,
    anchorsOf,
    resolve: resolveCommand,
  });
}

// ---------------------------------------------------------------------------------------------
// An independent reading of the reminder rules (testing/reminder-oracle.ts)

/** Where a campaign reminder comes from now, if it still concerns anyone. */
function anchorInForce(
  campaign: Campaign,
  rule: ReminderRule,
  occurrence: string,
  issuedAt: string,
) {
  const { calendar, phase } = campaign;
  const announced = phase === 'SCHEDULED' || phase === 'OPEN';
  switch (rule.kind) {
    case 'CAMPAIGN_INVITATION':
      return announced && occurrence === 'opening' ? calendar.opensAt : undefined;
    case 'MEETING_REMINDER':
      return announced &&
        occurrence === 'meeting' &&
        calendar.meetingStartsAt !== undefined &&
        Date.parse(issuedAt) < Date.parse(calendar.meetingStartsAt)
        ? calendar.meetingStartsAt
        : undefined;
    case 'OPERATOR_DIGEST':
      return ['OPEN', 'SUBMISSIONS_CLOSED', 'SCREENING', 'CONSULTATIONS'].includes(phase) &&
        /^\d{4}-\d{2}-\d{2}$/.test(occurrence)
        ? occurrence
        : undefined;
    default:
      return undefined;
  }
}

/** What a reminder's time should be, computed without the domain's time functions. */
function expectedCampaignDueAt(rule: ReminderRule, anchor: string, zone: string): string {
  return rule.kind === 'OPERATOR_DIGEST'
    ? new Date(
        onLocalDay(Date.parse(`${anchor}T00:00:00Z`), rule.atLocalTime ?? '08:00', zone),
      ).toISOString()
    : expectedDueAt(rule, anchor, zone);
}

function remindersIssued(decisions: readonly Decision[]) {
  return eventsInContext(decisions).flatMap(({ event, before, upToHere }) =>
    event.type === 'CampaignReminderIssued'
      ? [{ data: event.data, before: before as Campaign, upToHere }]
      : [],
  );
}

// ---------------------------------------------------------------------------------------------

/** Every event type, checked complete by the compiler. */
const EVENT_TYPES: Record<CampaignEventType, true> = {
  CampaignCreated: true,
  CampaignPublished: true,
  CampaignOpened: true,
  CampaignSubmissionsClosed: true,
  CampaignScreeningStarted: true,
  CampaignConsultationsStarted: true,
  CampaignClosed: true,
  CampaignCancelled: true,
  CampaignCalendarChanged: true,
  EvaluationGridChanged: true,
  MeetingRegistrationRecorded: true,
  MeetingRegistrationCancelled: true,
  MeetingRegistrationPromoted: true,
  CampaignReminderIssued: true,
};

const OPENS_AT = Date.parse(reference.calendar.opensAt);
const DEADLINE = Date.parse(reference.calendar.submissionDeadline);
const createAndPublish: Step[] = [
  {
    when: { kind: 'at', ms: REFERENCE_SPAN_START },
    what: {
      type: 'CreateCampaign',
      definition: { capacity: 2, reminders: 'reference', broken: false },
    },
  },
  { when: { kind: 'same' }, what: { type: 'PublishCampaign', actor: admin } },
];
const openAt = (ms: number): Step => ({ when: { kind: 'at', ms }, what: { type: 'OpenCampaign' } });
const closeAt = (ms: number): Step => ({
  when: { kind: 'at', ms },
  what: { type: 'CloseSubmissions' },
});
const moveBy = (date: CalendarDate, ms: number): Step => ({
  when: { kind: 'later', ms: HOUR },
  what: {
    type: 'ChangeCampaignCalendar',
    changes: { [date]: { from: 'current', ms, canonical: true } },
    reason: 'Calendrier révisé',
  },
});

/** Sequences that try to open or close a millisecond early, always tried first. */
const JUST_BEFORE_THE_CALENDAR: Step[][] = [
  [...createAndPublish, openAt(OPENS_AT - 1)],
  [...createAndPublish, openAt(OPENS_AT), closeAt(DEADLINE - 1)],
  // Dates moved later: the old ones no longer count.
  [...createAndPublish, moveBy('opensAt', DAY), openAt(OPENS_AT)],
  [...createAndPublish, openAt(OPENS_AT), moveBy('submissionDeadline', DAY), closeAt(DEADLINE)],
];

describe('campaign decider, over random command sequences', () => {
  it('folds its events deterministically, also after a JSON round trip (as stored in jsonb)', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { events, state } = runCampaign(steps);
        expectStableFold(events, state);
      }),
      { numRuns: FOLD_RUNS },
    );
  });

  it('moves only forward through its phases, never opening or closing submissions before the calendar in force says', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { decisions } = runCampaign(steps);
        for (const { event, before, after, upToHere } of eventsInContext(decisions)) {
          if (!isCampaign(after)) violated(`${event.type} left no campaign`, upToHere);
          if (!isCampaign(before)) {
            if (event.type !== 'CampaignCreated')
              violated(`${event.type} before creation`, upToHere);
            continue;
          }
          if (event.type === 'CampaignCreated') violated('created twice', upToHere);
          if (after.phase !== before.phase) {
            const forward =
              after.phase === 'CANCELLED'
                ? !isFinished(before.phase)
                : PHASE_ORDER.indexOf(after.phase) === PHASE_ORDER.indexOf(before.phase) + 1;
            if (!forward) violated(`phase ${before.phase} -> ${after.phase}`, upToHere);
          }
          const { calendar } = before;
          const tooEarly = (at: string, date: CalendarDate) =>
            Date.parse(at) < Date.parse(calendar[date] as string) &&
            violated(`${event.type} at ${at}, before ${date} in force ${calendar[date]}`, upToHere);
          if (event.type === 'CampaignOpened') tooEarly(event.data.openedAt, 'opensAt');
          if (event.type === 'CampaignSubmissionsClosed') {
            tooEarly(event.data.closedAt, 'submissionDeadline');
          }
          if (event.type === 'CampaignConsultationsStarted') {
            tooEarly(event.data.startedAt, 'consultationsStartAt');
          }
        }
      }),
      { numRuns: NUM_RUNS, examples: JUST_BEFORE_THE_CALENDAR.map((steps) => [steps]) },
    );
  });

  it('never confirms more registrations than seats, and keeps the waiting list behind them in order of arrival', () => {
    fc.assert(
      fc.property(registrationStepsArb, (steps) => {
        const { decisions } = runCampaign(steps);
        decisions.forEach(({ before, after, events }, index) => {
          if (!isCampaign(after)) return;
          const upToHere = decisions.slice(0, index + 1);
          const capacity = after.definition.meeting?.capacity ?? 0;
          const statuses = after.registrations.map((r) => r.status);
          const confirmed = statuses.filter((status) => status === 'CONFIRMED').length;
          if (confirmed > capacity)
            violated(`${confirmed} confirmed for ${capacity} seats`, upToHere);
          if (
            statuses.indexOf('WAITLISTED') !== -1 &&
            statuses.lastIndexOf('CONFIRMED') > statuses.indexOf('WAITLISTED')
          ) {
            violated(
              `a waiting registration ahead of a confirmed one: ${statuses.join(', ')}`,
              upToHere,
            );
          }
          // Nobody waits while a seat is free (a freed seat goes to the waiting list).
          if (confirmed < capacity && statuses.includes('WAITLISTED')) {
            violated(`${confirmed}/${capacity} seats taken but someone waits`, upToHere);
          }
          const waiting = after.registrations.filter((r) => r.status === 'WAITLISTED');
          for (let i = 1; i < waiting.length; i += 1) {
            if (waiting[i].registeredAt < waiting[i - 1].registeredAt) {
              violated('waiting list out of order of arrival', upToHere);
            }
          }
          for (const event of events) {
            if (event.type !== 'MeetingRegistrationPromoted' || !isCampaign(before)) continue;
            const first = before.registrations.find((r) => r.status === 'WAITLISTED');
            if (first?.organisationId !== event.data.organisationId) {
              violated(`promoted ${event.data.organisationId}, not the first waiting`, upToHere);
            }
          }
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('issues each reminder once, never before its time, from the anchor in force, only while it concerns someone', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { decisions } = runCampaign(steps);
        const issued = new Set<string>();
        for (const { data, before, upToHere } of remindersIssued(decisions)) {
          const key = reminderKey(data);
          if (issued.has(key)) violated(`reminder ${key} issued twice`, upToHere);
          issued.add(key);
          if (Date.parse(data.issuedAt) < Date.parse(data.dueAt)) {
            violated(
              `reminder ${key} issued at ${data.issuedAt}, before its time ${data.dueAt}`,
              upToHere,
            );
          }
          const rule = before.definition.reminders.find(
            (candidate) => candidate.id === data.ruleId,
          );
          if (!rule || rule.kind !== data.kind) violated(`reminder ${key} of no rule`, upToHere);
          const zone = before.definition.timeZone;
          const anchor = anchorInForce(before, rule, data.occurrence, data.issuedAt);
          if (anchor === undefined) {
            violated(
              `reminder ${key} issued in phase ${before.phase}, when it concerns no one`,
              upToHere,
            );
          }
          if (rule.kind !== 'OPERATOR_DIGEST') {
            const ruled = reminderDueAt(rule, new Date(anchor), zone).toISOString();
            if (data.dueAt !== ruled) {
              violated(
                `reminder ${key} due ${data.dueAt}, the rule gives ${ruled} from ${anchor}`,
                upToHere,
              );
            }
          }
          // Calendar arithmetic, DST included, checked independently; sub-second anchors apart
          // (see the next property).
          const expected = expectedCampaignDueAt(rule, anchor, zone);
          const wholeSecond = rule.kind === 'OPERATOR_DIGEST' || Date.parse(anchor) % SECOND === 0;
          if (wholeSecond && data.dueAt !== expected) {
            violated(
              `reminder ${key} due ${data.dueAt}; by the calendar, ${JSON.stringify(rule.offset)} ` +
                `at ${rule.atLocalTime ?? '(anchor time)'} from ${anchor} is ${expected}`,
              upToHere,
            );
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  // Found by this property: the offset arithmetic once dropped an anchor's milliseconds, so a
  // reminder could go out up to 999 ms early.
  it('times a reminder to the millisecond of its anchor', () => {
    const opensAt = Date.parse(reference.calendar.opensAt);
    const minimal: Step[] = [
      {
        when: { kind: 'at', ms: REFERENCE_SPAN_START },
        what: {
          type: 'CreateCampaign',
          definition: { capacity: 120, reminders: 'reference', broken: false },
        },
      },
      {
        when: { kind: 'same' },
        what: {
          type: 'ChangeCampaignCalendar',
          changes: { opensAt: { from: 'current', ms: 500, canonical: true } },
          reason: 'Ouverture décalée',
        },
      },
      { when: { kind: 'same' }, what: { type: 'PublishCampaign', actor: admin } },
      {
        when: { kind: 'at', ms: opensAt },
        what: {
          type: 'IssueCampaignReminder',
          ruleId: 'invitation-ouverture',
          occurrence: 'opening',
        },
      },
    ];
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { decisions } = runCampaign(steps);
        for (const { data, before, upToHere } of remindersIssued(decisions)) {
          const rule = before.definition.reminders.find(
            (candidate) => candidate.id === data.ruleId,
          );
          const anchor = rule && anchorInForce(before, rule, data.occurrence, data.issuedAt);
          if (!rule || anchor === undefined) continue;
          const expected = expectedCampaignDueAt(rule, anchor, before.definition.timeZone);
          if (data.dueAt !== expected) {
            violated(
              `reminder ${reminderKey(data)} due ${data.dueAt}; ${JSON.stringify(rule.offset)} ` +
                `at ${rule.atLocalTime ?? '(anchor time)'} from ${anchor} is ${expected}`,
              upToHere,
            );
          }
        }
      }),
      { numRuns: NUM_RUNS, examples: [[minimal]] },
    );
  });

  it('generates sequences that reach every phase and produce every event type', () => {
    const phases = new Set<string>();
    const eventTypes = new Set<CampaignEventType>();
    let waitlisted = 0;
    let calendarChangesAfterPublication = 0;
    for (const steps of fc.sample(registrationStepsArb, { numRuns: 300, seed: 20191009 })) {
      for (const { event, before, after } of eventsInContext(runCampaign(steps).decisions)) {
        if (isCampaign(after)) phases.add(after.phase);
        eventTypes.add(event.type);
        if (event.type === 'MeetingRegistrationRecorded' && event.data.status === 'WAITLISTED') {
          waitlisted += 1;
        }
        if (
          event.type === 'CampaignCalendarChanged' &&
          isCampaign(before) &&
          before.phase !== 'DRAFT'
        ) {
          calendarChangesAfterPublication += 1;
        }
      }
    }
    expect([...phases].sort()).toEqual([...PHASE_ORDER, 'CANCELLED'].sort());
    expect([...eventTypes].sort()).toEqual(Object.keys(EVENT_TYPES).sort());
    expect(waitlisted).toBeGreaterThan(20);
    expect(calendarChangesAfterPublication).toBeGreaterThan(20);
    // The examples just before the calendar do reach it: their last command is refused as too early.
    for (const steps of JUST_BEFORE_THE_CALENDAR) {
      expect(runCampaign(steps).decisions.at(-1)?.refused).toBe('TOO_EARLY');
    }
  });
});
