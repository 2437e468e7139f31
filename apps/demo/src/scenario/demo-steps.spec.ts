import {
  computeCompleteness,
  referenceCampaign,
  reminderDueAt,
  toLocalDateTime,
} from '@amiflow/domain';
import { castDemoOrganisations, DemoOrganisation } from './demo-cast';
import { DemoStep, planDemoSteps } from './demo-steps';

const { definition } = referenceCampaign;
const { calendar } = definition;

/** The directory seed's shape (libs/persistence/src/directory/reference-organisations.json). */
const directory: DemoOrganisation[] = [
  {
    organisationId: 'association-patients',
    name: 'Association de patients',
    profile: { type: 'ASSOCIATION' },
  },
  { organisationId: 'chu-exemple', name: 'CHU', profile: { type: 'HOSPITAL' } },
  ...['cardiologie', 'dermatologie', 'geriatrie', 'medecine-generale', 'ophtalmologie'].map(
    (profession): DemoOrganisation => ({
      organisationId: `cnp-${profession}`,
      name: `CNP de ${profession}`,
      profile: { type: 'CNP', profession },
    }),
  ),
  {
    organisationId: 'college-radiologues-liberaux',
    name: 'Collège des radiologues libéraux',
    profile: { type: 'PROFESSIONAL_COLLEGE', profession: 'radiologie', professionHasCnp: true },
  },
  {
    organisationId: 'fsm',
    name: 'FSM',
    profile: { type: 'FEDERATIVE_STRUCTURE', federatedCnpCount: 9 },
  },
  { organisationId: 'societe-imagerie-ia', name: 'Société', profile: { type: 'COMPANY' } },
];

describe('castDemoOrganisations', () => {
  const roles = castDemoOrganisations(directory, definition.eligibility);

  it('hands the parts to eligible organisations in directory order, then one intruder', () => {
    expect(
      roles.map((role) => [role.organisation.organisationId, role.persona, role.screening]),
    ).toEqual([
      ['cnp-cardiologie', 'complete', 'SHORTLISTED'],
      ['cnp-dermatologie', 'complete', 'SHORTLISTED'],
      ['cnp-geriatrie', 'incomplete', 'SHORTLISTED'],
      ['cnp-medecine-generale', 'complete', 'NOT_RETAINED'],
      ['cnp-ophtalmologie', 'incomplete', 'NOT_RETAINED'],
      ['fsm', 'late', undefined],
      ['societe-imagerie-ia', 'ineligible', undefined],
    ]);
  });

  it('picks a company as the intruder before an association or a hospital', () => {
    expect(roles.at(-1)?.organisation.profile.type).toBe('COMPANY');
  });

  it('casts fewer organisations from a smaller directory', () => {
    const small = castDemoOrganisations(directory.slice(2, 4), definition.eligibility);
    expect(small.map((role) => role.persona)).toEqual(['complete', 'complete']);
  });
});

describe('planDemoSteps', () => {
  const cnps = Array.from({ length: 8 }, (_, i): DemoOrganisation => ({
    organisationId: `cnp-${i}`,
    name: `CNP ${i}`,
    profile: { type: 'CNP', profession: `profession ${i}` },
  }));
  const company: DemoOrganisation = {
    organisationId: 'societe',
    name: 'Société',
    profile: { type: 'COMPANY' },
  };
  const roles = castDemoOrganisations([...cnps, company], definition.eligibility);
  const steps = planDemoSteps(roles, definition);
  const of = (organisationId: string) =>
    steps.filter((step) => step.role.organisation.organisationId === organisationId);
  const paris = (step: DemoStep) => toLocalDateTime(new Date(step.at), 'Europe/Paris');
  const ms = (instant: string | undefined) => Date.parse(instant as string);

  it('plays every part: seven eligible organisations and the intruder', () => {
    expect(roles.map((role) => role.persona)).toEqual([
      'complete',
      'complete',
      'incomplete',
      'complete',
      'incomplete',
      'late',
      'silent',
      'ineligible',
    ]);
  });

  it('is in order of time, each act at a working hour in Paris', () => {
    const times = steps.map((step) => step.at);
    expect(times).toEqual([...times].sort());
    for (const step of steps) expect(paris(step).slice(11, 13) >= '08').toBe(true);
  });

  it('has the registrants sign up before the meeting reminder goes out', () => {
    const reminder = reminderDueAt(
      definition.reminders.find((r) => r.id === 'reunion-j-2')!,
      new Date(calendar.meetingStartsAt!),
      definition.timeZone,
    ).getTime();
    const registrations = steps.filter((step) => step.action.type === 'RegisterForMeeting');
    expect(registrations).toHaveLength(5);
    for (const step of registrations) expect(ms(step.at)).toBeLessThan(reminder);
  });

  it('has the complete and incomplete ones submit in time, some before J-7 and some after', () => {
    const j7 = Date.parse('2019-11-08T08:00:00.000Z');
    const submissions = steps.filter((step) => step.action.type === 'Submit' && !step.action.late);
    expect(submissions.map((step) => step.role.persona).sort()).toEqual([
      'complete',
      'complete',
      'complete',
      'incomplete',
      'incomplete',
      'ineligible',
    ]);
    for (const step of submissions) {
      expect(ms(step.at)).toBeLessThan(ms(calendar.submissionDeadline) - 4 * 24 * 3_600_000);
    }
    expect(submissions.some((step) => ms(step.at) < j7)).toBe(true);
    expect(submissions.some((step) => ms(step.at) > j7)).toBe(true);
  });

  it('leaves required sections empty for the incomplete ones, none for the complete ones', () => {
    const completenessOf = (organisationId: string) => {
      const answers: Record<string, string> = {};
      for (const step of of(organisationId)) {
        if (step.action.type === 'SaveAnswers') Object.assign(answers, step.action.answers);
      }
      return computeCompleteness(definition.sections, answers);
    };
    expect(completenessOf('cnp-0').percent).toBe(100);
    expect(completenessOf('cnp-2').missingRequiredSectionIds.length).toBeGreaterThan(0);
    expect(completenessOf('cnp-6').missingRequiredSectionIds.length).toBeGreaterThan(0);
  });

  it('has the late one try the morning after the deadline, and the silent one never submit', () => {
    expect(of('cnp-5').at(-1)).toMatchObject({ action: { type: 'Submit', late: true } });
    expect(paris(of('cnp-5').at(-1)!)).toBe('2019-11-15T08:45:00');
    expect(of('cnp-6').map((step) => step.action.type)).toEqual(['CreateDraft', 'SaveAnswers']);
  });

  it('opens each draft before saving answers, and saves before submitting', () => {
    for (const role of roles) {
      const types = of(role.organisation.organisationId)
        .map((step) => step.action.type)
        .filter((type) => type !== 'RegisterForMeeting');
      expect(types[0]).toBe('CreateDraft');
      expect(types.indexOf('SaveAnswers')).toBeGreaterThan(0);
    }
  });

  it('has the operator screen the eligible dossiers between the deadline and the consultations', () => {
    const screening = steps.filter((step) => step.actor === 'operator');
    expect(screening.map((step) => [step.role.organisation.organisationId, step.action])).toEqual([
      ['cnp-0', expect.objectContaining({ result: 'SHORTLISTED' })],
      ['cnp-1', expect.objectContaining({ result: 'SHORTLISTED' })],
      ['cnp-2', expect.objectContaining({ result: 'SHORTLISTED' })],
      ['cnp-3', expect.objectContaining({ result: 'NOT_RETAINED' })],
      ['cnp-4', expect.objectContaining({ result: 'NOT_RETAINED' })],
    ]);
    for (const step of screening) {
      expect(ms(step.at)).toBeGreaterThan(ms(calendar.submissionDeadline));
      expect(ms(step.at)).toBeLessThan(ms(calendar.consultationsStartAt));
    }
  });

  it('writes its answers in French, for the campaign’s own sections', () => {
    const saved = of('cnp-0').flatMap((step) =>
      step.action.type === 'SaveAnswers' ? Object.entries(step.action.answers) : [],
    );
    expect(saved.map(([id]) => id).sort()).toEqual(definition.sections.map((s) => s.id).sort());
    expect(saved[0][1]).toMatch(/^Réponse de démonstration de CNP 0/);
  });
});
