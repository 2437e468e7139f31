import {
  CALENDAR_DATES,
  CampaignCalendar,
  CampaignDefinition,
  ConsultationSettings,
  consultationSlots,
  fromLocalDateTime,
  Instant,
  instant,
  REMINDER_KINDS,
  reminderDueAt,
  ReminderRule,
  toLocalDateTime,
} from '@amiflow/domain';
import { runInstant, TimeScale } from './time-scale';

/**
 * Below, the run lasts over an hour: no longer something to watch. Above, reminders a second
 * apart (the offsets' finest unit) would merge: J-1 before the deadline is then one second.
 */
export const MIN_DEMO_SPEED = 1_000;
export const MAX_DEMO_SPEED = 200_000;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY_MINUTES = 24 * 60;
/** The shortest consultation the validation accepts: the demo lays them out back to back. */
const DEMO_CONSULTATION_MINUTES = 5;
/** Time left to the planning activity between the start of consultations and the first slot. */
const PLANNING_MARGIN_MS = 10 * SECOND;

export interface CompressionOptions {
  /** How many times faster than the original calendar the run goes. */
  readonly speed: number;
  /** When the accelerated campaign opens (a few seconds from now). */
  readonly opensAt: Date;
}

export interface CompressedCampaign {
  readonly definition: CampaignDefinition;
  /** How original instants map onto the run, for whoever acts in it. */
  readonly scale: TimeScale;
  /** When the first consultation slot of the run starts, if the campaign holds consultations. */
  readonly firstConsultationSlotAt?: Instant;
  /** Rules the run cannot play faithfully, left out, with why. */
  readonly droppedReminders: readonly { readonly ruleId: string; readonly reason: string }[];
}

/**
 * The campaign with its calendar compressed: it opens at `opensAt` and every interval of the
 * original (opening → meeting → deadline → screening → consultations) lasts `speed` times less,
 * so the order and the proportions are kept and the whole run lasts the original span ÷ speed.
 *
 * Reminders cannot keep their wording: "two days before, at 09:00" is a calendar day and a wall
 * clock time, which no longer mean anything when a day lasts seconds. Each rule is rewritten as
 * the elapsed time it stood before its anchor in the original, divided by the speed, in whole
 * seconds (the offsets' finest unit; at least one, so a reminder never lands on its anchor). The
 * lead is measured on the campaign's own date when the anchor is one (opening, meeting, deadline:
 * exact, change of time included), on the first consultation slot of the original settings for
 * the consultation reminder, and nominally (a day is 24 hours) for the dates operators set while
 * the campaign runs (clarification and follow-up due dates). The operators' daily digest is kept
 * out: it goes at a time of each real day, once a day, which a run of minutes cannot honour.
 *
 * Consultation settings cannot be divided either (slots are whole minutes of at least five, hours
 * are `HH:mm`): the run holds them every day, around the clock, in five-minute slots in the same
 * rooms, the first one at the first whole minute leaving the planning time to run and the
 * consultation reminder time to go out; the original days off fall outside the run.
 */
export function compressCampaign(
  definition: CampaignDefinition,
  options: CompressionOptions,
): CompressedCampaign {
  const { speed } = options;
  if (!Number.isFinite(speed) || speed < MIN_DEMO_SPEED || speed > MAX_DEMO_SPEED) {
    throw new RangeError(`speed must be between ${MIN_DEMO_SPEED} and ${MAX_DEMO_SPEED}`);
  }
  const scale: TimeScale = {
    originalStart: Date.parse(definition.calendar.opensAt),
    runStart: options.opensAt.getTime(),
    speed,
  };
  const calendar = compressCalendar(definition.calendar, scale);
  const reminders = definition.reminders
    .filter((rule) => rule.kind !== 'OPERATOR_DIGEST')
    .map((rule) => compressReminderRule(rule, definition, speed));
  const droppedReminders = definition.reminders
    .filter((rule) => rule.kind === 'OPERATOR_DIGEST')
    .map((rule) => ({
      ruleId: rule.id,
      reason: 'a daily digest goes once per real day at a wall-clock time',
    }));

  let consultations: ConsultationSettings | undefined;
  let firstConsultationSlotAt: Instant | undefined;
  if (definition.consultations) {
    const reminderLeadMs = Math.max(
      0,
      ...reminders
        .filter((rule) => rule.kind === 'CONSULTATION_REMINDER')
        .map((rule) => -(rule.offset.seconds ?? 0) * SECOND),
    );
    const earliest =
      Date.parse(calendar.consultationsStartAt) + PLANNING_MARGIN_MS + reminderLeadMs;
    ({ settings: consultations, firstSlotAt: firstConsultationSlotAt } = aroundTheClock(
      definition.consultations,
      definition.timeZone,
      calendar.consultationsStartAt,
      earliest,
    ));
  }

  return {
    definition: { ...definition, calendar, reminders, consultations },
    scale,
    firstConsultationSlotAt,
    droppedReminders,
  };
}

function compressCalendar(calendar: CampaignCalendar, scale: TimeScale): CampaignCalendar {
  const compressed: Record<string, Instant> = {};
  for (const date of CALENDAR_DATES) {
    const original = calendar[date];
    if (original !== undefined) compressed[date] = runInstant(scale, original);
  }
  return compressed as unknown as CampaignCalendar;
}

/** The rule with its lead divided by the speed, as elapsed seconds (see compressCampaign). */
export function compressReminderRule(
  rule: ReminderRule,
  definition: CampaignDefinition,
  speed: number,
): ReminderRule {
  const leadMs = originalLeadMs(rule, definition);
  const seconds =
    leadMs === 0
      ? 0
      : Math.sign(leadMs) * Math.max(1, Math.round(Math.abs(leadMs) / speed / SECOND));
  // The time of day goes: it would pin the reminder back onto a real wall clock.
  const { atLocalTime: _timeOfDay, ...rest } = rule;
  return { ...rest, offset: seconds === 0 ? {} : { seconds: -seconds } };
}

/** How long before its anchor (negative: after) the rule's reminder fell in the original. */
function originalLeadMs(rule: ReminderRule, definition: CampaignDefinition): number {
  const anchor = originalAnchor(rule, definition);
  if (anchor !== undefined) {
    return (
      Date.parse(anchor) - reminderDueAt(rule, new Date(anchor), definition.timeZone).getTime()
    );
  }
  const { days = 0, hours = 0, minutes = 0, seconds = 0 } = rule.offset;
  return -(((days * 24 + hours) * 60 + minutes) * 60 + seconds) * SECOND;
}

/** The instant the rule's anchor had in the original campaign, when the definition tells it. */
function originalAnchor(rule: ReminderRule, definition: CampaignDefinition): Instant | undefined {
  const { calendar, consultations, timeZone } = definition;
  switch (REMINDER_KINDS[rule.kind].anchor) {
    case 'OPENING':
      return calendar.opensAt;
    case 'MEETING':
      return calendar.meetingStartsAt;
    case 'SUBMISSION_DEADLINE':
      return calendar.submissionDeadline;
    case 'CONSULTATION':
      if (!consultations) return undefined;
      return consultationSlots(
        consultations,
        timeZone,
        new Date(calendar.consultationsStartAt),
        31,
      )[0]?.startsAt;
    default:
      return undefined;
  }
}

/**
 * Consultations every day, around the clock, in the shortest slots, the first one at the first
 * whole minute from `earliest`. The day is split there into two ranges, the first ending at the
 * minute consultations start, so that no slot falls between that start and `earliest`.
 */
function aroundTheClock(
  settings: ConsultationSettings,
  zone: string,
  consultationsStartAt: Instant,
  earliest: number,
): { settings: ConsultationSettings; firstSlotAt: Instant } {
  const start = toLocalDateTime(new Date(consultationsStartAt), zone);
  let first = toLocalDateTime(new Date(Math.ceil(earliest / MINUTE) * MINUTE), zone);
  // No whole slot fits before 23:59: the first one is at midnight.
  if (minuteOfDay(first) + DEMO_CONSULTATION_MINUTES > DAY_MINUTES - 1) {
    first = `${nextDay(first.slice(0, 10))}T00:00:00`;
  }
  const split = first.slice(11, 16);
  const startMinute = start.slice(11, 16);
  const hours = split === '00:00' ? ['00:00-23:59'] : [`${split}-23:59`];
  if (start.slice(0, 10) === first.slice(0, 10) && startMinute !== '00:00') {
    hours.unshift(`00:00-${startMinute}`);
  }
  const aroundTheClockSettings: ConsultationSettings = {
    workingDays: [1, 2, 3, 4, 5, 6, 7],
    hours,
    durationMinutes: DEMO_CONSULTATION_MINUTES,
    rooms: settings.rooms,
    daysOff: [],
  };
  // Announced as the planner will find it: in the night the clocks go back, the repeated hour
  // holds slots once only, so the wall-clock time alone does not say which instant comes first.
  const [firstSlot] = consultationSlots(
    aroundTheClockSettings,
    zone,
    new Date(consultationsStartAt),
    2,
  );
  return {
    settings: aroundTheClockSettings,
    firstSlotAt: firstSlot?.startsAt ?? instant(fromLocalDateTime(first.slice(0, 16), zone)),
  };
}

function minuteOfDay(local: string): number {
  return Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
