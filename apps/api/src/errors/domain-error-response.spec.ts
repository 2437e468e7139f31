import { DomainError, DomainErrorCode, refusals } from '@amiflow/domain';
import { HttpStatus } from '@nestjs/common';
import { domainErrorResponse } from './domain-error-response';
import { domainErrorStatus } from './domain-error-status';

/**
 * The status of every domain code, written out: a new code must be placed here as in
 * domainErrorStatus, and a code's status changes only by changing both (and the docs).
 */
const STATUS: Record<DomainErrorCode, HttpStatus> = {
  INVALID_COMMAND: 422,
  TRANSITION_NOT_ALLOWED: 409,
  TOO_EARLY: 409,
  CAMPAIGN_ALREADY_EXISTS: 409,
  CAMPAIGN_NOT_FOUND: 404,
  INVALID_CAMPAIGN_DEFINITION: 422,
  CALENDAR_DATE_PASSED: 409,
  NO_INFORMATION_MEETING: 422,
  MEETING_REGISTRATION_CLOSED: 409,
  MEETING_ALREADY_REGISTERED: 409,
  MEETING_REGISTRATION_NOT_FOUND: 404,
  DOSSIER_ALREADY_EXISTS: 409,
  DOSSIER_NOT_FOUND: 404,
  SUBMISSION_DEADLINE_PASSED: 409,
  UNKNOWN_SECTION: 422,
  UNKNOWN_SUPPORT_FORM: 422,
  CLARIFICATION_ALREADY_OPEN: 409,
  CLARIFICATION_NOT_FOUND: 404,
  CLARIFICATION_OVERDUE: 409,
  FOLLOW_UP_ALREADY_EXISTS: 409,
  FOLLOW_UP_NOT_FOUND: 404,
  FOLLOW_UPS_PENDING: 409,
  THEME_TAG_ALREADY_EXISTS: 409,
  THEME_TAG_NOT_FOUND: 404,
  INVALID_PARENT_FEDERATION: 422,
  UNKNOWN_REMINDER: 422,
  REMINDER_NOT_DUE: 409,
  REMINDER_NOT_APPLICABLE: 409,
  NO_EVALUATION_GRID: 422,
  REVIEWER_NOT_ASSIGNED: 403,
  REVIEWER_CONFLICTED: 409,
  DECISION_AGAINST_SCORES_UNEXPLAINED: 422,
};

describe('domain errors over HTTP', () => {
  it.each(Object.values(DomainErrorCode))('answers %s with its one status', (code) => {
    expect(domainErrorStatus(code)).toBe(STATUS[code]);
    expect(domainErrorResponse(new DomainError(code, 'Refusé.')).statusCode).toBe(STATUS[code]);
  });

  it("answers the domain's code and French message, and nothing more when it has no details", () => {
    expect(domainErrorResponse(refusals.dossierNotFound())).toEqual({
      statusCode: 404,
      code: 'DOSSIER_NOT_FOUND',
      message: "Ce dossier n'existe pas.",
    });
  });

  it('gives the details as context, for a program to read', () => {
    expect(domainErrorResponse(refusals.campaignNotOpen('DRAFT'))).toEqual({
      statusCode: 409,
      code: 'TRANSITION_NOT_ALLOWED',
      message: "La campagne n'est pas ouverte : aucun dossier ne peut y être créé.",
      context: { phase: 'DRAFT' },
    });
  });

  it('lists the problems as details lines, as a refused input gets them', () => {
    const problems = [
      { path: 'timeZone', message: 'Fuseau horaire inconnu : Europe/Atlantis.' },
      {
        path: 'calendar.submissionDeadline',
        message: "La date limite de dépôt doit suivre l'ouverture.",
      },
    ];
    expect(domainErrorResponse(refusals.invalidCampaignDefinition(problems))).toEqual({
      statusCode: 422,
      code: 'INVALID_CAMPAIGN_DEFINITION',
      message:
        "Définition de campagne invalide : Fuseau horaire inconnu : Europe/Atlantis. La date limite de dépôt doit suivre l'ouverture.",
      details: [
        'timeZone : Fuseau horaire inconnu : Europe/Atlantis.',
        "calendar.submissionDeadline : La date limite de dépôt doit suivre l'ouverture.",
      ],
      context: { problems },
    });
  });
});
