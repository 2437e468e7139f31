import { dossierAfter, referenceDossierSteps } from '../testing/reference-dossier';
import { DossierCommand } from './dossier.commands';
import { decidedOnCampaignDates, mayStillAmend } from './dossier.campaign-dates';
import { initialDossierState } from './dossier.state';

// Which commands depend on the campaign's dates a dossier holds a copy of (issue 10, fault 1),
// and which dossiers a moved deadline concerns (fault 2), on the reference campaign.
const { create, submit, assess, startScreening, shortlist } = referenceDossierSteps;
const draft = dossierAfter(create);

describe('the commands decided on the campaign dates', () => {
  it.each<DossierCommand['type']>([
    'SubmitDossier',
    'SaveAnswers',
    'ExpireDraft',
    'StartDossierScreening',
    'ScheduleConsultation',
  ])('%s depends on the deadline or the consultations’ start', (type) => {
    expect(decidedOnCampaignDates({ type } as DossierCommand, draft)).toBe(true);
  });

  it('a deadline reminder depends on the deadline; another reminder does not', () => {
    const [deadlineRule] = draft.terms.reminders.filter((r) => r.kind === 'DEADLINE_REMINDER');
    const [otherRule] = draft.terms.reminders.filter((r) => r.kind !== 'DEADLINE_REMINDER');
    const reminder = (ruleId: string): DossierCommand => ({
      type: 'IssueDossierReminder',
      ruleId,
      occurrence: 'deadline',
    });
    expect(decidedOnCampaignDates(reminder(deadlineRule.id), draft)).toBe(true);
    expect(decidedOnCampaignDates(reminder(otherRule.id), draft)).toBe(false);
    expect(decidedOnCampaignDates(reminder(deadlineRule.id), initialDossierState)).toBe(false);
  });

  it('an operator’s screening result does not', () => {
    expect(
      decidedOnCampaignDates(
        {
          type: 'RecordScreeningResult',
          result: 'SHORTLISTED',
          actor: { id: 'instructeur-1', role: 'operator' },
        },
        draft,
      ),
    ).toBe(false);
  });
});

describe('the dossiers a moved deadline concerns', () => {
  it('a draft and a submitted dossier awaiting screening may still amend', () => {
    expect(mayStillAmend(draft)).toBe(true);
    expect(mayStillAmend(dossierAfter(create, submit))).toBe(true);
    expect(mayStillAmend(dossierAfter(create, submit, assess('ELIGIBLE')))).toBe(true);
  });

  it('a dossier in screening or beyond, or none at all, may not', () => {
    expect(mayStillAmend(dossierAfter(create, submit, assess('ELIGIBLE'), startScreening))).toBe(
      false,
    );
    expect(
      mayStillAmend(dossierAfter(create, submit, assess('ELIGIBLE'), startScreening, shortlist)),
    ).toBe(false);
    expect(mayStillAmend(initialDossierState)).toBe(false);
  });
});
