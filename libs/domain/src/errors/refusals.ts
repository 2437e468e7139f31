import { DefinitionProblem } from '../campaign/definition-problem';
import { DomainErrorCode } from './domain-error-code';
import { DomainError } from './domain-error';

/**
 * The refusals met on more than one path — in a decider, and in the API before a command reaches
 * a workflow (a read model says the campaign is missing, a lifecycle has ended) — with their one
 * French text. Whoever meets one of these problems throws it from here, so that the same problem
 * answers the same code, message and details whatever the route. Refusals a single decider rule
 * raises keep their text next to that rule.
 */
export const refusals = {
  campaignNotFound: (campaignId?: string): DomainError =>
    new DomainError(
      DomainErrorCode.CAMPAIGN_NOT_FOUND,
      campaignId === undefined
        ? "Cette campagne n'existe pas."
        : `La campagne ${campaignId} n'existe pas.`,
    ),

  campaignAlreadyExists: (campaignId: string): DomainError =>
    new DomainError(
      DomainErrorCode.CAMPAIGN_ALREADY_EXISTS,
      `La campagne ${campaignId} existe déjà.`,
    ),

  /** A campaign whose workflow has ended: business keys are never reused. */
  campaignEnded: (): DomainError =>
    new DomainError(
      DomainErrorCode.TRANSITION_NOT_ALLOWED,
      'Cette campagne a existé et pris fin : son identifiant est pris.',
    ),

  /** A command to a campaign whose workflow has ended (closed or cancelled). */
  campaignFinished: (): DomainError =>
    new DomainError(
      DomainErrorCode.TRANSITION_NOT_ALLOWED,
      'Cette campagne est terminée : elle ne reçoit plus de commande.',
    ),

  /** A dossier is created only while its campaign takes them. */
  campaignNotOpen: (phase: string): DomainError =>
    new DomainError(
      DomainErrorCode.TRANSITION_NOT_ALLOWED,
      "La campagne n'est pas ouverte : aucun dossier ne peut y être créé.",
      { phase },
    ),

  /**
   * Every problem of a campaign file or calendar at once: the message for a person, the problems
   * (path and French text) in the details for a program.
   */
  invalidCampaignDefinition: (problems: readonly DefinitionProblem[]): DomainError =>
    new DomainError(
      DomainErrorCode.INVALID_CAMPAIGN_DEFINITION,
      `Définition de campagne invalide : ${problems.map((problem) => problem.message).join(' ')}`,
      { problems: problems.map(({ path, message }) => ({ path, message })) },
    ),

  noInformationMeeting: (): DomainError =>
    new DomainError(
      DomainErrorCode.NO_INFORMATION_MEETING,
      "Cette campagne n'a pas de réunion d'information.",
    ),

  meetingRegistrationNotFound: (): DomainError =>
    new DomainError(
      DomainErrorCode.MEETING_REGISTRATION_NOT_FOUND,
      "Cette organisation n'est pas inscrite à la réunion d'information.",
    ),

  /** A parent federation is another listed organisation, and a federative structure. */
  parentFederationNotListed: (parentFederationId: string): DomainError =>
    parentFederationRefused(
      parentFederationId,
      `La fédération ${parentFederationId} n'est pas dans l'annuaire.`,
    ),
  parentFederationIsItself: (parentFederationId: string): DomainError =>
    parentFederationRefused(
      parentFederationId,
      'Une organisation ne peut pas être sa propre fédération.',
    ),
  parentFederationNotFederative: (parentFederationId: string, name: string): DomainError =>
    parentFederationRefused(
      parentFederationId,
      `${name} n'est pas une structure fédérative : elle ne peut pas être une fédération de rattachement.`,
    ),

  /** Also the answer to a dossier one may not see: nobody learns which organisations applied. */
  dossierNotFound: (): DomainError =>
    new DomainError(DomainErrorCode.DOSSIER_NOT_FOUND, "Ce dossier n'existe pas."),

  /** A command to a dossier whose lifecycle has ended (its workflow is gone). */
  dossierClosed: (): DomainError =>
    new DomainError(
      DomainErrorCode.TRANSITION_NOT_ALLOWED,
      'Ce dossier est clos : il ne peut plus être modifié.',
    ),
} as const;

/** Said of one field, like a campaign file's problems: the API lists them as `details`. */
function parentFederationRefused(parentFederationId: string, message: string): DomainError {
  return new DomainError(DomainErrorCode.INVALID_PARENT_FEDERATION, message, {
    parentFederationId,
    problems: [{ path: 'parentFederationId', message }],
  });
}
