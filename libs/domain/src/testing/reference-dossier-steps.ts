import { DossierCampaignTerms } from '../dossier/dossier-terms';
import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { DossierStep, referenceDossierTerms, referenceOperator } from './reference-dossier-terms';

// The reference dossier (the CNP de radiologie's, in the 2019 campaign) told step by step, each
// step a command and its instant, one named export a step: the specs import the steps they tell
// their dossier's story with. Read as a whole through reference-dossier.ts.

const operator = referenceOperator;

/** The draft's creation, on 10 Oct, with these terms (the campaign's unless said). */
export function createdWith(terms: DossierCampaignTerms = referenceDossierTerms): DossierStep {
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

export const create = createdWith();

export const submit: DossierStep = [{ type: 'SubmitDossier' }, '2019-11-01T08:00:00.000Z'];

export const assess = (decision: 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_REVIEW'): DossierStep => [
  { type: 'RecordEligibility', decision, reasons: ['ELIGIBLE_TYPE'] },
  '2019-11-01T08:01:00.000Z',
];

/** Due 12 Nov 17:00 UTC. */
export const requestClarification: DossierStep = [
  {
    type: 'RequestClarification',
    clarificationId: 'precisions-1',
    question: 'Combien de membres ?',
    dueAt: '2019-11-12T17:00:00.000Z',
    actor: operator,
  },
  '2019-11-04T08:00:00.000Z',
];

export const answerClarification: DossierStep = [
  { type: 'AnswerClarification', clarificationId: 'precisions-1', answer: 'Douze.' },
  '2019-11-05T08:00:00.000Z',
];

export const startScreening: DossierStep = [
  { type: 'StartDossierScreening' },
  '2019-11-18T08:00:00.000Z',
];

export const shortlist: DossierStep = [
  { type: 'RecordScreeningResult', result: 'SHORTLISTED', actor: operator },
  '2019-11-20T08:00:00.000Z',
];

export const notRetain: DossierStep = [
  { type: 'RecordScreeningResult', result: 'NOT_RETAINED', actor: operator },
  '2019-11-20T08:00:00.000Z',
];

/** On 3 Dec, 09:00 to 10:00 UTC. */
export const schedule: DossierStep = [
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

export const recordOutcome: DossierStep = [
  {
    type: 'RecordConsultationOutcome',
    summary: 'Besoin de bases annotées.',
    supportFormIds: ['bases-ouvertes'],
    actor: operator,
  },
  '2019-12-03T10:00:00.000Z',
];

/** Owned by the DNS, due 20 Dec 17:00 UTC. */
export const planFollowUp: DossierStep = [
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

export const cancelConsultation: DossierStep = [
  { type: 'CancelConsultation', reason: 'Empêchement.', actor: operator },
  '2019-11-25T08:00:00.000Z',
];

export const completeFollowUp: DossierStep = [
  { type: 'CompleteFollowUp', followUpId: 'convention-1', actor: operator },
  '2019-12-05T08:00:00.000Z',
];

export const close: DossierStep = [
  { type: 'CloseDossier', actor: operator },
  '2019-12-06T08:00:00.000Z',
];

/** Records a reminder of this dossier as issued at `at`. */
export const issued = (ruleId: string, occurrence: string, at: string): DossierStep => [
  { type: 'IssueDossierReminder', ruleId, occurrence },
  at,
];

/** The dossier's story up to its consultation scheduled, on 22 Nov for 3 Dec. */
export const toConsultation: readonly DossierStep[] = [
  create,
  submit,
  assess('ELIGIBLE'),
  startScreening,
  shortlist,
  schedule,
];

/** The story on to its follow-up planned, on 4 Dec, due 20 Dec. */
export const toFollowUp: readonly DossierStep[] = [...toConsultation, recordOutcome, planFollowUp];
