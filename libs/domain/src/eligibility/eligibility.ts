import { OrganisationType } from '../shared/organisation-type';
import type { EligibilityPolicy } from './eligibility-policy.schema';

export type {
  EligibilityCondition,
  EligibilityPolicy,
  EligibleType,
} from './eligibility-policy.schema';

/** What the directory knows of an organisation; unknown facts stay undefined. */
export interface OrganisationProfile {
  readonly type: OrganisationType;
  readonly profession?: string;
  /** For a professional college: whether its profession has a CNP. */
  readonly professionHasCnp?: boolean;
  /** For a federative structure: how many CNPs it federates. */
  readonly federatedCnpCount?: number;
}

export type EligibilityReason =
  | 'ELIGIBLE_TYPE'
  | 'COLLEGE_OF_PROFESSION_WITHOUT_CNP'
  | 'FEDERATES_CNPS'
  | 'TYPE_NOT_ELIGIBLE'
  | 'PROFESSION_HAS_CNP'
  | 'FEDERATES_NO_CNP'
  | 'NOT_IN_DIRECTORY'
  | 'CONDITION_UNKNOWN';

export type EligibilityDecision = 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_REVIEW';

export interface EligibilityAssessment {
  readonly decision: EligibilityDecision;
  readonly reasons: readonly EligibilityReason[];
}

/**
 * Applies the campaign's policy to what the directory says. When the directory cannot tell
 * (organisation missing, a fact the condition needs unknown) the answer is NEEDS_REVIEW: an
 * operator decides, nothing is accepted or refused silently.
 */
export function assessEligibility(
  policy: EligibilityPolicy,
  profile: OrganisationProfile | undefined,
): EligibilityAssessment {
  if (!profile) return { decision: 'NEEDS_REVIEW', reasons: ['NOT_IN_DIRECTORY'] };
  const entry = policy.eligibleTypes.find((eligible) => eligible.type === profile.type);
  if (!entry) return { decision: 'INELIGIBLE', reasons: ['TYPE_NOT_ELIGIBLE'] };
  switch (entry.condition) {
    case undefined:
      return { decision: 'ELIGIBLE', reasons: ['ELIGIBLE_TYPE'] };
    case 'PROFESSION_WITHOUT_CNP':
      if (profile.professionHasCnp === undefined) {
        return { decision: 'NEEDS_REVIEW', reasons: ['CONDITION_UNKNOWN'] };
      }
      return profile.professionHasCnp
        ? { decision: 'INELIGIBLE', reasons: ['PROFESSION_HAS_CNP'] }
        : { decision: 'ELIGIBLE', reasons: ['COLLEGE_OF_PROFESSION_WITHOUT_CNP'] };
    case 'FEDERATES_CNPS':
      if (profile.federatedCnpCount === undefined) {
        return { decision: 'NEEDS_REVIEW', reasons: ['CONDITION_UNKNOWN'] };
      }
      return profile.federatedCnpCount > 0
        ? { decision: 'ELIGIBLE', reasons: ['FEDERATES_CNPS'] }
        : { decision: 'INELIGIBLE', reasons: ['FEDERATES_NO_CNP'] };
  }
}

/** French wording of each reason, for operators and organisations. */
export const ELIGIBILITY_REASON_LABELS: Readonly<Record<EligibilityReason, string>> = {
  ELIGIBLE_TYPE: "Type d'organisation éligible à cet appel.",
  COLLEGE_OF_PROFESSION_WITHOUT_CNP:
    'Collège professionnel d’une profession qui ne dispose pas de conseil national professionnel.',
  FEDERATES_CNPS: 'Structure fédérative de conseils nationaux professionnels.',
  TYPE_NOT_ELIGIBLE:
    "Ce type d'organisation n'est pas éligible : l'appel est réservé aux organisations qu'il désigne.",
  PROFESSION_HAS_CNP:
    'La profession dispose d’un conseil national professionnel : c’est à lui de répondre.',
  FEDERATES_NO_CNP: 'La structure ne fédère aucun conseil national professionnel.',
  NOT_IN_DIRECTORY: "L'organisation ne figure pas dans l'annuaire : un instructeur doit vérifier.",
  CONDITION_UNKNOWN:
    "L'annuaire ne permet pas de vérifier la condition d'éligibilité : un instructeur doit vérifier.",
};
