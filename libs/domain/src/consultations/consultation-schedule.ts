import type { ConsultationSettings } from './consultation-settings.schema';
import { instant } from '../time/instant';
import { fromLocalDateTime, toLocalDateTime } from '../time/zoned-time';

export type { ConsultationSettings } from './consultation-settings.schema';

export interface Period {
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface Slot extends Period {
  readonly room: string;
}

export interface ConsultationRequest {
  readonly organisationId: string;
  /** Periods the organisation declared it cannot attend. */
  readonly unavailable: readonly Period[];
}

export interface Assignment extends Slot {
  readonly organisationId: string;
}

const MINUTE = 60_000;

/**
 * The consultation slots of `days` local days from `from` on, in order of time then room: whole
 * slots inside the opening hours of working days that are not days off. Wall-clock times in the
 * campaign's zone, so a 09:00 slot stays at 09:00 across a change of time.
 */
export function consultationSlots(
  settings: ConsultationSettings,
  zone: string,
  from: Date,
  days: number,
): Slot[] {
  const slots: Slot[] = [];
  const firstDay = toLocalDateTime(from, zone).slice(0, 10);
  for (let offset = 0; offset < days; offset++) {
    const day = addDays(firstDay, offset);
    if (!settings.workingDays.includes(isoWeekday(day)) || settings.daysOff.includes(day)) continue;
    for (const range of settings.hours) {
      const [opens, closes] = range.split('-');
      let start = fromLocalDateTime(`${day}T${opens}`, zone).getTime();
      const end = fromLocalDateTime(`${day}T${closes}`, zone).getTime();
      while (start + settings.durationMinutes * MINUTE <= end) {
        const slotEnd = start + settings.durationMinutes * MINUTE;
        if (start >= from.getTime()) {
          for (const room of settings.rooms) {
            slots.push({
              startsAt: instant(new Date(start)),
              endsAt: instant(new Date(slotEnd)),
              room,
            });
          }
        }
        start = slotEnd;
      }
    }
  }
  return slots;
}

/**
 * Gives each organisation, in the order given, the earliest slot it can attend: one whose room no
 * booking holds at that time (no double booking), outside every period the organisation declared
 * unavailable. Those left without a slot are returned apart, for an operator (or more days).
 */
export function assignConsultations(
  requests: readonly ConsultationRequest[],
  slots: readonly Slot[],
  booked: readonly Slot[],
): { assignments: Assignment[]; unassigned: string[] } {
  const taken = [...booked];
  const assignments: Assignment[] = [];
  const unassigned: string[] = [];
  for (const request of requests) {
    const slot = slots.find(
      (candidate) =>
        !taken.some((booking) => booking.room === candidate.room && overlaps(booking, candidate)) &&
        !request.unavailable.some((period) => overlaps(period, candidate)),
    );
    if (!slot) {
      unassigned.push(request.organisationId);
      continue;
    }
    taken.push(slot);
    assignments.push({ ...slot, organisationId: request.organisationId });
  }
  return { assignments, unassigned };
}

export function overlaps(a: Period, b: Period): boolean {
  return (
    Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt)
  );
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function isoWeekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}
