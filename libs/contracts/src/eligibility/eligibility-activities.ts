import type { EligibilityAssessment, OrganisationType } from '@amiflow/domain';

export interface EligibilityCheckInput {
  readonly campaignId: string;
  readonly organisationId: string;
  readonly organisationType: OrganisationType;
  readonly profession: string | null;
}

/** What the dossier workflow asks once a dossier is submitted; implemented in activities/. */
export interface EligibilityActivities {
  checkEligibility(input: EligibilityCheckInput): Promise<EligibilityAssessment>;
}
