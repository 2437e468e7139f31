import {
  assessEligibility,
  EligibilityPolicy,
  OrganisationProfile,
  OrganisationType,
} from '@amiflow/domain';

/** An organisation of the directory, as the demo needs it. */
export interface DemoOrganisation {
  readonly organisationId: string;
  readonly name: string;
  readonly profile: OrganisationProfile;
}

/** How a simulated organisation behaves during the campaign. */
export type DemoPersona =
  /** Answers every section and submits in time. */
  | 'complete'
  /** Leaves required sections empty and submits anyway: accepted, its completeness shown. */
  | 'incomplete'
  /** Of a type the call does not address: submits, and the eligibility check refuses it. */
  | 'ineligible'
  /** Works on its draft, and tries to submit the morning after the deadline. */
  | 'late'
  /** Opens a draft and never submits it: it expires at the deadline. */
  | 'silent';

export interface DemoRole {
  readonly organisation: DemoOrganisation;
  readonly persona: DemoPersona;
  /** Its rank among the cast: spreads its steps over the days. */
  readonly index: number;
  readonly registersForMeeting: boolean;
  /** What the operator decides once the screening starts (eligible dossiers only). */
  readonly screening?: 'SHORTLISTED' | 'NOT_RETAINED';
}

type Part = Pick<DemoRole, 'persona' | 'registersForMeeting' | 'screening'>;

/** The eligible organisations' parts, in the order they are handed out. */
const ELIGIBLE_PARTS: readonly Part[] = [
  { persona: 'complete', registersForMeeting: true, screening: 'SHORTLISTED' },
  { persona: 'complete', registersForMeeting: true, screening: 'SHORTLISTED' },
  { persona: 'incomplete', registersForMeeting: true, screening: 'SHORTLISTED' },
  { persona: 'complete', registersForMeeting: false, screening: 'NOT_RETAINED' },
  { persona: 'incomplete', registersForMeeting: true, screening: 'NOT_RETAINED' },
  { persona: 'late', registersForMeeting: true },
  { persona: 'silent', registersForMeeting: false },
];

/** Of the types the call does not address, those most likely to answer it anyway, first. */
const LIKELY_INTRUDERS: readonly OrganisationType[] = ['COMPANY', 'ASSOCIATION', 'HOSPITAL'];

/**
 * Hands the demo's parts to organisations of the directory: the eligible ones (by the campaign's
 * own policy) in directory order, then one organisation whose type the call does not address.
 * A smaller directory gets a smaller cast.
 */
export function castDemoOrganisations(
  directory: readonly DemoOrganisation[],
  policy: EligibilityPolicy,
): DemoRole[] {
  const assessed = directory.map((organisation) => ({
    organisation,
    assessment: assessEligibility(policy, organisation.profile),
  }));
  const eligible = assessed
    .filter(({ assessment }) => assessment.decision === 'ELIGIBLE')
    .map(({ organisation }) => organisation);
  const rank = (type: OrganisationType) => {
    const position = LIKELY_INTRUDERS.indexOf(type);
    return position === -1 ? LIKELY_INTRUDERS.length : position;
  };
  const intruder = assessed
    .filter(({ assessment }) => assessment.reasons.includes('TYPE_NOT_ELIGIBLE'))
    .map(({ organisation }) => organisation)
    .sort((a, b) => rank(a.profile.type) - rank(b.profile.type))[0];

  const roles: DemoRole[] = ELIGIBLE_PARTS.slice(0, eligible.length).map((part, index) => ({
    ...part,
    organisation: eligible[index],
    index,
  }));
  if (intruder) {
    roles.push({
      organisation: intruder,
      persona: 'ineligible',
      index: roles.length,
      registersForMeeting: false,
    });
  }
  return roles;
}
