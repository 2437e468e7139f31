// Over 300 lines on purpose: what an operator is offered, checked against the decider at each
// moment of a dossier's life, in one story.
import { decideCampaign, evolveCampaign } from '../campaign/campaign.decider';
import { initialCampaignState, isCampaign } from '../campaign/campaign.state';
import { DomainError } from '../errors/domain-error';
import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { Actor } from '../shared/actor';
import { dossierTermsOf } from './dossier-terms';
import { DossierCommand } from './dossier.commands';
import { decideDossier, evolveDossier } from './dossier.decider';
import { DossierEvent } from './dossier.events';
import {
  allowedOperatorCommands,
  OPERATOR_COMMANDS,
  OperatorCommand,
} from './dossier.operator-commands';
import { Dossier, DossierState, initialDossierState, isDossier } from './dossier.state';

// The reference campaign (2019): deadline 15 Nov 00:00 Paris, consultations from 1 Dec.
const admin: Actor = { id: 'admin-1', role: 'admin' };
const operator: Actor = { id: 'operator-1', role: 'operator' };
const campaign = decideCampaign(
  {
    type: 'CreateCampaign',
    campaignId: referenceCampaign.campaignId,
    definition: referenceCampaign.definition,
    actor: admin,
  },
  initialCampaignState,
  new Date('2019-10-01T08:00:00.000Z'),
).reduce(evolveCampaign, initialCampaignState);
if (!isCampaign(campaign)) throw new Error('The reference campaign was not created.');
const terms = dossierTermsOf(campaign);

type Step = readonly [command: DossierCommand, at: string];

function given(...steps: Step[]): Dossier {
  const events = steps.reduce<DossierEvent[]>((past, [command, at]) => {
    const state: DossierState = past.reduce(evolveDossier, initialDossierState);
    return [...past, ...decideDossier(command, state, new Date(at))];
  }, []);
  const dossier = events.reduce(evolveDossier, initialDossierState);
  if (!isDossier(dossier)) throw new Error('No dossier after these steps.');
  return dossier;
}

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

const create: Step = [
  {
    type: 'CreateDossierDraft',
    campaignId: referenceCampaign.campaignId,
    organisationId: 'cnp-radiologie',
    organisationName: 'CNP de radiologie',
    organisationType: 'CNP',
    profession: 'radiologie',
    terms,
  },
  '2019-10-10T08:00:00.000Z',
];
const submit: Step = [{ type: 'SubmitDossier' }, '2019-11-01T08:00:00.000Z'];
const assess = (decision: 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_REVIEW'): Step => [
  { type: 'RecordEligibility', decision, reasons: ['ELIGIBLE_TYPE'] },
  '2019-11-01T08:01:00.000Z',
];
const requestClarification: Step = [
  {
    type: 'RequestClarification',
    clarificationId: 'precisions-1',
    question: 'Combien de membres ?',
    dueAt: '2019-11-12T17:00:00.000Z',
    actor: operator,
  },
  '2019-11-04T08:00:00.000Z',
];
const answerClarification: Step = [
  { type: 'AnswerClarification', clarificationId: 'precisions-1', answer: 'Douze.' },
  '2019-11-05T08:00:00.000Z',
];
const startScreening: Step = [{ type: 'StartDossierScreening' }, '2019-11-18T08:00:00.000Z'];
const shortlist: Step = [
  { type: 'RecordScreeningResult', result: 'SHORTLISTED', actor: operator },
  '2019-11-20T08:00:00.000Z',
];
const notRetain: Step = [
  { type: 'RecordScreeningResult', result: 'NOT_RETAINED', actor: operator },
  '2019-11-20T08:00:00.000Z',
];
const schedule: Step = [
  {
    type: 'ScheduleConsultation',
    consultationId: 'consultation-1',
    startsAt: '2019-12-03T09:00:00.000Z',
    endsAt: '2019-12-03T10:00:00.000Z',
    place: 'Ségur',
    actor: operator,
  },
  '2019-11-22T08:00:00.000Z',
];
const cancel: Step = [
  { type: 'CancelConsultation', reason: 'Empêchement.', actor: operator },
  '2019-11-25T08:00:00.000Z',
];
const recordOutcome: Step = [
  {
    type: 'RecordConsultationOutcome',
    summary: 'Besoin de bases annotées.',
    supportFormIds: ['bases-ouvertes'],
    actor: operator,
  },
  '2019-12-03T10:00:00.000Z',
];
const planFollowUp: Step = [
  {
    type: 'PlanFollowUp',
    followUpId: 'convention-1',
    title: 'Convention de données',
    owner: 'DNS',
    dueAt: '2019-12-20T17:00:00.000Z',
    actor: operator,
  },
  '2019-12-04T08:00:00.000Z',
];
const completeFollowUp: Step = [
  { type: 'CompleteFollowUp', followUpId: 'convention-1', actor: operator },
  '2019-12-05T08:00:00.000Z',
];
const close: Step = [{ type: 'CloseDossier', actor: operator }, '2019-12-06T08:00:00.000Z'];
const withdraw: Step = [
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
    const scheduled = given(
      create,
      submit,
      assess('ELIGIBLE'),
      startScreening,
      shortlist,
      schedule,
    );
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
    const cancelled = given(
      create,
      submit,
      assess('ELIGIBLE'),
      startScreening,
      shortlist,
      schedule,
      cancel,
    );
    expect(allowedAt(cancelled, '2019-11-26T00:00:00Z')).toEqual(['ScheduleConsultation']);
  });

  it('offers follow-ups and closing after the consultation, closing only once they are done', () => {
    const path = [create, submit, assess('ELIGIBLE'), startScreening, shortlist, schedule] as const;
    expect(allowedAt(given(...path, recordOutcome), '2019-12-04T00:00:00Z')).toEqual([
      'PlanFollowUp',
      'CloseDossier',
    ]);
    expect(allowedAt(given(...path, recordOutcome, planFollowUp), '2019-12-04T09:00:00Z')).toEqual([
      'PlanFollowUp',
      'CompleteFollowUp',
    ]);
    expect(
      allowedAt(
        given(...path, recordOutcome, planFollowUp, completeFollowUp),
        '2019-12-05T09:00:00Z',
      ),
    ).toEqual(['PlanFollowUp', 'CloseDossier']);
    expect(
      allowedAt(
        given(...path, recordOutcome, planFollowUp, completeFollowUp, close),
        '2019-12-06T09:00:00Z',
      ),
    ).toEqual([]);
  });

  it('offers nothing on a withdrawn dossier', () => {
    expect(
      allowedAt(given(create, submit, assess('NEEDS_REVIEW'), withdraw), '2019-11-07T00:00:00Z'),
    ).toEqual([]);
  });
});

describe('what is offered is what the decider accepts, filled in with care', () => {
  const path = [create, submit, assess('ELIGIBLE'), startScreening, shortlist, schedule] as const;
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
    ['a consultation to come', given(...path), '2019-12-02T00:00:00Z'],
    ['a consultation begun', given(...path), '2019-12-03T09:30:00Z'],
    [
      'a cancelled consultation',
      given(create, submit, assess('ELIGIBLE'), startScreening, shortlist, schedule, cancel),
      '2019-11-26T00:00:00Z',
    ],
    ['a consulted dossier', given(...path, recordOutcome), '2019-12-04T00:00:00Z'],
    ['a follow-up open', given(...path, recordOutcome, planFollowUp), '2019-12-04T09:00:00Z'],
    [
      'every follow-up done',
      given(...path, recordOutcome, planFollowUp, completeFollowUp),
      '2019-12-05T09:00:00Z',
    ],
    [
      'a closed dossier',
      given(...path, recordOutcome, planFollowUp, completeFollowUp, close),
      '2019-12-06T09:00:00Z',
    ],
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
