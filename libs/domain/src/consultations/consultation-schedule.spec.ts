import fc from 'fast-check';
import {
  assignConsultations,
  consultationSlots,
  ConsultationSettings,
  overlaps,
  Slot,
} from './consultation-schedule';

const PARIS = 'Europe/Paris';
const settings: ConsultationSettings = {
  workingDays: [1, 2, 3, 4, 5],
  hours: ['09:00-12:00', '14:00-17:00'],
  durationMinutes: 60,
  rooms: ['Salle 1', 'Salle 2'],
  daysOff: ['2019-12-25'],
};

describe('consultation slots', () => {
  it('starts on the first working day: 1 December 2019 is a Sunday', () => {
    const slots = consultationSlots(settings, PARIS, new Date('2019-11-30T23:00:00Z'), 2);
    expect(slots).toHaveLength(12);
    expect(slots[0]).toEqual({
      startsAt: '2019-12-02T08:00:00.000Z',
      endsAt: '2019-12-02T09:00:00.000Z',
      room: 'Salle 1',
    });
    expect(slots.map((slot) => slot.startsAt)).toContain('2019-12-02T13:00:00.000Z');
    expect(slots.map((slot) => slot.startsAt)).not.toContain('2019-12-02T11:00:00.000Z');
  });

  it('keeps 09:00 in Paris on both sides of the change of time', () => {
    const friday = consultationSlots(settings, PARIS, new Date('2019-10-24T22:00:00Z'), 1);
    const monday = consultationSlots(settings, PARIS, new Date('2019-10-27T23:00:00Z'), 1);
    expect(friday[0].startsAt).toBe('2019-10-25T07:00:00.000Z');
    expect(monday[0].startsAt).toBe('2019-10-28T08:00:00.000Z');
  });

  it('skips days off such as Christmas', () => {
    const slots = consultationSlots(settings, PARIS, new Date('2019-12-24T23:00:00Z'), 1);
    expect(slots).toEqual([]);
  });

  it('offers no slot that has already begun', () => {
    const slots = consultationSlots(settings, PARIS, new Date('2019-12-02T08:30:00Z'), 1);
    expect(slots[0].startsAt).toBe('2019-12-02T09:00:00.000Z');
  });
});

describe('assigning consultations', () => {
  const monday = consultationSlots(settings, PARIS, new Date('2019-12-01T23:00:00Z'), 1);

  it('gives the earliest slots, one room after the other, never the same room twice at once', () => {
    const { assignments } = assignConsultations(
      [
        { organisationId: 'a', unavailable: [] },
        { organisationId: 'b', unavailable: [] },
        { organisationId: 'c', unavailable: [] },
      ],
      monday,
      [],
    );
    expect(assignments.map((a) => [a.organisationId, a.startsAt, a.room])).toEqual([
      ['a', '2019-12-02T08:00:00.000Z', 'Salle 1'],
      ['b', '2019-12-02T08:00:00.000Z', 'Salle 2'],
      ['c', '2019-12-02T09:00:00.000Z', 'Salle 1'],
    ]);
  });

  it('respects what an organisation declared it cannot attend, and what is already booked', () => {
    const { assignments } = assignConsultations(
      [
        {
          organisationId: 'a',
          unavailable: [{ startsAt: '2019-12-02T08:00:00Z', endsAt: '2019-12-02T11:00:00Z' }],
        },
      ],
      monday,
      [
        {
          startsAt: '2019-12-02T13:00:00.000Z',
          endsAt: '2019-12-02T14:00:00.000Z',
          room: 'Salle 1',
        },
      ],
    );
    expect(assignments).toEqual([
      {
        organisationId: 'a',
        startsAt: '2019-12-02T13:00:00.000Z',
        endsAt: '2019-12-02T14:00:00.000Z',
        room: 'Salle 2',
      },
    ]);
  });

  it('returns apart those it cannot place', () => {
    const requests = Array.from({ length: 14 }, (_, i) => ({
      organisationId: `o${i}`,
      unavailable: [],
    }));
    const { assignments, unassigned } = assignConsultations(requests, monday, []);
    expect(assignments).toHaveLength(12);
    expect(unassigned).toEqual(['o12', 'o13']);
  });

  it('never double-books a room nor meets anyone in a period they declared unavailable', () => {
    const week = consultationSlots(settings, PARIS, new Date('2019-12-01T23:00:00Z'), 5);
    const period = fc
      .tuple(fc.integer({ min: 0, max: 5 * 24 }), fc.integer({ min: 1, max: 30 }))
      .map(([startHour, hours]) => ({
        startsAt: new Date(
          Date.parse('2019-12-02T00:00:00Z') + startHour * 3_600_000,
        ).toISOString(),
        endsAt: new Date(
          Date.parse('2019-12-02T00:00:00Z') + (startHour + hours) * 3_600_000,
        ).toISOString(),
      }));
    fc.assert(
      fc.property(
        fc.array(fc.array(period, { maxLength: 3 }), { maxLength: 70 }),
        fc.subarray(week, { maxLength: 10 }),
        (unavailability, booked: Slot[]) => {
          const requests = unavailability.map((unavailable, i) => ({
            organisationId: `o${i}`,
            unavailable,
          }));
          const { assignments, unassigned } = assignConsultations(requests, week, booked);
          const all = [...booked, ...assignments];
          for (const [i, a] of all.entries()) {
            for (const b of all.slice(i + 1))
              expect(a.room === b.room && overlaps(a, b)).toBe(false);
          }
          for (const assignment of assignments) {
            const request = requests.find((r) => r.organisationId === assignment.organisationId);
            expect(request?.unavailable.some((p) => overlaps(p, assignment))).toBe(false);
          }
          expect(assignments.length + unassigned.length).toBe(requests.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
