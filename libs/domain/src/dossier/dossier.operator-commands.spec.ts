// Over 300 lines on purpose: what an operator is offered, checked against the decider at each
// moment of a dossier's life, in one story.
import { DomainError } from '../errors/domain-error';
import { dossierAfter, DossierStep, referenceOperator } from '../testing/reference-dossier';
import {
  create,
  submit,
  assess,
  requestClarification,
  answerClarification,
  startScreening,
  shortlist,
  notRetain,
  cancelConsultation as cancel,
  recordOutcome,
  completeFollowUp,
  close,
  toConsultation,
  toFollowUp,
} from '../testing/reference-dossier-steps';
import { DossierCommand } from './dossier.commands';
import { decideDossier } from './dossier.decider';
import {
  allowedOperatorCommands,
  OPERATOR_COMMANDS,
  OperatorCommand,
} from './dossier.operator-commands';
import { Dossier } from './dossier.state';

// The reference campaign's dossier (testing/reference-dossier.ts): deadline 15 Nov 00:00 Paris,
// consultations from 1 Dec.
const operator = referenceOperator;
const given = dossierAfter;

const HOUR = 3_600_000;
const later = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR).toISOString();

/**
 * The operator's command of that type as a careful operator fills its form in at `now`: dates in
 * the future (after the consultations' start), a reason, a new identifier, the other decision.
 */
function wellFormed(type: OperatorCommand, dossier: Dossier, now: Date): DossierCommand {
  const startsAt = new Date(
    Math.max(now.getTime(), Date.parse(dossier.terms.consultationsStartAt)) + 24 * HOUR,
  );
  switch (type) {
    case 'OverrideEligibility':
      return {
        type,
        decision: dossier.eligibility?.decision === 'ELIGIBLE' ? 'INELIGIBLE' : 'ELIGIBLE',
        reason: 'Vu en réunion.',
        actor: operator,
      };
    case 'RequestClarification':
      return {
        type,
        clarificationId: `precisions-${dossier.clarifications.length + 1}`,
        question: 'Combien de membres ?',
        dueAt: later(now, 72),
        actor: operator,
      };
    case 'RecordScreeningResult':
      return { type, result: 'SHORTLISTED', actor: operator };
    case 'ScheduleConsultation':
      return {
        type,
        consultationId: dossier.consultation?.consultationId ?? 'consultation-1',
        startsAt: startsAt.toISOString(),
        endsAt: later(startsAt, 1),
        place: 'Ségur',
        actor: operator,
      };
    case 'CancelConsultation':
      return { type, reason: 'Empêchement.', actor: operator };
    case 'RecordConsultationOutcome':
      return { type, summary: 'Besoin de bases annotées.', supportFormIds: [], actor: operator };
    case 'PlanFollowUp':
      return {
        type,
        followUpId: `suite-${dossier.followUps.length + 1}`,
        title: 'Convention',
        owner: 'DNS',
        dueAt: later(now, 240),
        actor: operator,
      };
    case 'CompleteFollowUp':
      return {
        type,
        followUpId:
          dossier.followUps.find((followUp) => followUp.completedAt === undefined)?.followUpId ??
          'aucune',
        actor: operator,
      };
    case 'CloseDossier':
      return { type, actor: operator };
  }
}

function decidable(type: OperatorCommand, dossier: Dossier, now: Date): boolean {
  try {
    decideDossier(wellFormed(type, dossier, now), dossier, now);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

const withdraw: DossierStep = [
  { type: 'WithdrawDossier', reason: 'Plus de moyens.' },
  '2019-11-06T08:00:00.000Z',
];

const allowedAt = (dossier: Dossier, at: string) => allowedOperatorCommands(dossier, new Date(at));

describe('what an operator may decide about a dossier', () => {
  it('offers nothing on a draft', () => {
    expect(allowedAt(given(create), '2019-10-11T00:00:00Z')).toEqual([]);
  });

  it('offers the eligibility decision and a clarification once the check needs a review', () => {
    expect(
      allowedAt(given(create, submit, assess('NEEDS_REVIEW')), '2019-11-02T00:00:00Z'),
    ).toEqual(['OverrideEligibility', 'RequestClarification']);
  });

  it('offers no second clarification while one waits for its answer, and again once answered', () => {
    const asked = given(create, submit, assess('ELIGIBLE'), requestClarification);
    expect(allowedAt(asked, '2019-11-04T09:00:00Z')).toEqual(['OverrideEligibility']);
    const answered = given(
      create,
      submit,
      assess('ELIGIBLE'),
      requestClarification,
      answerClarification,
    );
    expect(allowedAt(answered, '2019-11-05T09:00:00Z')).toEqual([
      'OverrideEligibility',
      'RequestClarification',
    ]);
  });

  it('offers the screening result while the screening runs', () => {
    expect(
      allowedAt(given(create, submit, assess('ELIGIBLE'), startScreening), '2019-11-19T00:00:00Z'),
    ).toEqual(['RequestClarification', 'RecordScreeningResult']);
  });

  it('offers to schedule the consultation of a shortlisted dossier, and nothing to one not retained', () => {
    const path = [create, submit, assess('ELIGIBLE'), startScreening] as const;
    expect(allowedAt(given(...path, shortlist), '2019-11-21T00:00:00Z')).toEqual([
      'ScheduleConsultation',
    ]);
    expect(allowedAt(given(...path, notRetain), '2019-11-21T00:00:00Z')).toEqual([]);
  });

  it('offers to move or cancel a consultation to come, and its outcome only once it has begun', () => {
    const scheduled = given(...toConsultation);
    expect(allowedAt(scheduled, '2019-12-03T08:59:59Z')).toEqual([
      'ScheduleConsultation',
      'CancelConsultation',
    ]);
    expect(allowedAt(scheduled, '2019-12-03T09:00:00Z')).toEqual([
      'ScheduleConsultation',
      'CancelConsultation',
      'RecordConsultationOutcome',
    ]);
  });

  it('offers to schedule again after a cancellation', () => {
    const cancelled = given(...toConsultation, cancel);
    expect(allowedAt(cancelled, '2019-11-26T00:00:00Z')).toEqual(['ScheduleConsultation']);
  });

  it('offers follow-ups and closing after the consultation, closing only once they are done', () => {
    expect(allowedAt(given(...toConsultation, recordOutcome), '2019-12-04T00:00:00Z')).toEqual([
      'PlanFollowUp',
      'CloseDossier',
    ]);
    expect(allowedAt(given(...toFollowUp), '2019-12-04T09:00:00Z')).toEqual([
      'PlanFollowUp',
      'CompleteFollowUp',
    ]);
    expect(allowedAt(given(...toFollowUp, completeFollowUp), '2019-12-05T09:00:00Z')).toEqual([
      'PlanFollowUp',
      'CloseDossier',
    ]);
    expect(
      allowedAt(given(...toFollowUp, completeFollowUp, close), '2019-12-06T09:00:00Z'),
    ).toEqual([]);
  });

  it('offers nothing on a withdrawn dossier', () => {
    expect(
      allowedAt(given(create, submit, assess('NEEDS_REVIEW'), withdraw), '2019-11-07T00:00:00Z'),
    ).toEqual([]);
  });
});

describe('what is offered is what the decider accepts, filled in with care', () => {
  const moments: [string, Dossier, string][] = [
    ['a draft', given(create), '2019-10-11T00:00:00Z'],
    ['a submitted dossier', given(create, submit), '2019-11-01T08:00:30Z'],
    ['a dossier to review', given(create, submit, assess('NEEDS_REVIEW')), '2019-11-02T00:00:00Z'],
    ['an ineligible dossier', given(create, submit, assess('INELIGIBLE')), '2019-11-02T00:00:00Z'],
    [
      'a dossier asked for clarification',
      given(create, submit, assess('ELIGIBLE'), requestClarification),
      '2019-11-04T09:00:00Z',
    ],
    [
      'a dossier under screening',
      given(create, submit, assess('ELIGIBLE'), startScreening),
      '2019-11-19T00:00:00Z',
    ],
    ['a consultation to come', given(...toConsultation), '2019-12-02T00:00:00Z'],
    ['a consultation begun', given(...toConsultation), '2019-12-03T09:30:00Z'],
    ['a cancelled consultation', given(...toConsultation, cancel), '2019-11-26T00:00:00Z'],
    ['a consulted dossier', given(...toConsultation, recordOutcome), '2019-12-04T00:00:00Z'],
    ['a follow-up open', given(...toFollowUp), '2019-12-04T09:00:00Z'],
    ['every follow-up done', given(...toFollowUp, completeFollowUp), '2019-12-05T09:00:00Z'],
    ['a closed dossier', given(...toFollowUp, completeFollowUp, close), '2019-12-06T09:00:00Z'],
    [
      'a withdrawn dossier',
      given(create, submit, assess('NEEDS_REVIEW'), withdraw),
      '2019-11-07T00:00:00Z',
    ],
  ];

  it.each(moments)('on %s', (_name, dossier, at) => {
    const now = new Date(at);
    const accepted = OPERATOR_COMMANDS.filter((type) => decidable(type, dossier, now));
    expect(allowedOperatorCommands(dossier, now)).toEqual(accepted);
  });
});
