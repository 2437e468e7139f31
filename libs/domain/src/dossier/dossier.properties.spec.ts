/**
 * Over 300 lines because its generators must reach every state of a dossier and each property
 * states its rule in full; the running and printing of sequences is shared (testing/decider-runs.ts).
 *
 * Properties of the dossier decider over random command sequences: every command type, with
 * random content, at non-decreasing instants that often fall exactly on (or one second around) a
 * date that matters — the reference calendar, the deadline in force, a reminder's time, a
 * clarification's due date, a consultation's start. Refused commands (DomainError) are skipped;
 * any other exception fails the property.
 */
import * as fc from 'fast-check';
import { evolveCampaign } from '../campaign/campaign.decider';
import { Campaign, initialCampaignState } from '../campaign/campaign.state';
import { EvaluationGrid } from '../campaign/evaluation-grid';
import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { reminderKey, ReminderRule } from '../reminders/reminder-rule';
import { reminderDueAt } from '../reminders/reminder-due-at';
import { Actor } from '../shared/actor';
import { ORGANISATION_TYPES, OrganisationType } from '../shared/organisation-type';
import { DossierCampaignTerms, dossierTermsOf } from './dossier-terms';
import {
  CreateDossierDraft,
  DossierCommand,
  PlanFollowUp,
  RequestClarification,
  ScheduleConsultation,
} from './dossier.commands';
import { dossierDecider } from './dossier.decider';
import { DossierEvent, DossierEventType } from './dossier.events';
import { pendingDossierReminders } from './dossier.reminders';
import {
  calendarSequenceOf,
  Dossier,
  DOSSIER_STATUSES,
  FINAL_STATUSES,
  DossierState,
  initialDossierState,
  isDossier,
  openClarification,
} from './dossier.state';
import {
  DAY,
  HOUR,
  REFERENCE_SPAN_END,
  REFERENCE_SPAN_START,
  resolveWhen,
  SECOND,
  startArbitrary,
  When,
  whenArbitrary,
} from '../testing/command-timing';
import { FOLD_RUNS, HarnessDecision, NUM_RUNS, propertyHarness } from '../testing/decider-runs';
import { InstantShift, resolveInstantShift, shiftArbitrary } from '../testing/instant-shift';
import { reminderRulesArbitrary } from '../testing/reminder-rules-arbitrary';
import { expectedDueAt } from '../testing/reminder-oracle';

const { campaignId: REFERENCE_ID, definition } = referenceCampaign;
const referenceTerms: DossierCampaignTerms = dossierTermsOf(
  evolveCampaign(initialCampaignState, {
    type: 'CampaignCreated',
    data: {
      campaignId: REFERENCE_ID,
      definition,
      createdAt: '2019-10-01T08:00:00.000Z',
      createdBy: { id: 'admin', role: 'admin' },
    },
  }) as Campaign,
);

/** Instants where a rule switches for the reference campaign, written out independently. */
const LANDMARKS = [
  '2019-10-08T22:00:00.000Z', // opens 9 Oct 00:00 Paris (summer time)
  '2019-10-27T01:00:00.000Z', // summer time ends: 03:00 becomes 02:00
  '2019-10-27T08:00:00.000Z', // meeting J-2 at 09:00 Paris, now winter time
  '2019-10-29T12:45:00.000Z', // meeting starts, registrations close
  '2019-10-29T15:00:00.000Z', // meeting ends
  '2019-11-07T08:00:00.000Z', // deadline J-7 at 09:00
  '2019-11-13T08:00:00.000Z', // deadline J-1 at 09:00
  '2019-11-14T23:00:00.000Z', // submission deadline, 15 Nov 00:00 Paris
  '2019-11-30T23:00:00.000Z', // consultations start, 1 Dec 00:00 Paris
].map(Date.parse);

const operator: Actor = { id: 'instructeur-1', role: 'operator' };
const CAMPAIGN_IDS = [REFERENCE_ID, 'ami-autre'] as const;
const ORGANISATION_IDS = ['cnp-radiologie', 'cnp-cardiologie', 'fsm'] as const;
const SECTION_IDS = referenceTerms.sections.map((section) => section.id);
const SUPPORT_FORM_IDS = referenceTerms.supportFormIds;
/** Reviewers of the reference grid; its criteria, scored on 1–5 (a few scores off it are tried). */
const REVIEWER_IDS = ['evaluatrice-1', 'evaluateur-2', 'evaluatrice-3'];
const reviewerArb = fc.constantFrom(...REVIEWER_IDS).map((id): Actor => ({ id, role: 'operator' }));
const GRID_CRITERIA = (referenceTerms.evaluationGrid?.criteria ?? []).map((c) => c.id);
/** The grids the campaign may change to before its screening: the reference, an even one, none. */
const referenceGrid = referenceTerms.evaluationGrid as EvaluationGrid;
const gridArb = fc.constantFrom<EvaluationGrid | null>(
  referenceGrid,
  { ...referenceGrid, criteria: referenceGrid.criteria.map((c) => ({ ...c, weight: 1 })) },
  null,
);

// ---------------------------------------------------------------------------------------------
// When each command happens

const whenArb = whenArbitrary(LANDMARKS, REFERENCE_SPAN_START, REFERENCE_SPAN_END);

/** The dates that matter for this dossier now: its deadline, its reminders, its due dates. */
function anchorsOf(state: DossierState): number[] {
  if (!isDossier(state)) return LANDMARKS;
  return [
    state.terms.submissionDeadline,
    state.terms.consultationsStartAt,
    ...pendingDossierReminders(state).map((reminder) => reminder.dueAt),
    ...state.clarifications.map((clarification) => clarification.dueAt),
    ...(state.consultation ? [state.consultation.startsAt] : []),
    ...state.followUps.map((followUp) => followUp.dueAt),
  ].map(Date.parse);
}

/** Time never goes back: a target before the previous instant means "at the previous instant". */
// ---------------------------------------------------------------------------------------------
// Commands: every type, with instants relative to the moment they are issued

/** An instant given relative to now or to the dossier's dates, or a malformed one. */
type Shift = InstantShift<'now' | 'deadline' | 'consultations'>;

const shiftArb = shiftArbitrary<'now' | 'deadline' | 'consultations'>([
  'now',
  'deadline',
  'consultations',
]);

type WithShifts<Command, Keys extends keyof Command> = Omit<Command, Keys> & {
  readonly [Key in Keys]: Shift;
};

type DossierTemplate =
  | { readonly type: 'Progress'; readonly variant: number }
  | {
      readonly type: 'CreateDossierDraft';
      readonly campaign: number;
      readonly organisation: number;
      readonly organisationName: string;
      readonly organisationType: OrganisationType;
      readonly profession?: string;
      /** The reference campaign's reminder rules, or others (a campaign is data). */
      readonly reminders: 'reference' | readonly ReminderRule[];
    }
  | Exclude<
      DossierCommand,
      {
        type:
          | 'CreateDossierDraft'
          | 'RequestClarification'
          | 'ScheduleConsultation'
          | 'PlanFollowUp'
          | 'ApplyCampaignCalendar';
      }
    >
  | WithShifts<RequestClarification, 'dueAt'>
  | WithShifts<ScheduleConsultation, 'startsAt' | 'endsAt'>
  | WithShifts<PlanFollowUp, 'dueAt'>
  | {
      readonly type: 'ApplyCampaignCalendar';
      readonly submissionDeadline: Shift;
      readonly consultationsStartAt: Shift;
    }
  /** One of the reminders pending now, whichever the index picks. */
  | { readonly type: 'IssueDossierReminder'; readonly pending: number };

const textArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('Texte', ' Une réponse détaillée ') },
  { weight: 1, arbitrary: fc.constantFrom('', '   ') },
);
const clarificationIdArb = fc.constantFrom('precision-1', 'precision-2');
/** Stands for the id of the request open at the time, whichever it is. */
const OPEN_CLARIFICATION = '(demande ouverte)';
const answeredIdArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant(OPEN_CLARIFICATION) },
  clarificationIdArb,
);
const followUpIdArb = fc.constantFrom('suivi-1', 'suivi-2', 'suivi-3');
const tagIdArb = fc.constantFrom('tag-1', 'tag-2', 'tag-3');

/** Dossier-scope rules as another campaign could define them. */
const dossierRulesArb = reminderRulesArbitrary({
  kinds: [
    'DEADLINE_REMINDER',
    'CLARIFICATION_REMINDER',
    'CONSULTATION_REMINDER',
    'FOLLOW_UP_REMINDER',
  ],
  days: { min: -10, max: 0 },
  hours: [0, -1, -6],
  times: ['00:00', '02:30', '09:00', '23:59'],
  maxLength: 5,
});

const creationTemplateArb: fc.Arbitrary<DossierTemplate> = fc.record(
  {
    type: fc.constant('CreateDossierDraft' as const),
    campaign: fc.nat(CAMPAIGN_IDS.length - 1),
    organisation: fc.nat(ORGANISATION_IDS.length - 1),
    organisationName: textArb,
    organisationType: fc.constantFrom(...ORGANISATION_TYPES),
    profession: fc.constantFrom('radiologie', ' ', ''),
    reminders: fc.oneof(
      { weight: 3, arbitrary: fc.constant('reference' as const) },
      { weight: 2, arbitrary: dossierRulesArb },
    ),
  },
  {
    requiredKeys: [
      'type',
      'campaign',
      'organisation',
      'organisationName',
      'organisationType',
      'reminders',
    ],
  },
);

/** Templates of every command type; `progressWeight` sets how often the dossier is pushed on. */
const dossierTemplateArb = (progressWeight: number): fc.Arbitrary<DossierTemplate> =>
  fc.oneof(
    {
      weight: progressWeight,
      arbitrary: fc.record({ type: fc.constant('Progress' as const), variant: fc.nat(4) }),
    },
    {
      weight: 2,
      arbitrary: creationTemplateArb,
    },
    {
      weight: 8,
      arbitrary: fc.record({
        type: fc.constant('SaveAnswers' as const),
        answers: fc.dictionary(
          fc.oneof(
            { weight: 12, arbitrary: fc.constantFrom(...SECTION_IDS) },
            { weight: 1, arbitrary: fc.constant('section-inconnue') },
          ),
          fc.constantFrom('Une réponse', 'Une autre réponse', '', '  '),
          { maxKeys: 3 },
        ),
      }),
    },
    { weight: 6, arbitrary: fc.constant({ type: 'SubmitDossier' as const }) },
    {
      weight: 4,
      arbitrary: fc.record({
        type: fc.constant('RecordEligibility' as const),
        decision: fc.constantFrom(
          'ELIGIBLE' as const,
          'INELIGIBLE' as const,
          'NEEDS_REVIEW' as const,
        ),
        reasons: fc.constantFrom(['ELIGIBLE_TYPE'], ['TYPE_NOT_ELIGIBLE'], []),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('OverrideEligibility' as const),
        decision: fc.constantFrom('ELIGIBLE' as const, 'INELIGIBLE' as const),
        reason: textArb,
        actor: fc.constant(operator),
      }),
    },
    { weight: 3, arbitrary: fc.constant({ type: 'StartDossierScreening' as const }) },
    {
      weight: 4,
      arbitrary: fc.record({
        type: fc.constant('RecordScreeningResult' as const),
        result: fc.constantFrom('SHORTLISTED' as const, 'NOT_RETAINED' as const),
        note: textArb,
        actor: fc.constant(operator),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('AssignReviewers' as const),
        reviewerIds: fc.subarray(REVIEWER_IDS, { minLength: 0, maxLength: 2 }),
        actor: fc.constant(operator),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        type: fc.constant('ScoreDossier' as const),
        scores: fc.tuple(
          ...GRID_CRITERIA.map((id) =>
            fc.record({
              criterionId: fc.constant(id),
              score: fc.oneof(
                { weight: 9, arbitrary: fc.integer({ min: 1, max: 5 }) },
                { weight: 1, arbitrary: fc.constantFrom(0, 6, 2.5) },
              ),
              comment: fc.oneof(
                { weight: 19, arbitrary: fc.constant('Argumenté') },
                { weight: 1, arbitrary: fc.constant(' ') },
              ),
            }),
          ),
        ),
        actor: reviewerArb,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('ApplyEvaluationGrid' as const),
        evaluationGrid: gridArb,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('DeclareConflictOfInterest' as const),
        reason: textArb,
        actor: reviewerArb,
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        type: fc.constant('RequestClarification' as const),
        clarificationId: clarificationIdArb,
        question: textArb,
        dueAt: shiftArb,
        actor: fc.constant(operator),
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        type: fc.constant('AnswerClarification' as const),
        clarificationId: answeredIdArb,
        answer: textArb,
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('LapseClarification' as const),
        clarificationId: answeredIdArb,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('WithdrawDossier' as const),
        reason: fc.constantFrom('Plus le temps', ' '),
      }),
    },
    { weight: 3, arbitrary: fc.constant({ type: 'ExpireDraft' as const }) },
    {
      weight: 5,
      arbitrary: fc.record({
        type: fc.constant('ScheduleConsultation' as const),
        consultationId: fc.constantFrom('consultation-1', 'consultation-2'),
        startsAt: shiftArb,
        endsAt: shiftArb,
        place: fc.constantFrom('14 avenue Duquesne, Paris', 'Visioconférence', ' '),
        actor: fc.constant(operator),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('CancelConsultation' as const),
        reason: textArb,
        actor: fc.constant(operator),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('RecordConsultationOutcome' as const),
        summary: textArb,
        supportFormIds: fc.subarray([...SUPPORT_FORM_IDS, 'forme-inconnue'], { maxLength: 3 }),
        actor: fc.constant(operator),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('PlanFollowUp' as const),
        followUpId: followUpIdArb,
        title: textArb,
        owner: fc.constantFrom('instructeur-1', 'organisation', ''),
        dueAt: shiftArb,
        actor: fc.constant(operator),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('CompleteFollowUp' as const),
        followUpId: followUpIdArb,
        actor: fc.constant(operator),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('CloseDossier' as const),
        actor: fc.constant(operator),
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        type: fc.constant('ApplyCampaignCalendar' as const),
        submissionDeadline: shiftArb,
        consultationsStartAt: shiftArb,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('DeclareUnavailability' as const),
        periods: fc.array(
          fc.constantFrom(
            { startsAt: '2019-12-02T08:00:00Z', endsAt: '2019-12-02T12:00:00Z' },
            { startsAt: '2019-12-03T00:00:00.000Z', endsAt: '2019-12-05T00:00:00.000Z' },
            { startsAt: '2019-12-06T10:00:00Z', endsAt: '2019-12-06T09:00:00Z' },
          ),
          { maxLength: 3 },
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('CancelWithCampaign' as const),
        reason: fc.constant('Campagne annulée'),
      }),
    },
    {
      weight: 8,
      arbitrary: fc.record({
        type: fc.constant('IssueDossierReminder' as const),
        pending: fc.nat(5),
      }),
    },
    // Themes: passages of the generated answers (some beyond them), tags taken back, suggestions.
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('TagPassage' as const),
        tagId: tagIdArb,
        sectionId: fc.constantFrom(...SECTION_IDS.slice(0, 3)),
        start: fc.nat(4),
        end: fc.integer({ min: 2, max: 20 }),
        themeIds: fc.subarray(['formation', 'financement', 'acces-donnees']),
        actor: fc.constant(operator),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('AcceptThemeSuggestion' as const),
        tagId: tagIdArb,
        sectionId: fc.constantFrom(...SECTION_IDS.slice(0, 3)),
        start: fc.constant(0),
        end: fc.integer({ min: 3, max: 11 }),
        themeId: fc.constantFrom('formation', 'financement'),
        score: fc.constantFrom(0.5, 0.9),
        actor: fc.constant(operator),
      }),
    },
    {
      // Taking a tag back needs a tag first: weighted up so that it is reached with reviews in the
      // mix too (the coverage test below).
      weight: 4,
      arbitrary: fc.record({
        type: fc.constant('RemoveThemeTag' as const),
        tagId: tagIdArb,
        actor: fc.constant(operator),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('RejectThemeSuggestion' as const),
        sectionId: fc.constantFrom(...SECTION_IDS.slice(0, 3)),
        themeId: fc.constantFrom('formation', 'financement'),
        actor: fc.constant(operator),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('IssueDossierReminder' as const),
        ruleId: fc.constantFrom('depot-j-7', 'depot-j-1', 'precisions-j-2', 'regle-0', 'inconnue'),
        occurrence: fc.constantFrom('deadline', 'precision-1', 'consultation-1#1', 'suivi-1'),
      }),
    },
  );

function resolveShift(shift: Shift, now: number, state: DossierState): string {
  const terms = isDossier(state) ? state.terms : referenceTerms;
  return resolveInstantShift(
    shift,
    (from) =>
      ({
        now,
        deadline: Date.parse(terms.submissionDeadline),
        consultations: Date.parse(terms.consultationsStartAt),
      })[from],
  );
}

function creation(
  campaignId: string,
  organisationId: string,
  reminders: Extract<DossierTemplate, { type: 'CreateDossierDraft' }>['reminders'],
): CreateDossierDraft {
  return {
    type: 'CreateDossierDraft',
    campaignId,
    organisationId,
    organisationName: 'Conseil national professionnel',
    organisationType: 'CNP',
    terms: reminders === 'reference' ? referenceTerms : { ...referenceTerms, reminders },
  };
}

/**
 * A command that moves the dossier one step along one of its usual paths from where it is now;
 * `variant` chooses the path (eligible or not, retained or not, consultation moved or not…).
 */
function progress(
  state: DossierState,
  now: number,
  key: StreamKey,
  variant: number,
): DossierCommand {
  if (!isDossier(state)) return creation(key.campaignId, key.organisationId, 'reference');
  const open = openClarification(state);
  if (open && variant <= 1) {
    return { type: 'AnswerClarification', clarificationId: open.clarificationId, answer: 'Voici' };
  }
  const screening = ['SUBMITTED', 'NEEDS_REVIEW', 'ELIGIBLE', 'INELIGIBLE', 'UNDER_SCREENING'];
  if (!open && variant === 4 && screening.includes(state.status)) {
    return {
      type: 'RequestClarification',
      clarificationId: `precision-${state.clarifications.length + 1}`,
      question: 'Pouvez-vous préciser ?',
      dueAt: new Date(now + 4 * DAY).toISOString(),
      actor: operator,
    };
  }
  switch (state.status) {
    case 'DRAFT':
      return Object.keys(state.answers).length === 0 || variant === 0
        ? {
            type: 'SaveAnswers',
            answers: { organisation: 'Présentation', freins: `Freins ${variant}` },
          }
        : { type: 'SubmitDossier' };
    case 'SUBMITTED': {
      const decision = (['ELIGIBLE', 'ELIGIBLE', 'NEEDS_REVIEW', 'INELIGIBLE'] as const)[
        variant % 4
      ];
      return { type: 'RecordEligibility', decision, reasons: [] };
    }
    case 'NEEDS_REVIEW':
    case 'INELIGIBLE':
      return {
        type: 'OverrideEligibility',
        decision: variant === 0 && state.status === 'NEEDS_REVIEW' ? 'INELIGIBLE' : 'ELIGIBLE',
        reason: "Vérifié auprès de l'annuaire",
        actor: operator,
      };
    case 'ELIGIBLE':
      return { type: 'StartDossierScreening' };
    case 'UNDER_SCREENING':
      // Reviewers named, then each scores, before the decision is taken (or not: variants 0, 1).
      if (variant === 2 || variant === 3) {
        const reviewers = state.reviewers ?? [];
        const unscored = reviewers.find(
          (id) => !(state.reviews ?? []).some((r) => r.reviewerId === id),
        );
        if (reviewers.length === 0) {
          return {
            type: 'AssignReviewers',
            reviewerIds: REVIEWER_IDS.slice(0, 2),
            actor: operator,
          };
        }
        if (unscored !== undefined) {
          return {
            type: 'ScoreDossier',
            scores: GRID_CRITERIA.map((criterionId, index) => ({
              criterionId,
              score: 1 + ((index + reviewers.indexOf(unscored) * 3) % 5),
              comment: 'Argumenté',
            })),
            actor: { id: unscored, role: 'operator' },
          };
        }
      }
      return {
        type: 'RecordScreeningResult',
        result: variant === 0 ? 'NOT_RETAINED' : 'SHORTLISTED',
        actor: operator,
      };
    case 'SHORTLISTED':
    case 'CONSULTATION_SCHEDULED': {
      if (state.status === 'CONSULTATION_SCHEDULED' && variant === 1) {
        return { type: 'CancelConsultation', reason: 'Indisponible', actor: operator };
      }
      if (state.status === 'CONSULTATION_SCHEDULED' && variant !== 0) {
        return {
          type: 'RecordConsultationOutcome',
          summary: 'Besoins confirmés',
          supportFormIds: SUPPORT_FORM_IDS.slice(0, variant % 3),
          actor: operator,
        };
      }
      // First scheduled, or moved by a day.
      const startsAt =
        Math.max(now + DAY, Date.parse(state.terms.consultationsStartAt) + 9 * HOUR) +
        (state.consultation ? DAY : 0);
      return {
        type: 'ScheduleConsultation',
        consultationId: state.consultation?.consultationId ?? 'consultation-1',
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + HOUR).toISOString(),
        place: '14 avenue Duquesne, Paris',
        actor: operator,
      };
    }
    case 'CONSULTED':
      return variant === 0
        ? { type: 'CloseDossier', actor: operator }
        : {
            type: 'PlanFollowUp',
            followUpId: `suivi-${state.followUps.length + 1}`,
            title: 'Envoyer la convention',
            owner: 'instructeur-1',
            dueAt: new Date(now + variant * 2 * DAY).toISOString(),
            actor: operator,
          };
    case 'FOLLOW_UP': {
      const pending = state.followUps.find((followUp) => followUp.completedAt === undefined);
      if (variant === 0 && state.followUps.length < 3) return progress(state, now, key, 1);
      return pending
        ? { type: 'CompleteFollowUp', followUpId: pending.followUpId, actor: operator }
        : { type: 'CloseDossier', actor: operator };
    }
    default:
      return { type: 'CloseDossier', actor: operator };
  }
}

interface StreamKey {
  readonly campaignId: string;
  readonly organisationId: string;
}

const SINGLE_STREAM: StreamKey = { campaignId: REFERENCE_ID, organisationId: ORGANISATION_IDS[0] };

/** The command a template stands for, at this instant, for a dossier in this state. */
function resolveCommand(
  template: DossierTemplate,
  state: DossierState,
  now: number,
  key: StreamKey,
): DossierCommand {
  switch (template.type) {
    case 'Progress':
      return progress(state, now, key, template.variant);
    case 'CreateDossierDraft': {
      const { campaign, organisation, reminders, ...rest } = template;
      return {
        ...creation(CAMPAIGN_IDS[campaign], ORGANISATION_IDS[organisation], reminders),
        ...rest,
      };
    }
    case 'AnswerClarification':
    case 'LapseClarification': {
      if (template.clarificationId !== OPEN_CLARIFICATION) return template;
      const open = isDossier(state) ? openClarification(state) : undefined;
      return { ...template, clarificationId: open?.clarificationId ?? 'precision-1' };
    }
    case 'RequestClarification':
    case 'PlanFollowUp':
      return { ...template, dueAt: resolveShift(template.dueAt, now, state) };
    case 'ScheduleConsultation':
      return {
        ...template,
        startsAt: resolveShift(template.startsAt, now, state),
        endsAt: resolveShift(template.endsAt, now, state),
      };
    case 'ApplyCampaignCalendar':
      return {
        type: 'ApplyCampaignCalendar',
        submissionDeadline: resolveShift(template.submissionDeadline, now, state),
        consultationsStartAt: resolveShift(template.consultationsStartAt, now, state),
      };
    case 'IssueDossierReminder': {
      if (!('pending' in template)) return template;
      const pending = isDossier(state) ? pendingDossierReminders(state) : [];
      const reminder = pending[template.pending % Math.max(pending.length, 1)];
      return reminder
        ? { type: 'IssueDossierReminder', ruleId: reminder.ruleId, occurrence: reminder.occurrence }
        : { type: 'IssueDossierReminder', ruleId: 'depot-j-7', occurrence: 'deadline' };
    }
    default:
      return template;
  }
}

// ---------------------------------------------------------------------------------------------
// Running a sequence

interface Step {
  readonly when: When;
  readonly what: DossierTemplate;
}

const stepArb = (progressWeight: number): fc.Arbitrary<Step> =>
  fc.record({ when: whenArb, what: dossierTemplateArb(progressWeight) });

/**
 * Every sequence begins with a creation, mostly between a week before the opening and just after
 * the deadline; then long sequences that push the dossier along its paths (to reach
 * consultations and follow-ups), long ones that mostly do not (drafts left to the deadline), and
 * short ones.
 */
const stepsArb = fc
  .tuple(
    fc.record({
      when: startArbitrary(46, whenArb),
      what: creationTemplateArb.map((template) => ({
        ...template,
        organisationName: 'Conseil national professionnel',
      })),
    }),
    fc.oneof(
      fc.array(stepArb(40), { maxLength: 60, size: 'max' }),
      fc.array(stepArb(2), { maxLength: 60, size: 'max' }),
      fc.array(stepArb(16), { maxLength: 20 }),
    ),
  )
  .map(([first, rest]) => [first, ...rest]);

type Decision = HarnessDecision<DossierCommand, DossierEvent, DossierState>;

const harness = propertyHarness(dossierDecider, (command) =>
  // The reference terms are long and always the same: named, not printed.
  command.type === 'CreateDossierDraft' && command.terms === referenceTerms
    ? { ...command, terms: '(reference campaign)' }
    : command,
);

const { run, decideAndFold, expectStableFold } = harness;

/** Declared, not destructured, so that the compiler knows it never returns. */
function violated(rule: string, decisions: readonly Decision[]): never {
  return harness.violated(rule, decisions);
}

function runDossier(steps: readonly Step[]) {
  return run(steps, {
    start: REFERENCE_SPAN_START,
    anchorsOf,
    resolve: (what, state, now) => resolveCommand(what, state, now, SINGLE_STREAM),
  });
}

/** Every reminder issued, with the dossier as it was when it went out. */
function remindersIssued(decisions: readonly Decision[]) {
  return decisions.flatMap((decision, index) =>
    decision.events
      .filter((event) => event.type === 'DossierReminderIssued')
      .map((event) => ({
        event,
        before: decision.before as Dossier,
        upToHere: decisions.slice(0, index + 1),
      })),
  );
}

// ---------------------------------------------------------------------------------------------
// Several dossiers: one stream per (campaign, organisation), as the event store keys them

interface RoutedStep extends Step {
  /** The pair whose stream a command other than a creation is sent to. */
  readonly stream: { readonly campaign: number; readonly organisation: number };
}

const routedStepsArb: fc.Arbitrary<RoutedStep[]> = fc.array(
  fc.record({
    stream: fc.record({
      campaign: fc.nat(CAMPAIGN_IDS.length - 1),
      organisation: fc.nat(ORGANISATION_IDS.length - 1),
    }),
    // Mostly minutes to hours apart, so that most creations come before the deadline.
    when: fc.oneof(
      { weight: 3, arbitrary: fc.constant({ kind: 'same' as const }) },
      {
        weight: 8,
        arbitrary: fc
          .integer({ min: 1, max: 6 * HOUR })
          .map((ms) => ({ kind: 'later' as const, ms })),
      },
      { weight: 1, arbitrary: whenArb },
    ),
    what: fc.oneof(
      { weight: 2, arbitrary: creationTemplateArb },
      { weight: 1, arbitrary: dossierTemplateArb(8) },
    ),
  }),
  { minLength: 1, maxLength: 80, size: 'max' },
);

interface Stream {
  readonly state: DossierState;
  readonly events: readonly DossierEvent[];
}

/** Streams keyed `${campaignId}/${organisationId}`; a creation goes to the pair it names. */
function runStreams(steps: readonly RoutedStep[]) {
  const streams = new Map<string, Stream>();
  const decisions: Decision[] = [];
  const stateOf = (key: string) => streams.get(key)?.state ?? initialDossierState;
  let now = REFERENCE_SPAN_START;
  for (const { stream, when, what } of steps) {
    const target: StreamKey = {
      campaignId: CAMPAIGN_IDS[stream.campaign],
      organisationId: ORGANISATION_IDS[stream.organisation],
    };
    const targetKey = `${target.campaignId}/${target.organisationId}`;
    now = resolveWhen(when, now, anchorsOf(stateOf(targetKey)));
    const command = resolveCommand(what, stateOf(targetKey), now, target);
    const key =
      command.type === 'CreateDossierDraft'
        ? `${command.campaignId}/${command.organisationId}`
        : targetKey;
    const decision = decideAndFold(command, stateOf(key), now);
    decisions.push(decision);
    streams.set(key, {
      state: decision.after,
      events: [...(streams.get(key)?.events ?? []), ...decision.events],
    });
  }
  return { streams, decisions };
}

// ---------------------------------------------------------------------------------------------
// An independent reading of the reminder rules (testing/reminder-oracle.ts)

/** The date a dossier reminder is anchored on, if the dossier is still concerned by it. */
function anchorInForce(
  dossier: Dossier,
  rule: ReminderRule,
  occurrence: string,
): string | undefined {
  // A withdrawn, expired, rejected, closed or cancelled dossier concerns no reminder.
  if (FINAL_STATUSES.includes(dossier.status)) return undefined;
  switch (rule.kind) {
    case 'DEADLINE_REMINDER':
      return dossier.status === 'DRAFT' && occurrence === 'deadline'
        ? dossier.terms.submissionDeadline
        : undefined;
    case 'CLARIFICATION_REMINDER': {
      const open = openClarification(dossier);
      return open?.clarificationId === occurrence ? open.dueAt : undefined;
    }
    case 'CONSULTATION_REMINDER': {
      const consultation = dossier.consultation;
      // One reminder per appointment, numbered by the appointment's calendar SEQUENCE plus one:
      // a consultation fixed again under the same id after its cancellation goes on counting.
      return dossier.status === 'CONSULTATION_SCHEDULED' &&
        consultation &&
        `${consultation.consultationId}#${calendarSequenceOf(consultation) + 1}` === occurrence
        ? consultation.startsAt
        : undefined;
    }
    case 'FOLLOW_UP_REMINDER': {
      const followUp = dossier.followUps.find((f) => f.followUpId === occurrence);
      return dossier.status === 'FOLLOW_UP' && followUp && followUp.completedAt === undefined
        ? followUp.dueAt
        : undefined;
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------

/** Sequences of several streams are longer: fewer runs of them. */
const STREAM_RUNS = 400;

/** Every event type, checked complete by the compiler. */
const EVENT_TYPES: Record<DossierEventType, true> = {
  DossierDraftCreated: true,
  DossierAnswersSaved: true,
  DossierSubmitted: true,
  DossierEligibilityAssessed: true,
  DossierEligibilityOverridden: true,
  DossierScreeningStarted: true,
  DossierScreened: true,
  ClarificationRequested: true,
  ClarificationAnswered: true,
  ClarificationLapsed: true,
  DossierWithdrawn: true,
  DossierExpired: true,
  ConsultationScheduled: true,
  ConsultationCancelled: true,
  DossierConsulted: true,
  FollowUpPlanned: true,
  FollowUpCompleted: true,
  DossierClosed: true,
  UnavailabilityDeclared: true,
  DossierCalendarUpdated: true,
  DossierCancelled: true,
  DossierReminderIssued: true,
  PassageTagged: true,
  ThemeTagRemoved: true,
  ThemeSuggestionRejected: true,
  ReviewersAssigned: true,
  DossierScored: true,
  ConflictOfInterestDeclared: true,
  DossierEvaluationGridUpdated: true,
};

const DEADLINE = Date.parse(referenceTerms.submissionDeadline);
/** A draft created at `ms` by the first organisation, under these reminder rules. */
const createAt = (
  ms: number,
  reminders: 'reference' | readonly ReminderRule[] = 'reference',
): Step => ({
  when: { kind: 'at', ms },
  what: {
    type: 'CreateDossierDraft',
    campaign: 0,
    organisation: 0,
    organisationName: 'Conseil national professionnel',
    organisationType: 'CNP',
    reminders,
  },
});

/** Sequences right on the deadline, always tried first (fast-check `examples`). */
/**
 * Fixed, called off, fixed again under the same id, then reminded the day before: the reminder's
 * occurrence is `consultation-1#3` (found by CI once the occurrence followed the calendar SEQUENCE
 * rather than the revision).
 */
const CONSULTATION_FIXED_AGAIN: Step[] = [
  createAt(REFERENCE_SPAN_START),
  { when: { kind: 'same' }, what: { type: 'Progress', variant: 0 } },
  {
    when: { kind: 'at', ms: Date.parse('2019-10-08T21:59:59.000Z') },
    what: { type: 'Progress', variant: 1 },
  },
  { when: { kind: 'around', anchor: 0, deltaMs: -1000 }, what: { type: 'Progress', variant: 0 } },
  { when: { kind: 'around', anchor: 0, deltaMs: 1000 }, what: { type: 'Progress', variant: 0 } },
  { when: { kind: 'later', ms: 1 }, what: { type: 'Progress', variant: 1 } },
  { when: { kind: 'later', ms: 1 }, what: { type: 'Progress', variant: 0 } },
  { when: { kind: 'later', ms: 1 }, what: { type: 'Progress', variant: 1 } },
  { when: { kind: 'later', ms: 1 }, what: { type: 'Progress', variant: 0 } },
  {
    when: { kind: 'around', anchor: 0, deltaMs: 0 },
    what: { type: 'IssueDossierReminder', pending: 0 },
  },
];

const ON_THE_DEADLINE: Step[][] = [
  // Submitted at the deadline itself.
  [
    createAt(REFERENCE_SPAN_START),
    { when: { kind: 'at', ms: DEADLINE }, what: { type: 'SubmitDossier' } },
  ],
  // Amended at the deadline itself.
  [
    createAt(REFERENCE_SPAN_START),
    { when: { kind: 'same' }, what: { type: 'SubmitDossier' } },
    {
      when: { kind: 'at', ms: DEADLINE },
      what: { type: 'SaveAnswers', answers: { freins: 'Trop tard' } },
    },
  ],
  // The deadline brought forward to this very instant, then a submission.
  [
    createAt(REFERENCE_SPAN_START),
    {
      when: { kind: 'later', ms: 3 * DAY },
      what: {
        type: 'ApplyCampaignCalendar',
        submissionDeadline: { from: 'now', ms: 0, canonical: false },
        consultationsStartAt: { from: 'consultations', ms: 0, canonical: true },
      },
    },
    { when: { kind: 'same' }, what: { type: 'SubmitDossier' } },
  ],
  // The J-7 reminder never issued in time, then asked for at the deadline (found by the
  // deadline-reminder property before the decider refused it).
  [
    createAt(Date.parse('2019-10-08T21:59:59.000Z')),
    {
      when: { kind: 'at', ms: DEADLINE },
      what: { type: 'IssueDossierReminder', ruleId: 'depot-j-7', occurrence: 'deadline' },
    },
  ],
];

describe('dossier decider, over random command sequences', () => {
  it('folds its events deterministically, also after a JSON round trip (as stored in jsonb)', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { events, state } = runDossier(steps);
        expectStableFold(events, state);
      }),
      { numRuns: FOLD_RUNS },
    );
  });

  it('never accepts a submission or an amendment at or after the deadline in force', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { decisions } = runDossier(steps);
        decisions.forEach((decision, index) => {
          if (!isDossier(decision.before)) return;
          const deadline = Date.parse(decision.before.terms.submissionDeadline);
          for (const event of decision.events) {
            const late =
              (event.type === 'DossierSubmitted' &&
                Date.parse(event.data.submittedAt) >= deadline) ||
              (event.type === 'DossierAnswersSaved' &&
                event.data.amendment &&
                Date.parse(event.data.savedAt) >= deadline);
            if (late) {
              violated(
                `${event.type} at ${decision.at}, deadline in force ${decision.before.terms.submissionDeadline}`,
                decisions.slice(0, index + 1),
              );
            }
          }
        });
      }),
      { numRuns: NUM_RUNS, examples: ON_THE_DEADLINE.map((steps) => [steps]) },
    );
  });

  it('issues each reminder once, never before its time, from the anchor in force, and deadline reminders only to drafts', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { decisions } = runDossier(steps);
        const issued = new Set<string>();
        for (const { event, before, upToHere } of remindersIssued(decisions)) {
          const { ruleId, kind, occurrence, dueAt, issuedAt } = event.data;
          const key = reminderKey(event.data);
          if (issued.has(key)) violated(`reminder ${key} issued twice`, upToHere);
          issued.add(key);
          if (Date.parse(issuedAt) < Date.parse(dueAt)) {
            violated(`reminder ${key} issued at ${issuedAt}, before its time ${dueAt}`, upToHere);
          }
          if (kind === 'DEADLINE_REMINDER' && before.status !== 'DRAFT') {
            violated(`deadline reminder ${key} issued to a ${before.status} dossier`, upToHere);
          }
          const rule = before.terms.reminders.find((candidate) => candidate.id === ruleId);
          if (!rule || rule.kind !== kind) violated(`reminder ${key} of no rule`, upToHere);
          const anchor = anchorInForce(before, rule, occurrence);
          if (anchor === undefined) {
            violated(`reminder ${key} issued to a dossier it no longer concerns`, upToHere);
          }
          const ruled = reminderDueAt(rule, new Date(anchor), before.terms.timeZone).toISOString();
          if (dueAt !== ruled) {
            violated(
              `reminder ${key} due ${dueAt}, the rule gives ${ruled} from ${anchor}`,
              upToHere,
            );
          }
          // Calendar arithmetic, DST included, checked independently; sub-second anchors apart
          // (see the next property).
          const expected = expectedDueAt(rule, anchor, before.terms.timeZone);
          if (Date.parse(anchor) % SECOND === 0 && dueAt !== expected) {
            violated(
              `reminder ${key} due ${dueAt}; by the calendar, ${JSON.stringify(rule.offset)} ` +
                `at ${rule.atLocalTime ?? '(anchor time)'} from ${anchor} is ${expected}`,
              upToHere,
            );
          }
        }
      }),
      { numRuns: NUM_RUNS, examples: [[CONSULTATION_FIXED_AGAIN]] },
    );
  });

  // Found by this property: the offset arithmetic once dropped an anchor's milliseconds, so a
  // reminder could go out up to 999 ms early.
  it('times a reminder to the millisecond of its anchor', () => {
    const deadlineOneHourBefore: ReminderRule = {
      id: 'depot-h-1',
      kind: 'DEADLINE_REMINDER',
      anchor: 'SUBMISSION_DEADLINE',
      audience: 'UNSUBMITTED_DOSSIERS',
      offset: { days: 0, hours: -1 },
    };
    // Deadline moved to 3 Oct 00:00:00.005Z; the reminder is then due at 2 Oct 23:00:00.005Z but
    // the domain says 23:00:00.000Z and accepts it then, 5 ms early.
    const minimal: Step[] = [
      createAt(REFERENCE_SPAN_START, [deadlineOneHourBefore]),
      {
        when: { kind: 'same' },
        what: {
          type: 'ApplyCampaignCalendar',
          submissionDeadline: { from: 'now', ms: 2 * DAY + 5, canonical: true },
          consultationsStartAt: { from: 'consultations', ms: 0, canonical: true },
        },
      },
      {
        when: { kind: 'at', ms: REFERENCE_SPAN_START + 2 * DAY - HOUR },
        what: { type: 'IssueDossierReminder', ruleId: 'depot-h-1', occurrence: 'deadline' },
      },
    ];
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { decisions } = runDossier(steps);
        for (const { event, before, upToHere } of remindersIssued(decisions)) {
          const { ruleId, occurrence, dueAt } = event.data;
          const rule = before.terms.reminders.find((candidate) => candidate.id === ruleId);
          const anchor = rule && anchorInForce(before, rule, occurrence);
          if (!rule || anchor === undefined) continue;
          const expected = expectedDueAt(rule, anchor, before.terms.timeZone);
          if (dueAt !== expected) {
            violated(
              `reminder ${reminderKey(event.data)} due ${dueAt}; ${JSON.stringify(rule.offset)} ` +
                `at ${rule.atLocalTime ?? '(anchor time)'} from ${anchor} is ${expected}`,
              upToHere,
            );
          }
        }
      }),
      { numRuns: NUM_RUNS, examples: [[minimal]] },
    );
  });

  it('never sends a deadline reminder once the deadline in force has passed', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { decisions } = runDossier(steps);
        decisions.forEach((decision, index) => {
          for (const event of decision.events) {
            if (event.type !== 'DossierReminderIssued' || event.data.kind !== 'DEADLINE_REMINDER') {
              continue;
            }
            const deadline = (decision.before as Dossier).terms.submissionDeadline;
            if (Date.parse(event.data.issuedAt) >= Date.parse(deadline)) {
              violated(
                `deadline reminder ${reminderKey(event.data)} issued at ${event.data.issuedAt}, ` +
                  `deadline in force ${deadline}`,
                decisions.slice(0, index + 1),
              );
            }
          }
        });
      }),
      { numRuns: NUM_RUNS, examples: ON_THE_DEADLINE.map((steps) => [steps]) },
    );
  });

  it('scores a dossier on the grid it holds: its grid changes only before anyone scored it', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { decisions } = runDossier(steps);
        decisions.forEach((decision, index) => {
          const { before, after, events } = decision;
          if (!isDossier(before) || !isDossier(after)) return;
          for (const event of events) {
            if (
              event.type === 'DossierEvaluationGridUpdated' &&
              (before.reviews ?? []).length > 0
            ) {
              violated(`grid changed on a scored dossier`, decisions.slice(0, index + 1));
            }
            if (event.type !== 'DossierScored') continue;
            const criteria = (after.terms.evaluationGrid?.criteria ?? []).map((c) => c.id);
            const scored = event.data.scores.map((score) => score.criterionId);
            if (JSON.stringify(scored) !== JSON.stringify(criteria)) {
              violated(`scored ${scored.join()} on a grid of ${criteria.join()}`, decisions);
            }
          }
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never holds two dossiers for one organisation in one campaign', () => {
    fc.assert(
      fc.property(routedStepsArb, (steps) => {
        const { streams, decisions } = runStreams(steps);
        for (const [key, { events }] of streams) {
          const created = events.filter((event) => event.type === 'DossierDraftCreated');
          if (created.length > 1)
            violated(`${created.length} dossiers in stream ${key}`, decisions);
          for (const event of created) {
            const { campaignId, organisationId } = event.data;
            if (`${campaignId}/${organisationId}` !== key) {
              violated(`dossier of ${campaignId}/${organisationId} in stream ${key}`, decisions);
            }
          }
        }
      }),
      { numRuns: STREAM_RUNS },
    );
  });

  it('generates sequences that reach every status and produce every event type', () => {
    const statuses = new Set<string>();
    const eventTypes = new Set<DossierEventType>();
    let deadlinesMovedEarlier = 0;
    for (const steps of fc.sample(stepsArb, { numRuns: 400, seed: 20191009 })) {
      const { decisions } = runDossier(steps);
      for (const { before, after, events } of decisions) {
        if (isDossier(after)) statuses.add(after.status);
        events.forEach((event) => eventTypes.add(event.type));
        if (
          isDossier(before) &&
          isDossier(after) &&
          Date.parse(after.terms.submissionDeadline) < Date.parse(before.terms.submissionDeadline)
        ) {
          deadlinesMovedEarlier += 1;
        }
      }
    }
    expect([...statuses].sort()).toEqual([...DOSSIER_STATUSES].sort());
    expect([...eventTypes].sort()).toEqual(Object.keys(EVENT_TYPES).sort());
    expect(deadlinesMovedEarlier).toBeGreaterThan(50);
    let secondCreations = 0;
    for (const steps of fc.sample(routedStepsArb, { numRuns: 200, seed: 20191009 })) {
      const { decisions } = runStreams(steps);
      secondCreations += decisions.filter((d) => d.refused === 'DOSSIER_ALREADY_EXISTS').length;
    }
    expect(secondCreations).toBeGreaterThan(200);
    // The examples on the deadline do reach it: their last command meets the deadline in force.
    for (const steps of ON_THE_DEADLINE) {
      const last = runDossier(steps).decisions.at(-1) as Decision;
      expect(Date.parse(last.at)).toBe(
        Date.parse((last.before as Dossier).terms.submissionDeadline),
      );
      expect(last.refused).toBeDefined();
    }
  });
});
