import { z } from 'zod';
import { ORGANISATION_TYPES } from '../shared/organisation-type';
import { Shape } from '../shared/schema-shape';

/**
 * A condition an organisation type must also meet to be eligible: PROFESSION_WITHOUT_CNP (a
 * professional college counts only for a profession that has no CNP), FEDERATES_CNPS (a
 * federative structure counts only if it federates CNPs).
 */
export const eligibilityConditionSchema = z.enum(['PROFESSION_WITHOUT_CNP', 'FEDERATES_CNPS']);

export const eligibleTypeSchema = z
  .strictObject({
    type: z.enum(ORGANISATION_TYPES),
    condition: eligibilityConditionSchema.optional(),
  })
  .meta({ id: 'EligibleType' });

/** Who may answer a campaign: exclusive, everything not listed is ineligible. */
export const eligibilityPolicySchema = z
  .strictObject({
    // At most one entry per type; an empty list is a rule broken (422), not a malformed file.
    eligibleTypes: z.array(eligibleTypeSchema).max(ORGANISATION_TYPES.length),
  })
  .meta({ id: 'EligibilityPolicy' });

export type EligibilityCondition = z.infer<typeof eligibilityConditionSchema>;
export type EligibleType = Shape<typeof eligibleTypeSchema>;
export type EligibilityPolicy = Shape<typeof eligibilityPolicySchema>;
