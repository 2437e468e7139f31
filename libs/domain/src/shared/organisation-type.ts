/** Kinds of organisation a campaign may address; eligibility policies name them. */
export const ORGANISATION_TYPES = [
  /** Conseil national professionnel. */
  'CNP',
  /** Federation of CNPs, such as the Fédération des spécialités médicales. */
  'FEDERATIVE_STRUCTURE',
  /** Collège professionnel (of a profession that may or may not have a CNP). */
  'PROFESSIONAL_COLLEGE',
  'LEARNED_SOCIETY',
  'PROFESSIONAL_UNION',
  'ASSOCIATION',
  'COMPANY',
  'HOSPITAL',
  'INDIVIDUAL_PRACTITIONER',
  'PUBLIC_BODY',
  'OTHER',
] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export function isOrganisationType(value: unknown): value is OrganisationType {
  return typeof value === 'string' && (ORGANISATION_TYPES as readonly string[]).includes(value);
}
