// The dossier's rules as a specification, one file on purpose (over 300 lines): read from top to
// bottom it is the whole of them, grouped by the part of the dossier's life each governs.
import { decideCampaign, evolveCampaign } from '../campaign/campaign.decider';
import { initialCampaignState, isCampaign } from '../campaign/campaign.state';
import { DomainErrorCode } from '../errors/domain-error-code';
import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { Actor } from '../shared/actor';
import { DossierCampaignTerms, dossierTermsOf } from './dossier-terms';
import { CreateDossierDraft, DossierCommand } from './dossier.commands';
import { specification } from '../testing/decider-specification';
import { dossierDecider, dossierEventInstant } from './dossier.decider';
import { DossierDraftCreated, DossierEvent, DossierEventType } from './dossier.events';
import { dossierReminderRelevance, pendingDossierReminders } from './dossier.reminders';
import { Dossier, isDossier, nextDeadline } from './dossier.state';

// ---------------------------------------------------------------------------------------------
// The reference campaign (2019 health data & AI AMI), as a dossier sees it.
// Deadline: 15 Nov 2019 00:00 Paris = 14 Nov 23:00 UTC; consultations from 1 Dec 00:00 Paris.

const admin: Actor = { id: 'admin-1', role: 'admin' };
const operator: Actor = { id: 'operator-1', role: 'operator' };

function referenceTerms(): DossierCampaignTerms {
  const { campaignId, definition } = referenceCampaign;
  const created = decideCampaign(
    { type: 'CreateCampaign', campaignId, definition, actor: admin },
    initialCampaignState,
    new Date('2019-10-01T08:00:00.000Z'),
  );
  const campaign = created.reduce(evolveCampaign, initialCampaignState);
  if (!isCampaign(campaign)) throw new Error('The reference campaign was not created.');
  return dossierTermsOf(campaign);
}

const terms = referenceTerms();
const DEADLINE = '2019-11-14T23:00:00.000Z';
const CONSULTATIONS_START = '2019-11-30T23:00:00.000Z';
const J_MINUS_7 = '2019-11-08T08:00:00.000Z';
const J_MINUS_1 = '2019-11-14T08:00:00.000Z';

/** `iso` shifted by some seconds (negative: earlier), as a canonical instant. */
function shifted(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString();
}

// ---------------------------------------------------------------------------------------------
// Given / when / then (testing/decider-specification.ts): histories are events.

type Step = readonly [command: DossierCommand, at: string];

const { given, recorded } = specification(dossierDecider);

/** A step's command and its instant, as `when` takes them. */
function timed([command, at]: Step): [DossierCommand, { at: string }] {
  return [command, { at }];
}

/** The events a run of commands records: a history told by the commands that made it. */
function history(...steps: Step[]): DossierEvent[] {
  return recorded(...steps.map(timed));
}

/** `past` carried on by more commands: its events, then those `steps` record after them. */
function continued(past: readonly DossierEvent[], ...steps: Step[]): DossierEvent[] {
  return steps.reduce<DossierEvent[]>(
    (events, step) => [...events, ...decided(events, step)],
    [...past],
  );
}

/** Expects `step`, after `past`, refused with `code`, and nothing decided: the specs' usual refusal. */
function refused(past: readonly DossierEvent[], step: Step, code: DomainErrorCode): void {
  given(past)
    .when(...timed(step))
    .then(code);
}

/** The events `step` decides after `past`; fails if it is refused. */
function decided(past: readonly DossierEvent[], step: Step): DossierEvent[] {
  return given(past)
    .when(...timed(step))
    .events();
}

/** The dossier these events fold into. */
function dossierOf(events: readonly DossierEvent[]): Dossier {
  const state = given(events).state();
  if (!isDossier(state)) throw new Error('No dossier after these events.');
  return state;
}

// ---------------------------------------------------------------------------------------------
// The usual path of a dossier, one step at a time.

const CREATED_AT = '2019-10-10T08:00:00.000Z';
const SAVED_AT = '2019-10-20T08:00:00.000Z';
const SUBMITTED_AT = '2019-11-01T08:00:00.000Z';
const ASSESSED_AT = '2019-11-01T08:01:00.000Z';
const SCREENING_AT = '2019-11-18T08:00:00.000Z';
const SCREENED_AT = '2019-11-20T08:00:00.000Z';
const SCHEDULED_AT = '2019-11-22T08:00:00.000Z';
const CONSULTATION_STARTS = '2019-12-03T09:00:00.000Z';
const CONSULTATION_ENDS = '2019-12-03T10:00:00.000Z';
const CONSULTED_AT = '2019-12-03T10:00:00.000Z';
const PLANNED_AT = '2019-12-04T08:00:00.000Z';
const FOLLOW_UP_DUE = '2019-12-20T17:00:00.000Z';

const createDraft: CreateDossierDraft = {
  type: 'CreateDossierDraft',
  campaignId: 'ami-sante-ia-2019',
  organisationId: 'cnp-radiologie',
  organisationName: '  Conseil national professionnel de radiologie ',
  organisationType: 'CNP',
  profession: ' radiologie ',
  terms,
};

const create: Step = [createDraft, CREATED_AT];
const saveSome: Step = [
  {
    type: 'SaveAnswers',
    answers: { organisation: 'Le CNP fédère 12 sociétés savantes.', freins: 'Accès aux données.' },
  },
  SAVED_AT,
];
const submit: Step = [{ type: 'SubmitDossier' }, SUBMITTED_AT];
const assess = (decision: 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_REVIEW', reasons: string[]): Step => [
  { type: 'RecordEligibility', decision, reasons },
  ASSESSED_AT,
];
const assessEligible = assess('ELIGIBLE', ['ELIGIBLE_TYPE']);
const startScreening: Step = [{ type: 'StartDossierScreening' }, SCREENING_AT];
const screen = (result: 'SHORTLISTED' | 'NOT_RETAINED'): Step => [
  { type: 'RecordScreeningResult', result, note: ' Contribution solide. ', actor: operator },
  SCREENED_AT,
];
const schedule = (
  startsAt = CONSULTATION_STARTS,
  endsAt = CONSULTATION_ENDS,
  at = SCHEDULED_AT,
  consultationId = 'consultation-1',
): Step => [
  {
    type: 'ScheduleConsultation',
    consultationId,
    startsAt,
    endsAt,
    place: ' Ségur ',
    actor: operator,
  },
  at,
];
const recordOutcome: Step = [
  {
    type: 'RecordConsultationOutcome',
    summary: ' Besoin de bases annotées. ',
    supportFormIds: ['bases-ouvertes', 'challenges', 'bases-ouvertes'],
    actor: operator,
  },
  CONSULTED_AT,
];
const planFollowUp = (followUpId = 'follow-up-1', dueAt = FOLLOW_UP_DUE): Step => [
  {
    type: 'PlanFollowUp',
    followUpId,
    title: ' Envoyer la note de cadrage ',
    owner: ' operator-1 ',
    dueAt,
    actor: operator,
  },
  PLANNED_AT,
];
const completeFollowUp = (followUpId = 'follow-up-1', at = PLANNED_AT): Step => [
  { type: 'CompleteFollowUp', followUpId, actor: operator },
  at,
];
const requestClarification = (
  at: string,
  dueAt: string,
  clarificationId = 'clarification-1',
): Step => [
  {
    type: 'RequestClarification',
    clarificationId,
    question: ' Combien de membres ont répondu ? ',
    dueAt,
    actor: operator,
  },
  at,
];

// The usual path's stages, each one the stage before it and its next step.
const draft = () => history(create);
const submitted = () => history(create, saveSome, submit);
const eligible = () => continued(submitted(), assessEligible);
const underScreening = () => continued(eligible(), startScreening);
const shortlisted = () => continued(underScreening(), screen('SHORTLISTED'));
const consultationScheduled = () => continued(shortlisted(), schedule());
const consulted = () => continued(consultationScheduled(), recordOutcome);
const inFollowUp = () => continued(consulted(), planFollowUp());
const followUpsDone = () => continued(inFollowUp(), completeFollowUp());
const notRetained = () => continued(underScreening(), screen('NOT_RETAINED'));
const withdrawn = () => history(create, [{ type: 'WithdrawDossier' }, SAVED_AT]);

/** Completeness of the reference questionnaire (9 sections, 5 required) after `saveSome`. */
const SOME_ANSWERED = {
  answeredSections: 2,
  totalSections: 9,
  answeredRequired: 2,
  totalRequired: 5,
  missingRequiredSectionIds: ['usages-actuels', 'leviers', 'propositions'],
  percent: 22,
};

// ---------------------------------------------------------------------------------------------

describe('the dossier terms of the reference campaign', () => {
  it('carry its deadline, its consultation date, its sections and only its dossier reminders', () => {
    expect(terms.timeZone).toBe('Europe/Paris');
    expect(terms.submissionDeadline).toBe(DEADLINE);
    expect(terms.consultationsStartAt).toBe(CONSULTATIONS_START);
    expect(terms.sections).toHaveLength(9);
    expect(terms.supportFormIds).toHaveLength(7);
    expect(terms.reminders.map((rule) => rule.id)).toEqual([
      'depot-j-7',
      'depot-j-1',
      'precisions-j-2',
      'consultation-veille',
      'suivi-j-3',
    ]);
  });
});

describe('Submission: a dossier is drafted, saved and submitted before the deadline, or withdrawn, or expires', () => {
  describe('any command but CreateDossierDraft', () => {
    it('is refused when the dossier does not exist', () => {
      refused([], submit, DomainErrorCode.DOSSIER_NOT_FOUND);
    });
  });

  describe('CreateDossierDraft', () => {
    /** The draft `create` records: name and profession trimmed, the rest as given. */
    const draftAsRecorded: Omit<DossierDraftCreated['data'], 'createdAt'> = {
      campaignId: 'ami-sante-ia-2019',
      organisationId: 'cnp-radiologie',
      organisationName: 'Conseil national professionnel de radiologie',
      organisationType: 'CNP',
      profession: 'radiologie',
      terms,
    };

    it('records the draft with trimmed name and profession, its type, its terms and its instant', () => {
      given([])
        .when(...timed(create))
        .then([
          {
            type: 'DossierDraftCreated',
            data: {
              ...draftAsRecorded,
              createdAt: CREATED_AT,
            },
          },
        ]);
    });

    it('folds into an empty draft whose completeness counts every section as missing', () => {
      expect(dossierOf(draft())).toEqual({
        status: 'DRAFT',
        ...draftAsRecorded,
        answers: {},
        completeness: {
          answeredSections: 0,
          totalSections: 9,
          answeredRequired: 0,
          totalRequired: 5,
          missingRequiredSectionIds: [
            'organisation',
            'usages-actuels',
            'freins',
            'leviers',
            'propositions',
          ],
          percent: 0,
        },
        createdAt: CREATED_AT,
        clarifications: [],
        followUps: [],
        issuedReminders: [],
        unavailability: [],
        lastChangedAt: CREATED_AT,
      });
    });

    it('records no profession when none or a blank one is given', () => {
      const [event] = given([])
        .when({ ...createDraft, profession: '  ' }, { at: CREATED_AT })
        .events();
      expect(event.data).toMatchObject({ profession: null });
      const [withoutProfession] = given([])
        .when({ ...createDraft, profession: undefined }, { at: CREATED_AT })
        .events();
      expect(withoutProfession.data).toMatchObject({ profession: null });
    });

    it('refuses a second draft for the same organisation in the same campaign', () => {
      refused(draft(), create, DomainErrorCode.DOSSIER_ALREADY_EXISTS);
    });

    it('refuses a blank organisation name', () => {
      const blank: Step = [{ ...createDraft, organisationName: '   ' }, CREATED_AT];
      refused([], blank, DomainErrorCode.INVALID_COMMAND);
    });

    it('accepts a draft one second before the deadline and refuses one at the deadline', () => {
      expect(
        given([])
          .when(createDraft, { at: shifted(DEADLINE, -1) })
          .events(),
      ).toHaveLength(1);
      given([])
        .when(createDraft, { at: DEADLINE })
        .then(DomainErrorCode.SUBMISSION_DEADLINE_PASSED);
    });
  });

  describe('SaveAnswers', () => {
    it('tells an expired draft saving answers that the deadline has passed', () => {
      const expired = history(create, [{ type: 'ExpireDraft' }, DEADLINE]);
      given(expired)
        .when(saveSome[0], { at: shifted(DEADLINE, 60) })
        .then(DomainErrorCode.SUBMISSION_DEADLINE_PASSED);
    });

    it('records the changed answers with the completeness they lead to', () => {
      given(draft())
        .when(...timed(saveSome))
        .then([
          {
            type: 'DossierAnswersSaved',
            data: {
              answers: {
                organisation: 'Le CNP fédère 12 sociétés savantes.',
                freins: 'Accès aux données.',
              },
              completeness: SOME_ANSWERED,
              savedAt: SAVED_AT,
              amendment: false,
            },
          },
        ]);
      const dossier = history(create, saveSome);
      expect(dossierOf(dossier).answers).toEqual({
        organisation: 'Le CNP fédère 12 sociétés savantes.',
        freins: 'Accès aux données.',
      });
      expect(dossierOf(dossier).completeness).toEqual(SOME_ANSWERED);
      expect(dossierOf(dossier).lastChangedAt).toBe(SAVED_AT);
    });

    it('records only the answers that changed', () => {
      const events = given(history(create, saveSome))
        .when(
          {
            type: 'SaveAnswers',
            answers: { organisation: 'Le CNP fédère 12 sociétés savantes.', leviers: 'Formation.' },
          },
          { at: '2019-10-21T08:00:00.000Z' },
        )
        .events();
      expect(events).toHaveLength(1);
      expect(events[0].data).toMatchObject({ answers: { leviers: 'Formation.' } });
    });

    it('clears an answer saved as blank text, which lowers completeness', () => {
      const cleared: Step = [
        { type: 'SaveAnswers', answers: { freins: '  ' } },
        '2019-10-21T08:00:00.000Z',
      ];
      const dossier = history(create, saveSome, cleared);
      expect(dossierOf(dossier).answers).toEqual({
        organisation: 'Le CNP fédère 12 sociétés savantes.',
      });
      expect(dossierOf(dossier).completeness).toMatchObject({
        answeredSections: 1,
        missingRequiredSectionIds: ['usages-actuels', 'freins', 'leviers', 'propositions'],
        percent: 11,
      });
    });

    it('records nothing when the answers are unchanged', () => {
      given(history(create, saveSome))
        .when(...timed(saveSome))
        .then([]);
    });

    it('records nothing when blank text is saved for a section that has no answer', () => {
      const blank: Step = [{ type: 'SaveAnswers', answers: { leviers: ' ' } }, SAVED_AT];
      given(draft())
        .when(...timed(blank))
        .then([]);
    });

    it('refuses an answer to a section the questionnaire does not have', () => {
      const unknown: Step = [
        { type: 'SaveAnswers', answers: { organisation: 'Texte', budget: '1 M€' } },
        SAVED_AT,
      ];
      refused(draft(), unknown, DomainErrorCode.UNKNOWN_SECTION);
    });

    it('records an amendment of a submitted dossier before the deadline', () => {
      const amend: Step = [
        { type: 'SaveAnswers', answers: { leviers: 'Formation initiale.' } },
        shifted(DEADLINE, -1),
      ];
      const events = decided(submitted(), amend);
      expect(events).toEqual([
        {
          type: 'DossierAnswersSaved',
          data: {
            answers: { leviers: 'Formation initiale.' },
            completeness: {
              ...SOME_ANSWERED,
              answeredSections: 3,
              answeredRequired: 3,
              missingRequiredSectionIds: ['usages-actuels', 'propositions'],
              percent: 33,
            },
            savedAt: shifted(DEADLINE, -1),
            amendment: true,
          },
        },
      ]);
      const dossier = [...submitted(), ...events];
      expect(dossierOf(dossier).status).toBe('SUBMITTED');
      expect(dossierOf(dossier).answers).toMatchObject({ leviers: 'Formation initiale.' });
    });

    it('also amends a dossier whose eligibility was already assessed, before the deadline', () => {
      const amend: Step = [
        { type: 'SaveAnswers', answers: { leviers: 'Formation.' } },
        ASSESSED_AT,
      ];
      expect(
        given(eligible())
          .when(...timed(amend))
          .events()[0].data,
      ).toMatchObject({ amendment: true });
    });

    it('refuses an amendment at the deadline', () => {
      const late: Step = [{ type: 'SaveAnswers', answers: { leviers: 'Formation.' } }, DEADLINE];
      refused(submitted(), late, DomainErrorCode.SUBMISSION_DEADLINE_PASSED);
    });

    it('refuses to change a draft at the deadline', () => {
      const late: Step = [{ type: 'SaveAnswers', answers: { leviers: 'Formation.' } }, DEADLINE];
      refused(draft(), late, DomainErrorCode.SUBMISSION_DEADLINE_PASSED);
    });

    it('refuses to change a dossier under screening: its status, not the date, says why', () => {
      // The screening starts at the deadline: before it, a dossier cannot be under screening.
      const change: Step = [
        { type: 'SaveAnswers', answers: { leviers: 'Formation.' } },
        shifted(SCREENING_AT, 60),
      ];
      refused(underScreening(), change, DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });

  describe('SubmitDossier', () => {
    it('accepts an incomplete dossier and records its completeness: completeness never refuses', () => {
      const events = decided(history(create, saveSome), submit);
      expect(events).toEqual([
        {
          type: 'DossierSubmitted',
          data: { submittedAt: SUBMITTED_AT, completeness: SOME_ANSWERED },
        },
      ]);
      expect(dossierOf([...history(create, saveSome), ...events])).toMatchObject({
        status: 'SUBMITTED',
        submittedAt: SUBMITTED_AT,
        lastChangedAt: SUBMITTED_AT,
      });
    });

    it('accepts an empty dossier', () => {
      expect(
        given(draft())
          .when(...timed(submit))
          .events()[0].data,
      ).toMatchObject({ completeness: { percent: 0 } });
    });

    it('accepts a submission one second before the deadline', () => {
      const lastSecond = shifted(DEADLINE, -1);
      given(draft())
        .when({ type: 'SubmitDossier' }, { at: lastSecond })
        .then([
          {
            type: 'DossierSubmitted',
            data: { submittedAt: lastSecond, completeness: dossierOf(draft()).completeness },
          },
        ]);
    });

    it('refuses a submission exactly at the deadline', () => {
      given(draft())
        .when({ type: 'SubmitDossier' }, { at: DEADLINE })
        .then(DomainErrorCode.SUBMISSION_DEADLINE_PASSED);
    });

    it('tells an expired draft that the deadline has passed, not that the dossier is closed', () => {
      const expired = history(create, [{ type: 'ExpireDraft' }, DEADLINE]);
      const late: Step = [{ type: 'SubmitDossier' }, shifted(DEADLINE, 2)];
      refused(expired, late, DomainErrorCode.SUBMISSION_DEADLINE_PASSED);
      expect(
        given(expired)
          .when(...timed(late))
          .refusal().message,
      ).toMatch(/étaient à déposer avant le/);
    });

    it('refuses to submit a dossier twice', () => {
      refused(submitted(), submit, DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });

  describe('WithdrawDossier', () => {
    const WITHDRAWN_AT = '2019-11-19T08:00:00.000Z';
    const withdraw: Step = [
      { type: 'WithdrawDossier', reason: ' Fusion avec un autre CNP. ' },
      WITHDRAWN_AT,
    ];

    it.each([
      ['DRAFT', draft],
      ['SUBMITTED', submitted],
      [
        'NEEDS_REVIEW',
        () => history(create, submit, assess('NEEDS_REVIEW', ['CONDITION_UNKNOWN'])),
      ],
      ['ELIGIBLE', eligible],
      ['INELIGIBLE', () => history(create, submit, assess('INELIGIBLE', ['TYPE_NOT_ELIGIBLE']))],
      ['UNDER_SCREENING', underScreening],
    ])('withdraws a dossier that is %s, with the trimmed reason', (status, state) => {
      expect(dossierOf(state()).status).toBe(status);
      const events = decided(state(), withdraw);
      expect(events).toEqual([
        {
          type: 'DossierWithdrawn',
          data: { reason: 'Fusion avec un autre CNP.', withdrawnAt: WITHDRAWN_AT },
        },
      ]);
      expect(dossierOf([...state(), ...events])).toMatchObject({
        status: 'WITHDRAWN',
        lastChangedAt: WITHDRAWN_AT,
      });
    });

    it('records no reason when none is given', () => {
      expect(
        given(draft()).when({ type: 'WithdrawDossier' }, { at: WITHDRAWN_AT }).events()[0].data,
      ).toEqual({
        reason: null,
        withdrawnAt: WITHDRAWN_AT,
      });
    });

    it.each([
      ['SHORTLISTED', shortlisted],
      ['NOT_RETAINED', notRetained],
      ['CONSULTATION_SCHEDULED', consultationScheduled],
      ['CONSULTED', consulted],
      ['WITHDRAWN', withdrawn],
    ])('refuses to withdraw a dossier that is %s: screening has ended', (status, state) => {
      expect(dossierOf(state()).status).toBe(status);
      refused(state(), withdraw, DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });

  describe('ExpireDraft', () => {
    const expire = (at: string): Step => [{ type: 'ExpireDraft' }, at];

    it('expires a draft at the deadline', () => {
      const events = decided(draft(), expire(DEADLINE));
      expect(events).toEqual([{ type: 'DossierExpired', data: { expiredAt: DEADLINE } }]);
      expect(dossierOf([...draft(), ...events])).toMatchObject({
        status: 'EXPIRED',
        lastChangedAt: DEADLINE,
      });
    });

    it('refuses to expire a draft before the deadline', () => {
      refused(draft(), expire(shifted(DEADLINE, -1)), DomainErrorCode.TOO_EARLY);
    });

    it('refuses to expire a submitted dossier', () => {
      refused(submitted(), expire(DEADLINE), DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });
});

describe('Eligibility: the automatic check decides, an operator may decide otherwise with a reason', () => {
  describe('RecordEligibility', () => {
    it.each([
      ['ELIGIBLE', ['ELIGIBLE_TYPE']],
      ['INELIGIBLE', ['TYPE_NOT_ELIGIBLE']],
      ['NEEDS_REVIEW', ['CONDITION_UNKNOWN']],
    ] as const)('records an automatic %s decision as the status', (decision, reasons) => {
      const events = decided(submitted(), assess(decision, [...reasons]));
      expect(events).toEqual([
        {
          type: 'DossierEligibilityAssessed',
          data: { decision, reasons: [...reasons], assessedAt: ASSESSED_AT },
        },
      ]);
      expect(dossierOf([...submitted(), ...events])).toMatchObject({
        status: decision,
        eligibility: { decision, reasons },
        lastChangedAt: ASSESSED_AT,
      });
    });

    it('refuses to assess a draft', () => {
      refused(draft(), assessEligible, DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });

    it('refuses to assess a dossier twice', () => {
      refused(eligible(), assessEligible, DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });

  describe('OverrideEligibility', () => {
    const OVERRIDDEN_AT = '2019-11-05T10:00:00.000Z';
    const override = (
      decision: 'ELIGIBLE' | 'INELIGIBLE',
      reason = ' Pas de CNP pour cette profession. ',
    ): Step => [{ type: 'OverrideEligibility', decision, reason, actor: operator }, OVERRIDDEN_AT];
    const needsReview = () =>
      history(create, saveSome, submit, assess('NEEDS_REVIEW', ['CONDITION_UNKNOWN']));

    it('lets an operator decide a dossier the check could not, recording who and why', () => {
      const events = decided(needsReview(), override('ELIGIBLE'));
      expect(events).toEqual([
        {
          type: 'DossierEligibilityOverridden',
          data: {
            decision: 'ELIGIBLE',
            previous: 'NEEDS_REVIEW',
            reason: 'Pas de CNP pour cette profession.',
            by: operator,
            overriddenAt: OVERRIDDEN_AT,
          },
        },
      ]);
      expect(dossierOf([...needsReview(), ...events])).toMatchObject({
        status: 'ELIGIBLE',
        eligibility: {
          decision: 'ELIGIBLE',
          reasons: ['CONDITION_UNKNOWN'],
          overriddenBy: operator,
          overrideReason: 'Pas de CNP pour cette profession.',
        },
        lastChangedAt: OVERRIDDEN_AT,
      });
    });

    it('lets an operator reverse an automatic decision', () => {
      const [event] = decided(eligible(), override('INELIGIBLE'));
      expect(event.data).toMatchObject({ decision: 'INELIGIBLE', previous: 'ELIGIBLE' });
      expect(dossierOf([...eligible(), event]).status).toBe('INELIGIBLE');
    });

    it('refuses an override without a reason', () => {
      refused(needsReview(), override('ELIGIBLE', '   '), DomainErrorCode.INVALID_COMMAND);
    });

    it('refuses an override to the decision already in force', () => {
      refused(eligible(), override('ELIGIBLE'), DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });

    it('refuses an override before the automatic check', () => {
      refused(submitted(), override('ELIGIBLE'), DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });

    it('refuses an override once screening has started', () => {
      refused(underScreening(), override('INELIGIBLE'), DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });
});

describe('Screening: an eligible dossier is examined once its deadline has passed', () => {
  describe('StartDossierScreening', () => {
    it('puts an eligible dossier under screening', () => {
      const events = decided(eligible(), startScreening);
      expect(events).toEqual([
        { type: 'DossierScreeningStarted', data: { startedAt: SCREENING_AT } },
      ]);
      expect(dossierOf([...eligible(), ...events])).toMatchObject({
        status: 'UNDER_SCREENING',
        lastChangedAt: SCREENING_AT,
      });
    });

    it('refuses to start the screening before the deadline, while the dossier may still be amended', () => {
      const early: Step = [{ type: 'StartDossierScreening' }, shifted(DEADLINE, -1)];
      refused(eligible(), early, DomainErrorCode.TOO_EARLY);
      expect(
        given(eligible()).when({ type: 'StartDossierScreening' }, { at: DEADLINE }).events(),
      ).toHaveLength(1);
    });

    it.each([
      ['submitted', submitted],
      [
        'awaiting review',
        () => history(create, submit, assess('NEEDS_REVIEW', ['CONDITION_UNKNOWN'])),
      ],
      ['ineligible', () => history(create, submit, assess('INELIGIBLE', ['TYPE_NOT_ELIGIBLE']))],
      ['already under screening', underScreening],
    ])('refuses to screen a dossier %s', (_label, state) => {
      refused(state(), startScreening, DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });

  describe('RecordScreeningResult', () => {
    it('shortlists a dossier with the trimmed note and the operator', () => {
      const events = decided(underScreening(), screen('SHORTLISTED'));
      expect(events).toEqual([
        {
          type: 'DossierScreened',
          data: {
            result: 'SHORTLISTED',
            note: 'Contribution solide.',
            by: operator,
            screenedAt: SCREENED_AT,
          },
        },
      ]);
      expect(dossierOf([...underScreening(), ...events])).toMatchObject({
        status: 'SHORTLISTED',
        screening: { result: 'SHORTLISTED', note: 'Contribution solide.' },
      });
    });

    it('does not retain a dossier, recording no note when none is given', () => {
      const events = given(underScreening())
        .when(
          { type: 'RecordScreeningResult', result: 'NOT_RETAINED', actor: operator },
          { at: SCREENED_AT },
        )
        .events();
      expect(events[0].data).toMatchObject({ result: 'NOT_RETAINED', note: null });
      expect(dossierOf([...underScreening(), ...events]).status).toBe('NOT_RETAINED');
    });

    it('refuses a result for a dossier not under screening', () => {
      refused(eligible(), screen('SHORTLISTED'), DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });
});

describe('Clarification: one question at a time, answered before its due date or lapsed', () => {
  describe('the clarification loop', () => {
    const REQUESTED_AT = '2019-11-19T08:00:00.000Z';
    const DUE_AT = '2019-11-26T17:00:00.000Z';
    const request = requestClarification(REQUESTED_AT, DUE_AT);
    const answer = (
      at: string,
      clarificationId = 'clarification-1',
      text = ' 84 % des membres. ',
    ): Step => [{ type: 'AnswerClarification', clarificationId, answer: text }, at];
    const lapse = (at: string, clarificationId = 'clarification-1'): Step => [
      { type: 'LapseClarification', clarificationId },
      at,
    ];
    const awaitingAnswer = () => continued(underScreening(), request);

    describe('RequestClarification', () => {
      it('records the question, its due date and the operator, and opens the request', () => {
        const events = decided(underScreening(), request);
        expect(events).toEqual([
          {
            type: 'ClarificationRequested',
            data: {
              clarificationId: 'clarification-1',
              question: 'Combien de membres ont répondu ?',
              dueAt: DUE_AT,
              by: operator,
              requestedAt: REQUESTED_AT,
            },
          },
        ]);
        expect(dossierOf([...underScreening(), ...events])).toMatchObject({
          status: 'UNDER_SCREENING',
          clarifications: [
            {
              clarificationId: 'clarification-1',
              question: 'Combien de membres ont répondu ?',
              dueAt: DUE_AT,
              requestedBy: operator,
              requestedAt: REQUESTED_AT,
            },
          ],
        });
      });

      it('may be asked as soon as the dossier is submitted', () => {
        expect(
          given(submitted())
            .when(...timed(requestClarification(SUBMITTED_AT, DUE_AT)))
            .events(),
        ).toHaveLength(1);
      });

      it('refuses a second request while one is open', () => {
        const second = requestClarification(REQUESTED_AT, DUE_AT, 'clarification-2');
        refused(awaitingAnswer(), second, DomainErrorCode.CLARIFICATION_ALREADY_OPEN);
      });

      it('accepts a new request once the previous one is answered, but not under the same id', () => {
        const answered = history(
          create,
          submit,
          assessEligible,
          startScreening,
          request,
          answer('2019-11-20T08:00:00.000Z'),
        );
        const later = '2019-11-21T08:00:00.000Z';
        expect(
          given(answered)
            .when(...timed(requestClarification(later, '2019-11-28T17:00:00.000Z', 'c-2')))
            .events(),
        ).toHaveLength(1);
        refused(
          answered,
          requestClarification(later, '2019-11-28T17:00:00.000Z'),
          DomainErrorCode.INVALID_COMMAND,
        );
      });

      it('refuses a blank question', () => {
        const blank: Step = [
          {
            type: 'RequestClarification',
            clarificationId: 'clarification-1',
            question: ' ',
            dueAt: DUE_AT,
            actor: operator,
          },
          REQUESTED_AT,
        ];
        refused(underScreening(), blank, DomainErrorCode.INVALID_COMMAND);
      });

      it.each([
        ['now', REQUESTED_AT],
        ['in the past', '2019-11-18T08:00:00.000Z'],
        ['not an instant', '26/11/2019'],
      ])('refuses a due date %s', (_label, dueAt) => {
        refused(
          underScreening(),
          requestClarification(REQUESTED_AT, dueAt),
          DomainErrorCode.INVALID_COMMAND,
        );
      });

      it.each([
        ['a draft', draft],
        ['a shortlisted dossier', shortlisted],
      ])('refuses a request on %s', (_label, state) => {
        refused(state(), request, DomainErrorCode.TRANSITION_NOT_ALLOWED);
      });
    });

    describe('AnswerClarification', () => {
      it('records the trimmed answer before the due date and closes the request', () => {
        const beforeDue = shifted(DUE_AT, -1);
        const events = decided(awaitingAnswer(), answer(beforeDue));
        expect(events).toEqual([
          {
            type: 'ClarificationAnswered',
            data: {
              clarificationId: 'clarification-1',
              answer: '84 % des membres.',
              answeredAt: beforeDue,
            },
          },
        ]);
        const dossier = [...awaitingAnswer(), ...events];
        expect(dossierOf(dossier).clarifications[0]).toMatchObject({
          answer: '84 % des membres.',
          answeredAt: beforeDue,
        });
        expect(nextDeadline(dossierOf(dossier))).toBeUndefined();
      });

      it('refuses an answer at the due date', () => {
        refused(awaitingAnswer(), answer(DUE_AT), DomainErrorCode.CLARIFICATION_OVERDUE);
      });

      it('refuses an answer to another request than the open one', () => {
        refused(
          awaitingAnswer(),
          answer(REQUESTED_AT, 'clarification-9'),
          DomainErrorCode.CLARIFICATION_NOT_FOUND,
        );
      });

      it('refuses an answer when no request is open', () => {
        refused(underScreening(), answer(REQUESTED_AT), DomainErrorCode.CLARIFICATION_NOT_FOUND);
      });

      it('refuses an answer to a request already answered', () => {
        const answered = continued(awaitingAnswer(), answer(REQUESTED_AT));
        refused(answered, answer(REQUESTED_AT), DomainErrorCode.CLARIFICATION_NOT_FOUND);
      });

      it('refuses a blank answer', () => {
        refused(
          awaitingAnswer(),
          answer(REQUESTED_AT, 'clarification-1', ' '),
          DomainErrorCode.INVALID_COMMAND,
        );
      });
    });

    describe('LapseClarification', () => {
      it('lapses an unanswered request at its due date', () => {
        const events = decided(awaitingAnswer(), lapse(DUE_AT));
        expect(events).toEqual([
          {
            type: 'ClarificationLapsed',
            data: { clarificationId: 'clarification-1', lapsedAt: DUE_AT },
          },
        ]);
        const dossier = [...awaitingAnswer(), ...events];
        expect(dossierOf(dossier).clarifications[0]).toMatchObject({ lapsedAt: DUE_AT });
        expect(dossierOf(dossier).clarifications[0].answeredAt).toBeUndefined();
        refused(dossier, answer(DUE_AT), DomainErrorCode.CLARIFICATION_NOT_FOUND);
      });

      it('refuses to lapse a request before its due date', () => {
        refused(awaitingAnswer(), lapse(shifted(DUE_AT, -1)), DomainErrorCode.TOO_EARLY);
      });

      it('refuses to lapse a request that is not open', () => {
        refused(
          awaitingAnswer(),
          lapse(DUE_AT, 'clarification-9'),
          DomainErrorCode.CLARIFICATION_NOT_FOUND,
        );
        refused(underScreening(), lapse(DUE_AT), DomainErrorCode.CLARIFICATION_NOT_FOUND);
      });
    });
  });
});

describe('Consultation: a shortlisted organisation is met, at a date fixed after the consultations start', () => {
  describe('ScheduleConsultation', () => {
    it('schedules the first consultation as revision 1', () => {
      const events = decided(shortlisted(), schedule());
      expect(events).toEqual([
        {
          type: 'ConsultationScheduled',
          data: {
            consultationId: 'consultation-1',
            startsAt: CONSULTATION_STARTS,
            endsAt: CONSULTATION_ENDS,
            place: 'Ségur',
            revision: 1,
            sequence: 0,
            by: operator,
            scheduledAt: SCHEDULED_AT,
          },
        },
      ]);
      expect(dossierOf([...shortlisted(), ...events])).toMatchObject({
        status: 'CONSULTATION_SCHEDULED',
        consultation: {
          consultationId: 'consultation-1',
          startsAt: CONSULTATION_STARTS,
          endsAt: CONSULTATION_ENDS,
          place: 'Ségur',
          revision: 1,
        },
        lastChangedAt: SCHEDULED_AT,
      });
    });

    it('moves a scheduled consultation as revision 2', () => {
      const moved = schedule(
        '2019-12-05T09:00:00.000Z',
        '2019-12-05T10:00:00.000Z',
        '2019-11-25T08:00:00.000Z',
      );
      const events = decided(consultationScheduled(), moved);
      expect(events).toEqual([
        {
          type: 'ConsultationScheduled',
          data: {
            consultationId: 'consultation-1',
            startsAt: '2019-12-05T09:00:00.000Z',
            endsAt: '2019-12-05T10:00:00.000Z',
            place: 'Ségur',
            revision: 2,
            sequence: 1,
            by: operator,
            scheduledAt: '2019-11-25T08:00:00.000Z',
          },
        },
      ]);
      expect(dossierOf([...consultationScheduled(), ...events]).consultation).toMatchObject({
        startsAt: '2019-12-05T09:00:00.000Z',
        revision: 2,
      });
    });

    it('records nothing when the same consultation is scheduled again unchanged', () => {
      given(consultationScheduled())
        .when(...timed(schedule()))
        .then([]);
    });

    it('refuses another consultation while one is scheduled', () => {
      const other = schedule(
        CONSULTATION_STARTS,
        CONSULTATION_ENDS,
        SCHEDULED_AT,
        'consultation-2',
      );
      refused(consultationScheduled(), other, DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });

    it('accepts a consultation starting exactly when consultations start', () => {
      const first = schedule(CONSULTATIONS_START, shifted(CONSULTATIONS_START, 3600));
      expect(
        given(shortlisted())
          .when(...timed(first))
          .events(),
      ).toHaveLength(1);
    });

    it('refuses a consultation before the campaign consultations start', () => {
      const early = schedule(shifted(CONSULTATIONS_START, -1), shifted(CONSULTATIONS_START, 3600));
      refused(shortlisted(), early, DomainErrorCode.TOO_EARLY);
    });

    it.each([
      ['ends before it starts', CONSULTATION_ENDS, CONSULTATION_STARTS],
      ['ends when it starts', CONSULTATION_STARTS, CONSULTATION_STARTS],
      ['has an invalid start', '3 décembre', CONSULTATION_ENDS],
    ])('refuses a consultation that %s', (_label, startsAt, endsAt) => {
      refused(shortlisted(), schedule(startsAt, endsAt), DomainErrorCode.INVALID_COMMAND);
    });

    it('refuses a consultation in the past', () => {
      const past = schedule(CONSULTATION_STARTS, CONSULTATION_ENDS, CONSULTATION_STARTS);
      refused(shortlisted(), past, DomainErrorCode.INVALID_COMMAND);
    });

    it('refuses a consultation without a place', () => {
      const [command, at] = schedule();
      const noPlace: Step = [{ ...command, place: ' ' } as DossierCommand, at];
      refused(shortlisted(), noPlace, DomainErrorCode.INVALID_COMMAND);
    });

    it('refuses to schedule a consultation for a dossier not shortlisted', () => {
      refused(underScreening(), schedule(), DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });

  describe('CancelConsultation', () => {
    const CANCELLED_AT = '2019-11-25T08:00:00.000Z';
    const cancel = (reason = ' Indisponibilité du président. '): Step => [
      { type: 'CancelConsultation', reason, actor: operator },
      CANCELLED_AT,
    ];

    it('cancels the scheduled consultation and returns the dossier to the shortlist', () => {
      const events = decided(consultationScheduled(), cancel());
      expect(events).toEqual([
        {
          type: 'ConsultationCancelled',
          data: {
            consultationId: 'consultation-1',
            revision: 1,
            sequence: 1,
            startsAt: CONSULTATION_STARTS,
            endsAt: CONSULTATION_ENDS,
            place: 'Ségur',
            reason: 'Indisponibilité du président.',
            by: operator,
            cancelledAt: CANCELLED_AT,
          },
        },
      ]);
      const dossier = [...consultationScheduled(), ...events];
      expect(dossierOf(dossier).status).toBe('SHORTLISTED');
      expect(dossierOf(dossier).consultation).toBeUndefined();
    });

    it('fixes the same consultation id again after its cancellation under a higher SEQUENCE than the cancellation', () => {
      const cancelled = continued(consultationScheduled(), cancel());
      const [again] = given(cancelled)
        .when(
          ...timed(
            schedule(
              '2019-12-06T09:00:00.000Z',
              '2019-12-06T10:00:00.000Z',
              '2019-11-26T08:00:00.000Z',
            ),
          ),
        )
        .events();
      // SEQUENCE 0 fixed it, 1 cancelled it: the new appointment is 2, a new first revision.
      expect(again.data).toMatchObject({
        consultationId: 'consultation-1',
        revision: 1,
        sequence: 2,
      });
      const [cancelledAgain] = decided([...cancelled, again], cancel());
      expect(cancelledAgain.data).toMatchObject({ revision: 1, sequence: 3 });
    });

    it('keeps counting after a move, a cancellation and a new fixing, also from events recorded without a sequence', () => {
      const scheduledAt = '2019-11-26T08:00:00.000Z';
      const oldFixed = consultationScheduled();
      // Events before the sequence was recorded: a move (revision 2), then its cancellation.
      const moved = [
        ...oldFixed,
        {
          type: 'ConsultationScheduled',
          data: {
            ...(given(oldFixed)
              .when(
                ...timed(
                  schedule('2019-12-05T09:00:00.000Z', '2019-12-05T10:00:00.000Z', scheduledAt),
                ),
              )
              .events()[0].data as object),
            sequence: undefined,
          },
        } as DossierEvent,
      ];
      const [cancellation] = decided(moved, cancel());
      expect(cancellation.data).toMatchObject({ revision: 2, sequence: 2 });
      const cancelled = [
        ...moved,
        {
          ...cancellation,
          data: { ...(cancellation.data as object), sequence: undefined },
        } as DossierEvent,
      ];
      const [again] = given(cancelled)
        .when(
          ...timed(schedule('2019-12-06T09:00:00.000Z', '2019-12-06T10:00:00.000Z', scheduledAt)),
        )
        .events();
      expect(again.data).toMatchObject({ revision: 1, sequence: 3 });
    });

    it('refuses a cancellation without a reason', () => {
      refused(consultationScheduled(), cancel('  '), DomainErrorCode.INVALID_COMMAND);
    });

    it('refuses to cancel when no consultation is scheduled', () => {
      refused(shortlisted(), cancel(), DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });

  describe('RecordConsultationOutcome', () => {
    it('records the trimmed summary and the support forms once each, from the start of the consultation', () => {
      const events = given(consultationScheduled())
        .when(recordOutcome[0], { at: CONSULTATION_STARTS })
        .events();
      expect(events).toEqual([
        {
          type: 'DossierConsulted',
          data: {
            consultationId: 'consultation-1',
            summary: 'Besoin de bases annotées.',
            supportFormIds: ['bases-ouvertes', 'challenges'],
            by: operator,
            consultedAt: CONSULTATION_STARTS,
          },
        },
      ]);
      expect(dossierOf([...consultationScheduled(), ...events])).toMatchObject({
        status: 'CONSULTED',
        outcome: {
          summary: 'Besoin de bases annotées.',
          supportFormIds: ['bases-ouvertes', 'challenges'],
        },
      });
    });

    it('refuses an outcome before the consultation starts', () => {
      const early: Step = [recordOutcome[0], shifted(CONSULTATION_STARTS, -1)];
      refused(consultationScheduled(), early, DomainErrorCode.TOO_EARLY);
    });

    it('refuses a support form the campaign does not offer', () => {
      const unknown: Step = [
        {
          type: 'RecordConsultationOutcome',
          summary: 'Compte rendu.',
          supportFormIds: ['bases-ouvertes', 'credit-impot'],
          actor: operator,
        },
        CONSULTED_AT,
      ];
      refused(consultationScheduled(), unknown, DomainErrorCode.UNKNOWN_SUPPORT_FORM);
    });

    it('refuses an outcome without a summary', () => {
      const blank: Step = [
        { type: 'RecordConsultationOutcome', summary: ' ', supportFormIds: [], actor: operator },
        CONSULTED_AT,
      ];
      refused(consultationScheduled(), blank, DomainErrorCode.INVALID_COMMAND);
    });

    it('refuses an outcome when no consultation is scheduled', () => {
      refused(shortlisted(), recordOutcome, DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });

  describe('DeclareUnavailability', () => {
    const shortlisted = () => history(create, [{ type: 'SubmitDossier' }, SUBMITTED_AT]);
    const periods = [{ startsAt: '2019-12-02T08:00:00Z', endsAt: '2019-12-02T12:00:00Z' }];

    it('records the periods, canonical, replacing what was declared before', () => {
      const events = given(shortlisted())
        .when({ type: 'DeclareUnavailability', periods }, { at: SCREENED_AT })
        .events();
      expect(events).toEqual([
        {
          type: 'UnavailabilityDeclared',
          data: {
            periods: [{ startsAt: '2019-12-02T08:00:00.000Z', endsAt: '2019-12-02T12:00:00.000Z' }],
            declaredAt: SCREENED_AT,
          },
        },
      ]);
      const cleared: DossierEvent[] = [
        ...shortlisted(),
        ...events,
        { type: 'UnavailabilityDeclared', data: { periods: [], declaredAt: SCREENED_AT } },
      ];
      expect(dossierOf(cleared).unavailability).toEqual([]);
    });

    it('refuses a period that ends before it starts, and a draft (nothing to schedule yet)', () => {
      const backwards = [{ startsAt: '2019-12-02T12:00:00Z', endsAt: '2019-12-02T08:00:00Z' }];
      given(shortlisted())
        .when({ type: 'DeclareUnavailability', periods: backwards }, { at: SCREENED_AT })
        .then(DomainErrorCode.INVALID_COMMAND);
      given(draft())
        .when({ type: 'DeclareUnavailability', periods }, { at: SAVED_AT })
        .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });

    it('refuses more than twenty periods', () => {
      const many = Array.from({ length: 21 }, () => periods[0]);
      given(shortlisted())
        .when({ type: 'DeclareUnavailability', periods: many }, { at: SCREENED_AT })
        .then(DomainErrorCode.INVALID_COMMAND);
    });
  });
});

describe('Follow-up: actions after the consultation, all done before the dossier closes', () => {
  describe('PlanFollowUp', () => {
    it('plans a follow-up action with trimmed title and owner, and puts the dossier in follow-up', () => {
      const events = decided(consulted(), planFollowUp());
      expect(events).toEqual([
        {
          type: 'FollowUpPlanned',
          data: {
            followUpId: 'follow-up-1',
            title: 'Envoyer la note de cadrage',
            owner: 'operator-1',
            dueAt: FOLLOW_UP_DUE,
            by: operator,
            plannedAt: PLANNED_AT,
          },
        },
      ]);
      expect(dossierOf([...consulted(), ...events])).toMatchObject({
        status: 'FOLLOW_UP',
        followUps: [
          {
            followUpId: 'follow-up-1',
            title: 'Envoyer la note de cadrage',
            owner: 'operator-1',
            dueAt: FOLLOW_UP_DUE,
          },
        ],
      });
    });

    it('plans further actions while in follow-up', () => {
      const dossier = continued(inFollowUp(), planFollowUp('follow-up-2'));
      expect(dossierOf(dossier).followUps.map((f) => f.followUpId)).toEqual([
        'follow-up-1',
        'follow-up-2',
      ]);
    });

    it('refuses an action id already used', () => {
      refused(inFollowUp(), planFollowUp(), DomainErrorCode.FOLLOW_UP_ALREADY_EXISTS);
    });

    it('refuses a due date that is not in the future', () => {
      refused(
        consulted(),
        planFollowUp('follow-up-1', PLANNED_AT),
        DomainErrorCode.INVALID_COMMAND,
      );
    });

    it.each([
      ['title', { title: ' ' }],
      ['owner', { owner: ' ' }],
    ])('refuses an action without a %s', (_label, blank) => {
      const [command, at] = planFollowUp();
      const step: Step = [{ ...command, ...blank }, at];
      refused(consulted(), step, DomainErrorCode.INVALID_COMMAND);
    });

    it('refuses to plan follow-up before the consultation', () => {
      refused(consultationScheduled(), planFollowUp(), DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });

  describe('CompleteFollowUp', () => {
    const COMPLETED_AT = '2019-12-10T08:00:00.000Z';
    const complete = (followUpId = 'follow-up-1') => completeFollowUp(followUpId, COMPLETED_AT);

    it('completes a pending action', () => {
      const events = decided(inFollowUp(), complete());
      expect(events).toEqual([
        {
          type: 'FollowUpCompleted',
          data: { followUpId: 'follow-up-1', by: operator, completedAt: COMPLETED_AT },
        },
      ]);
      expect(dossierOf([...inFollowUp(), ...events]).followUps[0]).toMatchObject({
        completedAt: COMPLETED_AT,
      });
    });

    it('records nothing when the action is already completed', () => {
      const done = continued(inFollowUp(), complete());
      given(done)
        .when(...timed(complete()))
        .then([]);
    });

    it('refuses an unknown action', () => {
      refused(inFollowUp(), complete('follow-up-9'), DomainErrorCode.FOLLOW_UP_NOT_FOUND);
    });

    it('refuses to complete an action on a dossier not in follow-up', () => {
      refused(consulted(), complete(), DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });

  describe('CloseDossier', () => {
    const CLOSED_AT = '2019-12-21T08:00:00.000Z';
    const close: Step = [{ type: 'CloseDossier', actor: operator }, CLOSED_AT];

    it('closes a consulted dossier with no follow-up', () => {
      const events = decided(consulted(), close);
      expect(events).toEqual([
        { type: 'DossierClosed', data: { by: operator, closedAt: CLOSED_AT } },
      ]);
      expect(dossierOf([...consulted(), ...events])).toMatchObject({
        status: 'CLOSED',
        lastChangedAt: CLOSED_AT,
      });
    });

    it('closes a dossier whose follow-up actions are all completed', () => {
      expect(dossierOf(continued(followUpsDone(), close)).status).toBe('CLOSED');
    });

    it('refuses to close while a follow-up action is pending', () => {
      refused(inFollowUp(), close, DomainErrorCode.FOLLOW_UPS_PENDING);
    });

    it('refuses to close a dossier not consulted yet', () => {
      refused(consultationScheduled(), close, DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });
});

describe("The campaign's changes: its calendar moves the dossier's dates, its cancellation cancels the dossier", () => {
  describe('ApplyCampaignCalendar', () => {
    const UPDATED_AT = '2019-11-10T08:00:00.000Z';
    const LATER_DEADLINE = '2019-11-22T23:00:00.000Z';
    const extend: Step = [
      {
        type: 'ApplyCampaignCalendar',
        submissionDeadline: LATER_DEADLINE,
        consultationsStartAt: CONSULTATIONS_START,
      },
      UPDATED_AT,
    ];

    it('moves the dossier deadline and consultation date with the campaign', () => {
      const events = decided(draft(), extend);
      expect(events).toEqual([
        {
          type: 'DossierCalendarUpdated',
          data: {
            submissionDeadline: LATER_DEADLINE,
            consultationsStartAt: CONSULTATIONS_START,
            updatedAt: UPDATED_AT,
          },
        },
      ]);
      expect(dossierOf([...draft(), ...events])).toMatchObject({
        status: 'DRAFT',
        terms: { ...terms, submissionDeadline: LATER_DEADLINE },
        lastChangedAt: UPDATED_AT,
      });
    });

    it('lets through a submission that the old deadline would have refused', () => {
      const late: Step = [{ type: 'SubmitDossier' }, '2019-11-20T08:00:00.000Z'];
      refused(draft(), late, DomainErrorCode.SUBMISSION_DEADLINE_PASSED);
      given(history(create, extend))
        .when(...timed(late))
        .then([
          {
            type: 'DossierSubmitted',
            data: {
              submittedAt: '2019-11-20T08:00:00.000Z',
              completeness: dossierOf(draft()).completeness,
            },
          },
        ]);
    });

    it('records nothing when the calendar is unchanged', () => {
      const same: Step = [
        {
          type: 'ApplyCampaignCalendar',
          submissionDeadline: DEADLINE,
          consultationsStartAt: CONSULTATIONS_START,
        },
        UPDATED_AT,
      ];
      given(draft())
        .when(...timed(same))
        .then([]);
    });

    it('refuses dates that are not instants', () => {
      const invalid: Step = [
        {
          type: 'ApplyCampaignCalendar',
          submissionDeadline: '22/11/2019',
          consultationsStartAt: CONSULTATIONS_START,
        },
        UPDATED_AT,
      ];
      refused(draft(), invalid, DomainErrorCode.INVALID_COMMAND);
    });
  });

  describe('CancelWithCampaign', () => {
    const CANCELLED_AT = '2019-11-10T08:00:00.000Z';
    const cancel: Step = [
      { type: 'CancelWithCampaign', reason: 'Campagne annulée.' },
      CANCELLED_AT,
    ];

    it.each([
      ['a draft', draft],
      ['a submitted dossier', submitted],
      ['a dossier in follow-up', inFollowUp],
    ])('cancels %s', (_label, state) => {
      const events = decided(state(), cancel);
      expect(events).toEqual([
        {
          type: 'DossierCancelled',
          data: { reason: 'Campagne annulée.', cancelledAt: CANCELLED_AT },
        },
      ]);
      expect(dossierOf([...state(), ...events]).status).toBe('CANCELLED');
    });

    it.each([
      ['NOT_RETAINED', notRetained],
      ['WITHDRAWN', withdrawn],
      ['EXPIRED', () => history(create, [{ type: 'ExpireDraft' }, DEADLINE])],
      ['CANCELLED', () => history(create, cancel)],
      [
        'CLOSED',
        () => continued(consulted(), [{ type: 'CloseDossier', actor: operator }, CONSULTED_AT]),
      ],
    ])('records nothing for a dossier already %s', (status, state) => {
      expect(dossierOf(state()).status).toBe(status);
      given(state())
        .when(...timed(cancel))
        .then([]);
    });
  });
});

describe('Reminders: each goes out once, when due, while it concerns the dossier', () => {
  describe('IssueDossierReminder and pendingDossierReminders', () => {
    const issue = (ruleId: string, occurrence: string, at: string): Step => [
      { type: 'IssueDossierReminder', ruleId, occurrence },
      at,
    ];

    describe('deadline reminders', () => {
      it('are pending for a draft at J-7 and J-1, 09:00 in Paris', () => {
        expect(pendingDossierReminders(dossierOf(draft()))).toEqual([
          {
            ruleId: 'depot-j-7',
            kind: 'DEADLINE_REMINDER',
            occurrence: 'deadline',
            dueAt: J_MINUS_7,
          },
          {
            ruleId: 'depot-j-1',
            kind: 'DEADLINE_REMINDER',
            occurrence: 'deadline',
            dueAt: J_MINUS_1,
          },
        ]);
      });

      it('is issued at its time and then no longer pending', () => {
        const events = decided(draft(), issue('depot-j-7', 'deadline', J_MINUS_7));
        expect(events).toEqual([
          {
            type: 'DossierReminderIssued',
            data: {
              ruleId: 'depot-j-7',
              kind: 'DEADLINE_REMINDER',
              occurrence: 'deadline',
              dueAt: J_MINUS_7,
              issuedAt: J_MINUS_7,
            },
          },
        ]);
        const dossier = [...draft(), ...events];
        expect(dossierOf(dossier).issuedReminders).toEqual(['depot-j-7:deadline']);
        expect(pendingDossierReminders(dossierOf(dossier)).map((r) => r.ruleId)).toEqual([
          'depot-j-1',
        ]);
      });

      it('is refused one second early', () => {
        refused(
          draft(),
          issue('depot-j-7', 'deadline', shifted(J_MINUS_7, -1)),
          DomainErrorCode.REMINDER_NOT_DUE,
        );
      });

      it('records nothing when issued a second time', () => {
        const reminded = history(create, issue('depot-j-7', 'deadline', J_MINUS_7));
        given(reminded)
          .when(...timed(issue('depot-j-7', 'deadline', shifted(J_MINUS_7, 60))))
          .then([]);
      });

      it('spares a draft begun after J-7 the J-7 reminder, and keeps its J-1', () => {
        const lateDraft = history([createDraft, shifted(J_MINUS_7, 1)]);
        expect(pendingDossierReminders(dossierOf(lateDraft)).map((r) => r.ruleId)).toEqual([
          'depot-j-1',
        ]);
        refused(
          lateDraft,
          issue('depot-j-7', 'deadline', shifted(J_MINUS_7, 2)),
          DomainErrorCode.REMINDER_NOT_APPLICABLE,
        );
      });

      it('no longer concerns a dossier submitted after J-7: no J-1 is pending or issued', () => {
        const submittedAfterJ7 = history(create, issue('depot-j-7', 'deadline', J_MINUS_7), [
          { type: 'SubmitDossier' },
          '2019-11-10T08:00:00.000Z',
        ]);
        expect(pendingDossierReminders(dossierOf(submittedAfterJ7))).toEqual([]);
        refused(
          submittedAfterJ7,
          issue('depot-j-1', 'deadline', J_MINUS_1),
          DomainErrorCode.REMINDER_NOT_APPLICABLE,
        );
      });

      it('is no longer applicable once the deadline has passed, even if never issued', () => {
        expect(
          given(draft())
            .when(...timed(issue('depot-j-1', 'deadline', shifted(DEADLINE, -1))))
            .events(),
        ).toHaveLength(1);
        refused(
          draft(),
          issue('depot-j-7', 'deadline', DEADLINE),
          DomainErrorCode.REMINDER_NOT_APPLICABLE,
        );
      });

      it('follow the deadline when the campaign calendar moves', () => {
        const extended = history(create, [
          {
            type: 'ApplyCampaignCalendar',
            submissionDeadline: '2019-11-22T23:00:00.000Z',
            consultationsStartAt: CONSULTATIONS_START,
          },
          '2019-11-01T08:00:00.000Z',
        ]);
        expect(pendingDossierReminders(dossierOf(extended)).map((r) => r.dueAt)).toEqual([
          '2019-11-16T08:00:00.000Z',
          '2019-11-22T08:00:00.000Z',
        ]);
      });
    });

    it('refuses a rule the campaign does not send about dossiers', () => {
      refused(
        draft(),
        issue('reunion-j-2', 'deadline', J_MINUS_7),
        DomainErrorCode.UNKNOWN_REMINDER,
      );
      refused(
        draft(),
        issue('depot-j-30', 'deadline', J_MINUS_7),
        DomainErrorCode.UNKNOWN_REMINDER,
      );
    });

    it('refuses an occurrence that does not exist', () => {
      refused(
        draft(),
        issue('depot-j-7', 'other', J_MINUS_7),
        DomainErrorCode.REMINDER_NOT_APPLICABLE,
      );
    });

    describe('clarification reminder', () => {
      const request = requestClarification('2019-11-19T08:00:00.000Z', '2019-11-26T17:00:00.000Z');
      const REMINDER_AT = '2019-11-24T08:00:00.000Z';

      it('is pending two days before the due date, at 09:00 in Paris, until answered', () => {
        const waiting = continued(underScreening(), request);
        expect(pendingDossierReminders(dossierOf(waiting))).toEqual([
          {
            ruleId: 'precisions-j-2',
            kind: 'CLARIFICATION_REMINDER',
            occurrence: 'clarification-1',
            dueAt: REMINDER_AT,
          },
        ]);
        expect(
          given(waiting)
            .when(...timed(issue('precisions-j-2', 'clarification-1', REMINDER_AT)))
            .events(),
        ).toHaveLength(1);
        const answered = continued(waiting, [
          { type: 'AnswerClarification', clarificationId: 'clarification-1', answer: 'Oui.' },
          '2019-11-20T08:00:00.000Z',
        ]);
        expect(pendingDossierReminders(dossierOf(answered))).toEqual([]);
      });

      it('no longer concerns a dossier withdrawn while the request was open', () => {
        const withdrawnWhileAsked = history(
          create,
          submit,
          requestClarification(SUBMITTED_AT, '2019-11-26T17:00:00.000Z'),
          [{ type: 'WithdrawDossier' }, '2019-11-20T08:00:00.000Z'],
        );
        expect(pendingDossierReminders(dossierOf(withdrawnWhileAsked))).toEqual([]);
        refused(
          withdrawnWhileAsked,
          issue('precisions-j-2', 'clarification-1', REMINDER_AT),
          DomainErrorCode.REMINDER_NOT_APPLICABLE,
        );
      });
    });

    describe('consultation reminder', () => {
      const EVE = '2019-12-02T08:00:00.000Z';

      it('is pending the day before the consultation at 09:00 in Paris', () => {
        expect(pendingDossierReminders(dossierOf(consultationScheduled()))).toEqual([
          {
            ruleId: 'consultation-veille',
            kind: 'CONSULTATION_REMINDER',
            occurrence: 'consultation-1#1',
            dueAt: EVE,
          },
        ]);
      });

      it('gets a new occurrence when the consultation moves, even after the first was issued', () => {
        const reminded = continued(
          consultationScheduled(),
          issue('consultation-veille', 'consultation-1#1', EVE),
        );
        expect(pendingDossierReminders(dossierOf(reminded))).toEqual([]);
        const moved = continued(
          reminded,
          schedule(
            '2019-12-05T09:00:00.000Z',
            '2019-12-05T10:00:00.000Z',
            '2019-12-02T10:00:00.000Z',
          ),
        );
        expect(pendingDossierReminders(dossierOf(moved))).toEqual([
          {
            ruleId: 'consultation-veille',
            kind: 'CONSULTATION_REMINDER',
            occurrence: 'consultation-1#2',
            dueAt: '2019-12-04T08:00:00.000Z',
          },
        ]);
        given(moved)
          .when(...timed(issue('consultation-veille', 'consultation-1#1', EVE)))
          .then([]);
      });

      it('gets a new occurrence when the same consultation id is fixed again after its cancellation, once the first was issued', () => {
        const reminded = continued(
          consultationScheduled(),
          issue('consultation-veille', 'consultation-1#1', EVE),
        );
        const cancelled = continued(reminded, [
          { type: 'CancelConsultation', reason: 'Empêchement.', actor: operator },
          '2019-12-02T09:00:00.000Z',
        ]);
        const fixedAgain = continued(
          cancelled,
          schedule(
            '2019-12-10T09:00:00.000Z',
            '2019-12-10T10:00:00.000Z',
            '2019-12-02T10:00:00.000Z',
          ),
        );
        expect(pendingDossierReminders(dossierOf(fixedAgain))).toEqual([
          {
            ruleId: 'consultation-veille',
            kind: 'CONSULTATION_REMINDER',
            occurrence: 'consultation-1#3',
            dueAt: '2019-12-09T08:00:00.000Z',
          },
        ]);
        expect(
          given(fixedAgain)
            .when(
              ...timed(
                issue('consultation-veille', 'consultation-1#3', '2019-12-09T08:00:00.000Z'),
              ),
            )
            .events(),
        ).toHaveLength(1);
      });
    });

    describe('follow-up reminder', () => {
      it('is pending three days before each uncompleted action, at 09:00 in Paris', () => {
        expect(pendingDossierReminders(dossierOf(inFollowUp()))).toEqual([
          {
            ruleId: 'suivi-j-3',
            kind: 'FOLLOW_UP_REMINDER',
            occurrence: 'follow-up-1',
            dueAt: '2019-12-17T08:00:00.000Z',
          },
        ]);
        expect(pendingDossierReminders(dossierOf(followUpsDone()))).toEqual([]);
      });
    });

    describe('a reminder about something that has started or fallen due', () => {
      it('is refused for a consultation that began while the worker was paused (issue 10, fault 4)', () => {
        given(consultationScheduled())
          .when(
            ...timed(
              issue('consultation-veille', 'consultation-1#1', shifted(CONSULTATION_STARTS, 15)),
            ),
          )
          .then(DomainErrorCode.REMINDER_NOT_APPLICABLE);
        expect(
          given(consultationScheduled())
            .when(
              ...timed(
                issue('consultation-veille', 'consultation-1#1', shifted(CONSULTATION_STARTS, -1)),
              ),
            )
            .events(),
        ).toHaveLength(1);
      });

      it('is refused for a follow-up action whose due date has passed', () => {
        refused(
          inFollowUp(),
          issue('suivi-j-3', 'follow-up-1', shifted(FOLLOW_UP_DUE, 0)),
          DomainErrorCode.REMINDER_NOT_APPLICABLE,
        );
      });

      it('is refused for a clarification whose due date has passed before it lapsed', () => {
        const waiting = history(
          create,
          submit,
          requestClarification(SUBMITTED_AT, '2019-11-26T17:00:00.000Z'),
        );
        refused(
          waiting,
          issue('precisions-j-2', 'clarification-1', '2019-11-26T17:00:05.000Z'),
          DomainErrorCode.REMINDER_NOT_APPLICABLE,
        );
      });

      it('is still issued, as before the rule, when a history recorded before it is replayed', () => {
        const late = issue(
          'consultation-veille',
          'consultation-1#1',
          shifted(CONSULTATION_STARTS, 15),
        );
        const legacy: Step = [
          {
            type: 'IssueDossierReminder',
            ruleId: 'consultation-veille',
            occurrence: 'consultation-1#1',
            onlyDeadlineRemindersLapse: true,
          },
          late[1],
        ];
        expect(
          given(consultationScheduled())
            .when(...timed(legacy))
            .events(),
        ).toHaveLength(1);
        const lateDeadline: Step = [
          {
            type: 'IssueDossierReminder',
            ruleId: 'depot-j-1',
            occurrence: 'deadline',
            onlyDeadlineRemindersLapse: true,
          },
          DEADLINE,
        ];
        refused(draft(), lateDeadline, DomainErrorCode.REMINDER_NOT_APPLICABLE);
      });
    });

    describe('dossierReminderRelevance, asked again when the mail goes out', () => {
      const at = (moment: string) => new Date(moment);

      it('drops a deadline reminder once the dossier is submitted', () => {
        expect(
          dossierReminderRelevance(
            dossierOf(draft()),
            { ruleId: 'depot-j-1', occurrence: 'deadline' },
            at(J_MINUS_1),
          ),
        ).toEqual({ concerned: true });
        expect(
          dossierReminderRelevance(
            dossierOf(submitted()),
            { ruleId: 'depot-j-1', occurrence: 'deadline' },
            at(J_MINUS_1),
          ),
        ).toEqual(expect.objectContaining({ concerned: false, reason: 'NOT_APPLICABLE' }));
      });

      it('keeps an issued reminder concerned until what it is about starts', () => {
        const reminded = history(create, issue('depot-j-1', 'deadline', J_MINUS_1));
        const reminder = { ruleId: 'depot-j-1', occurrence: 'deadline' };
        expect(
          dossierReminderRelevance(dossierOf(reminded), reminder, at(shifted(DEADLINE, -1))),
        ).toEqual({
          concerned: true,
        });
        expect(dossierReminderRelevance(dossierOf(reminded), reminder, at(DEADLINE))).toEqual(
          expect.objectContaining({ concerned: false, reason: 'LAPSED' }),
        );
      });

      it('drops a follow-up reminder once the action is completed', () => {
        expect(
          dossierReminderRelevance(
            dossierOf(followUpsDone()),
            { ruleId: 'suivi-j-3', occurrence: 'follow-up-1' },
            at(PLANNED_AT),
          ),
        ).toEqual(expect.objectContaining({ concerned: false, reason: 'NOT_APPLICABLE' }));
      });
    });

    it('none is pending for a dossier awaiting screening without a clarification', () => {
      expect(pendingDossierReminders(dossierOf(eligible()))).toEqual([]);
    });
  });
});

describe('nextDeadline', () => {
  it('is the submission deadline for a draft', () => {
    expect(nextDeadline(dossierOf(draft()))).toBe(DEADLINE);
  });

  it('is nothing for a submitted dossier with no open clarification', () => {
    expect(nextDeadline(dossierOf(submitted()))).toBeUndefined();
  });

  it('is the due date of the open clarification', () => {
    const asked = history(
      create,
      submit,
      requestClarification(SUBMITTED_AT, '2019-11-26T17:00:00.000Z'),
    );
    expect(nextDeadline(dossierOf(asked))).toBe('2019-11-26T17:00:00.000Z');
  });

  it('is the earlier of the consultation and a clarification still open', () => {
    const both = history(
      create,
      submit,
      assessEligible,
      startScreening,
      requestClarification(SCREENING_AT, '2019-12-06T17:00:00.000Z'),
      screen('SHORTLISTED'),
      schedule(),
    );
    expect(nextDeadline(dossierOf(both))).toBe(CONSULTATION_STARTS);
  });

  it('is the start of the scheduled consultation', () => {
    expect(nextDeadline(dossierOf(consultationScheduled()))).toBe(CONSULTATION_STARTS);
  });

  it('is the earliest due date of the pending follow-up actions', () => {
    const two = continued(
      consulted(),
      planFollowUp('follow-up-1', '2019-12-20T17:00:00.000Z'),
      planFollowUp('follow-up-2', '2019-12-12T17:00:00.000Z'),
    );
    expect(nextDeadline(dossierOf(two))).toBe('2019-12-12T17:00:00.000Z');
    const firstDone = continued(two, completeFollowUp('follow-up-2'));
    expect(nextDeadline(dossierOf(firstDone))).toBe('2019-12-20T17:00:00.000Z');
  });

  it('is nothing for a dossier that is over, even with a request left open', () => {
    const withdrawnWhileAsked = history(
      create,
      submit,
      requestClarification(SUBMITTED_AT, '2019-11-26T17:00:00.000Z'),
      [{ type: 'WithdrawDossier' }, '2019-11-20T08:00:00.000Z'],
    );
    expect(nextDeadline(dossierOf(withdrawnWhileAsked))).toBeUndefined();
    expect(nextDeadline(dossierOf(withdrawn()))).toBeUndefined();
  });
});

describe('dossierEventInstant', () => {
  /** Decides each step in turn and pairs every event with the instant it was decided at. */
  function timeline(...steps: Step[]): [DossierEvent, string][] {
    const pairs: [DossierEvent, string][] = [];
    steps.reduce<DossierEvent[]>((history, [command, at]) => {
      const events = given(history).when(command, { at }).events();
      pairs.push(...events.map((event): [DossierEvent, string] => [event, at]));
      return [...history, ...events];
    }, []);
    return pairs;
  }

  const at = (day: number) => `2019-11-${String(day).padStart(2, '0')}T08:00:00.000Z`;
  const timelines = [
    timeline(
      [createDraft, at(1)],
      [{ type: 'SaveAnswers', answers: { freins: 'Accès.' } }, at(2)],
      [{ type: 'IssueDossierReminder', ruleId: 'depot-j-7', occurrence: 'deadline' }, J_MINUS_7],
      [
        {
          type: 'ApplyCampaignCalendar',
          submissionDeadline: '2019-11-12T23:00:00.000Z',
          consultationsStartAt: CONSULTATIONS_START,
        },
        at(9),
      ],
      [{ type: 'SubmitDossier' }, at(10)],
      [{ type: 'RecordEligibility', decision: 'NEEDS_REVIEW', reasons: [] }, at(11)],
      [
        { type: 'OverrideEligibility', decision: 'ELIGIBLE', reason: 'Vérifié.', actor: operator },
        at(12),
      ],
      [{ type: 'StartDossierScreening' }, at(13)],
      [{ type: 'DeclareUnavailability', periods: [] }, at(13)],
      requestClarification(at(14), at(20)),
      [{ type: 'AnswerClarification', clarificationId: 'clarification-1', answer: 'Oui.' }, at(15)],
      screen('SHORTLISTED'),
      schedule(),
      [{ type: 'CancelConsultation', reason: 'Empêchement.', actor: operator }, at(23)],
      schedule(CONSULTATION_STARTS, CONSULTATION_ENDS, at(24)),
      recordOutcome,
      planFollowUp(),
      completeFollowUp('follow-up-1', '2019-12-05T08:00:00.000Z'),
      [{ type: 'CloseDossier', actor: operator }, '2019-12-06T08:00:00.000Z'],
    ),
    timeline(
      [createDraft, at(1)],
      [{ type: 'SubmitDossier' }, at(2)],
      requestClarification(at(3), at(6)),
      [{ type: 'LapseClarification', clarificationId: 'clarification-1' }, at(6)],
      [{ type: 'WithdrawDossier' }, at(7)],
    ),
    timeline([createDraft, at(1)], [{ type: 'ExpireDraft' }, DEADLINE]),
    timeline([createDraft, at(1)], [{ type: 'CancelWithCampaign', reason: 'Annulée.' }, at(2)]),
  ];
  const pairs = timelines.flat();

  it('is, for every type of event, the instant the event was decided at', () => {
    for (const [event, decidedAt] of pairs) {
      expect([event.type, dossierEventInstant(event)]).toEqual([event.type, decidedAt]);
    }
  });

  it('is checked here on all 22 types of dossier event', () => {
    const types = new Set<DossierEventType>(pairs.map(([event]) => event.type));
    expect(types.size).toBe(22);
  });

  it('is what evolveDossier records as the last change', () => {
    const [event] = given(draft()).when({ type: 'SubmitDossier' }, { at: SUBMITTED_AT }).events();
    expect(dossierOf([...draft(), event]).lastChangedAt).toBe(dossierEventInstant(event));
  });
});
