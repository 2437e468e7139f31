import {
  Answers,
  applyOffset,
  CampaignDefinition,
  instant,
  Instant,
  Offset,
} from '@amiflow/domain';
import { demoAnswers } from './demo-answers';
import { DemoRole } from './demo-cast';

export type DemoAction =
  | { readonly type: 'RegisterForMeeting' }
  | { readonly type: 'CreateDraft' }
  | { readonly type: 'SaveAnswers'; readonly answers: Answers }
  /** `late`: the attempt comes after the deadline, and its refusal is the point. */
  | { readonly type: 'Submit'; readonly late: boolean }
  | {
      readonly type: 'RecordScreeningResult';
      readonly result: 'SHORTLISTED' | 'NOT_RETAINED';
      readonly note: string;
    };

export interface DemoStep {
  /** When it happens, in the original calendar. */
  readonly at: Instant;
  /** Who acts: the organisation on its own dossier, or an operator of the ministry. */
  readonly actor: 'organisation' | 'operator';
  readonly role: DemoRole;
  readonly action: DemoAction;
}

const SCREENING_NOTES = {
  SHORTLISTED: 'Propositions à approfondir lors d’un entretien individuel.',
  NOT_RETAINED: 'Réponse versée à la synthèse des besoins, sans entretien individuel.',
} as const;

/**
 * What the cast does, and when, in the campaign's original calendar: the days are counted from
 * its dates in its zone and each act falls at a working hour, the cast's members a day apart
 * from each other. Organisations register for the meeting and open their drafts in the first
 * days, answer half the questionnaire mid-way and the rest (if they ever do) in the last
 * fortnight, and submit between ten and four days before the deadline, so that some do before
 * the J-7 reminder and some after. The late one tries the morning after the deadline; the
 * operator screens the eligible dossiers from the third day after it, one a day.
 */
export function planDemoSteps(
  roles: readonly DemoRole[],
  definition: CampaignDefinition,
): DemoStep[] {
  const { calendar, timeZone, sections } = definition;
  const at = (anchor: Instant, offset: Offset, time?: string): Instant =>
    instant(applyOffset(new Date(anchor), offset, timeZone, time));
  const opening = calendar.opensAt;
  const deadline = calendar.submissionDeadline;
  const firstHalf = sections.slice(0, Math.ceil(sections.length / 2));
  const secondHalf = sections.slice(firstHalf.length);

  const steps: DemoStep[] = [];
  const organisationStep = (role: DemoRole, when: Instant, action: DemoAction) =>
    steps.push({ at: when, actor: 'organisation', role, action });

  for (const role of roles) {
    const { index: i, organisation } = role;
    const registration = calendar.meetingRegistrationDeadline;
    const registersAt = at(opening, { days: 1 + i }, '10:00');
    if (role.registersForMeeting && registration && registersAt < registration) {
      organisationStep(role, registersAt, { type: 'RegisterForMeeting' });
    }
    if (role.persona === 'ineligible') {
      organisationStep(role, at(opening, { days: 2 }, '11:00'), { type: 'CreateDraft' });
      organisationStep(role, at(opening, { days: 6 }, '15:00'), {
        type: 'SaveAnswers',
        answers: demoAnswers(sections, organisation),
      });
      organisationStep(role, at(opening, { days: 8 }, '17:30'), { type: 'Submit', late: false });
      continue;
    }
    organisationStep(role, at(opening, { days: 3 + i }, '09:30'), { type: 'CreateDraft' });
    organisationStep(role, at(opening, { days: 12 + i }, '14:00'), {
      type: 'SaveAnswers',
      answers: demoAnswers(firstHalf, organisation),
    });
    if (role.persona === 'complete' || role.persona === 'late') {
      organisationStep(role, at(deadline, { days: -13 + i }, '11:00'), {
        type: 'SaveAnswers',
        answers: demoAnswers(secondHalf, organisation),
      });
    }
    if (role.persona === 'complete' || role.persona === 'incomplete') {
      organisationStep(role, at(deadline, { days: -10 + i }, '16:00'), {
        type: 'Submit',
        late: false,
      });
    }
    if (role.persona === 'late') {
      organisationStep(role, at(deadline, { hours: 8, minutes: 45 }), {
        type: 'Submit',
        late: true,
      });
    }
  }

  roles
    .filter((role) => role.screening !== undefined)
    .forEach((role, k) => {
      const result = role.screening as 'SHORTLISTED' | 'NOT_RETAINED';
      steps.push({
        at: at(deadline, { days: 3 + k }, '10:00'),
        actor: 'operator',
        role,
        action: { type: 'RecordScreeningResult', result, note: SCREENING_NOTES[result] },
      });
    });

  return steps.sort((a, b) => a.at.localeCompare(b.at));
}
