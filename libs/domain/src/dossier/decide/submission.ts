import { DomainErrorCode } from '../../errors/domain-error-code';
import { refuse } from '../../errors/domain-error';
import { computeCompleteness } from '../../questionnaire/questionnaire';
import { deadlineInWords } from '../../time/display';
import { hasReached, instant } from '../../time/instant';
import { CreateDossierDraft, SaveAnswers, WithdrawDossier } from '../dossier.commands';
import { DossierEvent } from '../dossier.events';
import {
  AWAITING_SCREENING,
  Dossier,
  DossierState,
  isDossier,
  WITHDRAWABLE,
} from '../dossier.state';
import { mergeAnswers } from '../merge-answers';
import {
  requireBeforeDeadline,
  requireDeadlineIfExpired,
  requireStatus,
  requireText,
  shown,
} from './dossier-rules';

/** The dossier's life with its organisation: drafted, saved, submitted, withdrawn or expired. */

export function createDossierDraft(
  command: CreateDossierDraft,
  state: DossierState,
  now: Date,
): DossierEvent[] {
  if (isDossier(state)) {
    refuse(
      DomainErrorCode.DOSSIER_ALREADY_EXISTS,
      `L'organisation ${command.organisationId} a déjà un dossier pour cette campagne.`,
    );
  }
  const organisationName = requireText(
    command.organisationName,
    "Le nom de l'organisation ne peut pas être vide.",
  );
  if (hasReached(now, command.terms.submissionDeadline)) {
    refuse(
      DomainErrorCode.SUBMISSION_DEADLINE_PASSED,
      `Les dossiers étaient à déposer ${deadlineInWords(command.terms.submissionDeadline, command.terms.timeZone)} : ` +
        'aucun nouveau dossier ne peut être créé.',
    );
  }
  return [
    {
      type: 'DossierDraftCreated',
      data: {
        campaignId: command.campaignId,
        organisationId: command.organisationId,
        organisationName,
        organisationType: command.organisationType,
        profession: command.profession?.trim() || null,
        terms: command.terms,
        createdAt: instant(now),
      },
    },
  ];
}

export function saveAnswers(command: SaveAnswers, state: Dossier, now: Date): DossierEvent[] {
  requireDeadlineIfExpired(state, now, 'modifié');
  requireStatus(state, ['DRAFT', ...AWAITING_SCREENING], 'modifier');
  requireBeforeDeadline(state, now, 'modifié');
  const known = new Set(state.terms.sections.map((section) => section.id));
  const unknown = Object.keys(command.answers).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    refuse(DomainErrorCode.UNKNOWN_SECTION, `Section(s) inconnue(s) : ${unknown.join(', ')}.`, {
      sectionIds: unknown,
    });
  }
  const changed: Record<string, string> = {};
  for (const [id, text] of Object.entries(command.answers)) {
    // A blank text clears the answer: saving one where there is none changes nothing.
    const next = text.trim() === '' ? '' : text;
    if ((state.answers[id] ?? '') !== next) changed[id] = text;
  }
  if (Object.keys(changed).length === 0) return [];
  const answers = mergeAnswers(state.answers, changed);
  return [
    {
      type: 'DossierAnswersSaved',
      data: {
        answers: changed,
        completeness: computeCompleteness(state.terms.sections, answers),
        savedAt: instant(now),
        amendment: state.status !== 'DRAFT',
      },
    },
  ];
}

export function submitDossier(state: Dossier, now: Date): DossierEvent[] {
  requireDeadlineIfExpired(state, now, 'déposé');
  requireStatus(state, ['DRAFT'], 'déposer');
  requireBeforeDeadline(state, now, 'déposé');
  return [
    {
      type: 'DossierSubmitted',
      data: { submittedAt: instant(now), completeness: state.completeness },
    },
  ];
}

export function withdrawDossier(
  command: WithdrawDossier,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  requireStatus(state, WITHDRAWABLE, 'retirer');
  return [
    {
      type: 'DossierWithdrawn',
      data: { reason: command.reason?.trim() || null, withdrawnAt: instant(now) },
    },
  ];
}

export function expireDraft(state: Dossier, now: Date): DossierEvent[] {
  requireStatus(state, ['DRAFT'], 'faire expirer');
  if (!hasReached(now, state.terms.submissionDeadline)) {
    refuse(
      DomainErrorCode.TOO_EARLY,
      `Le brouillon reste ouvert jusqu'au ${shown(state, state.terms.submissionDeadline)}.`,
    );
  }
  return [{ type: 'DossierExpired', data: { expiredAt: instant(now) } }];
}
