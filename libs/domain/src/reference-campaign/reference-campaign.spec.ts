import { validateCampaignDefinition } from '../campaign/campaign-definition.validation';
import { consultationSlots } from '../consultations/consultation-schedule';
import { assessEligibility } from '../eligibility/eligibility';
import { toLocalDateTime } from '../time/zoned-time';
import { referenceCampaign } from './reference-campaign';

const { definition } = referenceCampaign;

describe('the reference campaign (2019 health data & AI AMI)', () => {
  it('is a valid definition', () => {
    expect(validateCampaignDefinition(definition)).toEqual([]);
  });

  it('holds its information meeting at 12:45 UTC on 29 October 2019, after the change of time', () => {
    expect(definition.calendar.meetingStartsAt).toBe('2019-10-29T12:45:00.000Z');
    expect(definition.calendar.meetingEndsAt).toBe('2019-10-29T15:00:00.000Z');
  });

  it('opens on 9 October in Paris, which is still summer time (UTC+2)', () => {
    expect(definition.calendar.opensAt).toBe('2019-10-08T22:00:00.000Z');
  });

  it('accepts responses until the last second of 14 November in Paris ("avant le 15 novembre")', () => {
    expect(definition.calendar.submissionDeadline).toBe('2019-11-14T23:00:00.000Z');
    const lastAcceptedSecond = new Date(Date.parse(definition.calendar.submissionDeadline) - 1000);
    expect(toLocalDateTime(lastAcceptedSecond, 'Europe/Paris')).toBe('2019-11-14T23:59:59');
  });

  it('starts consultations on 1 December in Paris', () => {
    expect(definition.calendar.consultationsStartAt).toBe('2019-11-30T23:00:00.000Z');
  });

  it('lays out its first consultations on Monday 2 December, 09:00 in Paris, in both rooms', () => {
    const settings = definition.consultations;
    if (!settings) throw new Error('no consultation settings');
    const slots = consultationSlots(
      settings,
      definition.timeZone,
      new Date(definition.calendar.consultationsStartAt),
      2,
    );
    expect(slots.slice(0, 2).map((slot) => [slot.startsAt, slot.room])).toEqual([
      ['2019-12-02T08:00:00.000Z', 'Ségur, salle 1'],
      ['2019-12-02T08:00:00.000Z', 'Ségur, salle 2'],
    ]);
  });

  it('refuses consultation settings it could not lay out', () => {
    const problems = validateCampaignDefinition({
      ...definition,
      consultations: {
        workingDays: [0],
        hours: ['17:00-09:00'],
        durationMinutes: 0,
        rooms: [],
        daysOff: ['25/12'],
      },
    });
    expect(problems.map((problem) => problem.path)).toEqual(Array(5).fill('consultations'));
  });

  it('lists the seven forms of State support of the announcement', () => {
    expect(definition.supportForms).toHaveLength(7);
  });

  it.each([
    [{ type: 'CNP' as const }, 'ELIGIBLE', ['ELIGIBLE_TYPE']],
    [
      { type: 'FEDERATIVE_STRUCTURE' as const, federatedCnpCount: 40 },
      'ELIGIBLE',
      ['FEDERATES_CNPS'],
    ],
    [
      { type: 'FEDERATIVE_STRUCTURE' as const, federatedCnpCount: 0 },
      'INELIGIBLE',
      ['FEDERATES_NO_CNP'],
    ],
    [
      { type: 'PROFESSIONAL_COLLEGE' as const, professionHasCnp: false },
      'ELIGIBLE',
      ['COLLEGE_OF_PROFESSION_WITHOUT_CNP'],
    ],
    [
      { type: 'PROFESSIONAL_COLLEGE' as const, professionHasCnp: true },
      'INELIGIBLE',
      ['PROFESSION_HAS_CNP'],
    ],
    [{ type: 'PROFESSIONAL_COLLEGE' as const }, 'NEEDS_REVIEW', ['CONDITION_UNKNOWN']],
    [{ type: 'COMPANY' as const }, 'INELIGIBLE', ['TYPE_NOT_ELIGIBLE']],
    [{ type: 'INDIVIDUAL_PRACTITIONER' as const }, 'INELIGIBLE', ['TYPE_NOT_ELIGIBLE']],
    [{ type: 'HOSPITAL' as const }, 'INELIGIBLE', ['TYPE_NOT_ELIGIBLE']],
    [{ type: 'ASSOCIATION' as const }, 'INELIGIBLE', ['TYPE_NOT_ELIGIBLE']],
    [{ type: 'LEARNED_SOCIETY' as const }, 'INELIGIBLE', ['TYPE_NOT_ELIGIBLE']],
    [undefined, 'NEEDS_REVIEW', ['NOT_IN_DIRECTORY']],
  ])('finds %j %s', (profile, decision, reasons) => {
    expect(assessEligibility(definition.eligibility, profile)).toEqual({ decision, reasons });
  });
});
