import { DomainErrorCode } from '../../errors/domain-error-code';
import { refusals } from '../../errors/refusals';
import { refuse } from '../../errors/domain-error';
import { hasReached, instant } from '../../time/instant';
import { CampaignDefinition } from '../campaign-definition';
import { validateCampaignDefinition } from '../campaign-definition.validation';
import {
  CancelCampaign,
  CloseCampaign,
  CreateCampaign,
  PublishCampaign,
} from '../campaign.commands';
import { CampaignEvent } from '../campaign.events';
import { Campaign, CampaignState, isCampaign, isFinished } from '../campaign.state';
import { notAllowed, requirePhase, requireReached } from './campaign-rules';

/**
 * The campaign's phases, in order: written, published, open, closed to submissions, screened,
 * in consultations, closed; or cancelled at any point before its end.
 */

export function createCampaign(
  command: CreateCampaign,
  state: CampaignState,
  now: Date,
): CampaignEvent[] {
  if (isCampaign(state)) throw refusals.campaignAlreadyExists(command.campaignId);
  assertValidDefinition(command.definition);
  return [
    {
      type: 'CampaignCreated',
      data: {
        campaignId: command.campaignId,
        definition: command.definition,
        createdAt: instant(now),
        createdBy: command.actor,
      },
    },
  ];
}

function assertValidDefinition(definition: CampaignDefinition): void {
  const problems = validateCampaignDefinition(definition);
  if (problems.length > 0) throw refusals.invalidCampaignDefinition(problems);
}

export function publishCampaign(
  command: PublishCampaign,
  state: Campaign,
  now: Date,
): CampaignEvent[] {
  requirePhase(state, ['DRAFT'], 'publier');
  if (hasReached(now, state.calendar.submissionDeadline)) {
    refuse(
      DomainErrorCode.CALENDAR_DATE_PASSED,
      'La date limite de dépôt est déjà passée : modifiez le calendrier avant de publier.',
    );
  }
  return [{ type: 'CampaignPublished', data: { publishedAt: instant(now), by: command.actor } }];
}

export function openCampaign(state: Campaign, now: Date): CampaignEvent[] {
  requirePhase(state, ['SCHEDULED'], 'ouvrir');
  requireReached(now, state.calendar.opensAt, state, 'opensAt');
  return [{ type: 'CampaignOpened', data: { openedAt: instant(now) } }];
}

export function closeSubmissions(state: Campaign, now: Date): CampaignEvent[] {
  requirePhase(state, ['OPEN'], 'clore les dépôts de');
  requireReached(now, state.calendar.submissionDeadline, state, 'submissionDeadline');
  return [{ type: 'CampaignSubmissionsClosed', data: { closedAt: instant(now) } }];
}

export function startScreening(state: Campaign, now: Date): CampaignEvent[] {
  requirePhase(state, ['SUBMISSIONS_CLOSED'], "commencer l'examen de");
  return [{ type: 'CampaignScreeningStarted', data: { startedAt: instant(now) } }];
}

export function startConsultations(state: Campaign, now: Date): CampaignEvent[] {
  requirePhase(state, ['SCREENING'], 'commencer les consultations de');
  requireReached(now, state.calendar.consultationsStartAt, state, 'consultationsStartAt');
  return [{ type: 'CampaignConsultationsStarted', data: { startedAt: instant(now) } }];
}

export function closeCampaign(command: CloseCampaign, state: Campaign, now: Date): CampaignEvent[] {
  requirePhase(state, ['CONSULTATIONS'], 'clore');
  return [{ type: 'CampaignClosed', data: { closedAt: instant(now), by: command.actor } }];
}

export function cancelCampaign(
  command: CancelCampaign,
  state: Campaign,
  now: Date,
): CampaignEvent[] {
  if (isFinished(state.phase)) notAllowed(state, 'annuler');
  const reason = command.reason.trim();
  if (reason === '') {
    refuse(DomainErrorCode.INVALID_COMMAND, "L'annulation d'une campagne doit être motivée.");
  }
  return [
    {
      type: 'CampaignCancelled',
      data: { cancelledAt: instant(now), reason, by: command.actor },
    },
  ];
}
