import {
  CALENDAR_DATES,
  CampaignCalendar,
  consultationSlots,
  fromLocalDateTime,
  referenceCampaign,
  reminderDueAt,
  ReminderRule,
  toLocalDateTime,
  validateCampaignDefinition,
} from '@amiflow/domain';
import fc from 'fast-check';
import { compressCampaign, MAX_DEMO_SPEED, MIN_DEMO_SPEED } from './compress-campaign';
import { toOriginalTime, toRunTime } from './time-scale';

const original = referenceCampaign.definition;
const PARIS = 'Europe/Paris';
const SECOND = 1000;
const opensAt = new Date('2025-06-12T12:00:05.000Z');

const ms = (instant: string | undefined) => Date.parse(instant as string);
const datesOf = (calendar: CampaignCalendar) =>
  CALENDAR_DATES.flatMap((date) => (calendar[date] ? [[date, ms(calendar[date])] as const] : []));
const rule = (rules: readonly ReminderRule[], id: string) => {
  const found = rules.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

describe('compressCampaign', () => {
  const { definition, firstConsultationSlotAt, scale } = compressCampaign(original, {
    speed: 20_000,
    opensAt,
  });
  const { calendar } = definition;

  it('opens at the instant asked for', () => {
    expect(calendar.opensAt).toBe(opensAt.toISOString());
  });

  it('keeps every date of the calendar, in the original order', () => {
    const originalOrder = datesOf(original.calendar)
      .sort((a, b) => a[1] - b[1])
      .map(([date]) => date);
    const compressedOrder = datesOf(calendar)
      .sort((a, b) => a[1] - b[1])
      .map(([date]) => date);
    expect(compressedOrder).toEqual(originalOrder);
    expect(Object.keys(calendar).sort()).toEqual(Object.keys(original.calendar).sort());
  });

  it('divides every interval by the speed, to the millisecond', () => {
    const before = datesOf(original.calendar);
    const after = datesOf(calendar);
    for (let i = 1; i < before.length; i++) {
      const originalGap = before[i][1] - before[i - 1][1];
      const compressedGap = after[i][1] - after[i - 1][1];
      expect(Math.abs(compressedGap - originalGap / 20_000)).toBeLessThanOrEqual(1);
    }
  });

  it('plays opening to consultations (53 days and the hour of the change of time) in 229 s', () => {
    const span = ms(original.calendar.consultationsStartAt) - ms(original.calendar.opensAt);
    expect(span).toBe((53 * 24 + 1) * 3600 * SECOND);
    expect(ms(calendar.consultationsStartAt) - ms(calendar.opensAt)).toBe(
      Math.round(span / 20_000),
    );
  });

  it('maps the original calendar onto the run and back', () => {
    const meeting = toRunTime(scale, original.calendar.meetingStartsAt as string);
    expect(meeting.toISOString()).toBe(calendar.meetingStartsAt);
    expect(toOriginalTime(scale, meeting).toISOString()).toBe(original.calendar.meetingStartsAt);
  });

  it('passes the campaign validation', () => {
    expect(validateCampaignDefinition(definition)).toEqual([]);
  });

  it('keeps the title, the meeting, the questionnaire, the eligibility and the rooms', () => {
    expect(definition).toMatchObject({
      title: original.title,
      timeZone: PARIS,
      meeting: original.meeting,
      sections: original.sections,
      eligibility: original.eligibility,
      supportForms: original.supportForms,
    });
    expect(definition.consultations?.rooms).toEqual(original.consultations?.rooms);
  });

  describe('reminders', () => {
    const rules = definition.reminders;

    it('become elapsed seconds before their anchor: the original lead divided by the speed', () => {
      // Meeting 29 Oct 13:45 (winter time), reminder 27 Oct 09:00: 52 h 45 min before.
      expect(rule(rules, 'reunion-j-2').offset).toEqual({ seconds: -9 });
      // Deadline 15 Nov 00:00, reminders 8 Nov 09:00 (159 h before) and 14 Nov 09:00 (15 h).
      expect(rule(rules, 'depot-j-7').offset).toEqual({ seconds: -29 });
      expect(rule(rules, 'depot-j-1').offset).toEqual({ seconds: -3 });
      // First consultation slot Monday 2 Dec 09:00, the day before at 09:00: 24 h.
      expect(rule(rules, 'consultation-veille').offset).toEqual({ seconds: -4 });
      // Dates set while the campaign runs: nominal days of 24 h.
      expect(rule(rules, 'precisions-j-2').offset).toEqual({ seconds: -9 });
      expect(rule(rules, 'suivi-j-3').offset).toEqual({ seconds: -13 });
      expect(rule(rules, 'invitation-ouverture').offset).toEqual({});
      expect(rules.every((r) => r.atLocalTime === undefined)).toBe(true);
    });

    it('keep their ids, kinds, anchors and audiences', () => {
      expect(
        rules.map(({ id, kind, anchor, audience }) => ({ id, kind, anchor, audience })),
      ).toEqual(
        original.reminders
          .filter((r) => r.kind !== 'OPERATOR_DIGEST')
          .map(({ id, kind, anchor, audience }) => ({ id, kind, anchor, audience })),
      );
    });

    it('leave the daily digest out, saying why', () => {
      const compressed = compressCampaign(original, { speed: 20_000, opensAt });
      expect(compressed.droppedReminders).toEqual([
        { ruleId: 'synthese-quotidienne', reason: expect.stringContaining('real day') },
      ]);
      expect(rules.some((r) => r.kind === 'OPERATOR_DIGEST')).toBe(false);
    });

    it('all fall inside the run, in the order they fell in the original', () => {
      const dueAt = (definitionRules: readonly ReminderRule[], cal: CampaignCalendar) => {
        const anchors: Record<string, string | undefined> = {
          'invitation-ouverture': cal.opensAt,
          'reunion-j-2': cal.meetingStartsAt,
          'depot-j-7': cal.submissionDeadline,
          'depot-j-1': cal.submissionDeadline,
        };
        return Object.entries(anchors).map(([id, anchor]) => ({
          id,
          at: reminderDueAt(rule(definitionRules, id), new Date(anchor as string), PARIS).getTime(),
        }));
      };
      const compressed = dueAt(rules, calendar);
      for (const { at } of compressed) {
        expect(at).toBeGreaterThanOrEqual(ms(calendar.opensAt));
        expect(at).toBeLessThan(ms(calendar.consultationsStartAt));
      }
      const order = (list: { id: string; at: number }[]) =>
        [...list].sort((a, b) => a.at - b.at).map(({ id }) => id);
      expect(order(compressed)).toEqual(order(dueAt(original.reminders, original.calendar)));
    });

    it('remind of the first consultation after it is planned and before it starts', () => {
      const first = new Date(firstConsultationSlotAt as string);
      const reminder = reminderDueAt(rule(rules, 'consultation-veille'), first, PARIS).getTime();
      expect(reminder).toBeGreaterThan(ms(calendar.consultationsStartAt) + 5 * SECOND);
      expect(reminder).toBeLessThan(first.getTime());
    });
  });

  describe('consultations', () => {
    const settings = definition.consultations;
    if (!settings) throw new Error('no consultation settings');

    it('are held every day, around the clock, in five-minute slots, with no day off', () => {
      expect(settings).toMatchObject({ workingDays: [1, 2, 3, 4, 5, 6, 7], durationMinutes: 5 });
      expect(settings.daysOff).toEqual([]);
    });

    it('open their first slot, in every room, within a minute and a half of their start', () => {
      const slots = consultationSlots(settings, PARIS, new Date(calendar.consultationsStartAt), 2);
      expect(slots.slice(0, 2)).toEqual([
        expect.objectContaining({ startsAt: firstConsultationSlotAt, room: 'Ségur, salle 1' }),
        expect.objectContaining({ startsAt: firstConsultationSlotAt, room: 'Ségur, salle 2' }),
      ]);
      const wait = ms(firstConsultationSlotAt) - ms(calendar.consultationsStartAt);
      expect(wait).toBeGreaterThan(10 * SECOND);
      expect(wait).toBeLessThanOrEqual(90 * SECOND);
      // The next ones follow five minutes apart.
      expect(ms(slots[2].startsAt) - ms(slots[0].startsAt)).toBe(5 * 60 * SECOND);
    });

    it('start at midnight when the consultations begin too late in the day for a slot', () => {
      const span = ms(original.calendar.consultationsStartAt) - ms(original.calendar.opensAt);
      const consultationsAt = fromLocalDateTime('2025-06-12T23:54:30', PARIS).getTime();
      const late = compressCampaign(original, {
        speed: 20_000,
        opensAt: new Date(consultationsAt - Math.round(span / 20_000)),
      });
      expect(validateCampaignDefinition(late.definition)).toEqual([]);
      expect(toLocalDateTime(new Date(late.firstConsultationSlotAt as string), PARIS)).toBe(
        '2025-06-13T00:00:00',
      );
      const slots = consultationSlots(
        late.definition.consultations!,
        PARIS,
        new Date(late.definition.calendar.consultationsStartAt),
        2,
      );
      expect(slots[0].startsAt).toBe(late.firstConsultationSlotAt);
    });
  });

  it('holds for any speed and any start: valid, in order, proportional, first slot as announced', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_DEMO_SPEED, max: MAX_DEMO_SPEED }),
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2040-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (speed, start) => {
          const run = compressCampaign(original, { speed, opensAt: start });
          expect(validateCampaignDefinition(run.definition)).toEqual([]);
          const before = datesOf(original.calendar);
          const after = datesOf(run.definition.calendar);
          for (let i = 1; i < before.length; i++) {
            const gap = after[i][1] - after[i - 1][1];
            expect(Math.abs(gap - (before[i][1] - before[i - 1][1]) / speed)).toBeLessThanOrEqual(
              1,
            );
          }
          const slots = consultationSlots(
            run.definition.consultations!,
            PARIS,
            new Date(run.definition.calendar.consultationsStartAt),
            2,
          );
          expect(slots[0].startsAt).toBe(run.firstConsultationSlotAt);
          // The deadline reminders keep their order: J-7 before J-1.
          const lead = (id: string) => -(rule(run.definition.reminders, id).offset.seconds ?? 0);
          expect(lead('depot-j-7')).toBeGreaterThan(lead('depot-j-1'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([0, 999, 200_001, Number.NaN])('refuses a speed of %p', (speed) => {
    expect(() => compressCampaign(original, { speed, opensAt })).toThrow(RangeError);
  });
});
