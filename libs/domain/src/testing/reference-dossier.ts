import { decideCampaign, evolveCampaign } from '../campaign/campaign.decider';
import { initialCampaignState, isCampaign } from '../campaign/campaign.state';
import { DossierCampaignTerms, dossierTermsOf } from '../dossier/dossier-terms';
import { DossierCommand } from '../dossier/dossier.commands';
import { decideDossier, evolveDossier } from '../dossier/dossier.decider';
import { DossierEvent } from '../dossier/dossier.events';
import { Dossier, DossierState, initialDossierState, isDossier } from '../dossier/dossier.state';
import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { Actor } from '../shared/actor';

// One dossier of the reference campaign (2019), the CNP de radiologie's, told step by step: the
// story the specs of a dossier's work and schedule start from. Deadline « avant le 15 novembre »
// = 15 Nov 00:00 Paris = 14 Nov 23:00 UTC.

/** A command and the instant it is decided at. */
export type DossierStep = readonly [command: DossierCommand, at: string];

/** The operator every step is taken by. */
export const referenceOperator: Actor = { id: 'operator-1', role: 'operator' };
const operator = referenceOperator;

const campaign = decideCampaign(
  {
    type: 'CreateCampaign',
    campaignId: referenceCampaign.campaignId,
    definition: referenceCampaign.definition,
    actor: { id: 'admin-1', role: 'admin' },
  },
  initialCampaignState,
  new Date('2019-10-01T08:00:00.000Z'),
).reduce(evolveCampaign, initialCampaignState);
if (!isCampaign(campaign)) throw new Error('The reference campaign was not created.');

/** What a dossier of the reference campaign is given at creation. */
export const referenceDossierTerms: DossierCampaignTerms = dossierTermsOf(campaign);

/** The dossier these steps leave, each command decided at its instant. */
export function dossierAfter(...steps: DossierStep[]): Dossier {
  const events = steps.reduce<DossierEvent[]>((past, [command, at]) => {
    const state: DossierState = past.reduce(evolveDossier, initialDossierState);
    return [...past, ...decideDossier(command, state, new Date(at))];
  }, []);
  const dossier = events.reduce(evolveDossier, initialDossierState);
  if (!isDossier(dossier)) throw new Error('No dossier after these steps.');
  return dossier;
}

/** The draft's creation, on 10 Oct, with these terms (the campaign's unless said). */
function createdWith(terms: DossierCampaignTerms = referenceDossierTerms): DossierStep {
  return [
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
}

const create = createdWith();

const submit: DossierStep = [{ type: 'SubmitDossier' }, '2019-11-01T08:00:00.000Z'];

const assess = (decision: 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_REVIEW'): DossierStep => [
  { type: 'RecordEligibility', decision, reasons: ['ELIGIBLE_TYPE'] },
  '2019-11-01T08:01:00.000Z',
];

/** Due 12 Nov 17:00 UTC. */
const requestClarification: DossierStep = [
  {
    type: 'RequestClarification',
    clarificationId: 'precisions-1',
    question: 'Combien de membres ?',
    dueAt: '2019-11-12T17:00:00.000Z',
    actor: operator,
  },
  '2019-11-04T08:00:00.000Z',
];

const answerClarification: DossierStep = [
  { type: 'AnswerClarification', clarificationId: 'precisions-1', answer: 'Douze.' },
  '2019-11-05T08:00:00.000Z',
];

const startScreening: DossierStep = [{ type: 'StartDossierScreening' }, '2019-11-18T08:00:00.000Z'];

const shortlist: DossierStep = [
  { type: 'RecordScreeningResult', result: 'SHORTLISTED', actor: operator },
  '2019-11-20T08:00:00.000Z',
];

const notRetain: DossierStep = [
  { type: 'RecordScreeningResult', result: 'NOT_RETAINED', actor: operator },
  '2019-11-20T08:00:00.000Z',
];

/** On 3 Dec, 09:00 to 10:00 UTC. */
const schedule: DossierStep = [
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

const recordOutcome: DossierStep = [
  {
    type: 'RecordConsultationOutcome',
    summary: 'Besoin de bases annotées.',
    supportFormIds: ['bases-ouvertes'],
    actor: operator,
  },
  '2019-12-03T10:00:00.000Z',
];

/** Owned by the DNS, due 20 Dec 17:00 UTC. */
const planFollowUp: DossierStep = [
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

const cancelConsultation: DossierStep = [
  { type: 'CancelConsultation', reason: 'Empêchement.', actor: operator },
  '2019-11-25T08:00:00.000Z',
];

const completeFollowUp: DossierStep = [
  { type: 'CompleteFollowUp', followUpId: 'convention-1', actor: operator },
  '2019-12-05T08:00:00.000Z',
];

const close: DossierStep = [{ type: 'CloseDossier', actor: operator }, '2019-12-06T08:00:00.000Z'];

/** Records a reminder of this dossier as issued at `at`. */
const issued = (ruleId: string, occurrence: string, at: string): DossierStep => [
  { type: 'IssueDossierReminder', ruleId, occurrence },
  at,
];

export const referenceDossierSteps = {
  createdWith,
  create,
  submit,
  assess,
  requestClarification,
  answerClarification,
  startScreening,
  shortlist,
  notRetain,
  schedule,
  cancelConsultation,
  recordOutcome,
  planFollowUp,
  completeFollowUp,
  close,
  issued,
};

/** The dossier's story up to its consultation scheduled, on 22 Nov for 3 Dec. */
const toConsultation: readonly DossierStep[] = [
  create,
  submit,
  assess('ELIGIBLE'),
  startScreening,
  shortlist,
  schedule,
];

/** The story on to its follow-up planned, on 4 Dec, due 20 Dec. */
const toFollowUp: readonly DossierStep[] = [...toConsultation, recordOutcome, planFollowUp];

/** Where the specs start their dossier most often: prefixes of its usual story. */
export const referenceDossierStories = { toConsultation, toFollowUp };
