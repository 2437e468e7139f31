import { DomainErrorCode } from '../../errors/domain-error-code';
import { refuse } from '../../errors/domain-error';
import { instant } from '../../time/instant';
import {
  AcceptThemeSuggestion,
  AnswerPassage,
  RejectThemeSuggestion,
  RemoveThemeTag,
  TagPassage,
} from '../dossier.commands';
import { DossierEvent, PassageTagged } from '../dossier.events';
import { Dossier, DossierStatus, dossierStatusesFrom, ThemeTag } from '../dossier.state';
import { requireStatus } from './dossier-rules';

/**
 * The demand themes of a dossier's answers (issue 13, item 3): operators tag passages, accept or
 * reject what the analysis suggests; only tags count in the synthesis, a suggestion never does.
 */

/**
 * Answers are read once they are submitted, and for as long as the dossier is the campaign's: a
 * draft still changes, a dossier withdrawn, expired or cancelled is no answer to analyse.
 */
export const THEME_TAGGING_STATUSES: readonly DossierStatus[] = dossierStatusesFrom(
  'SUBMITTED',
  'CLOSED',
);

/** The tags of a dossier, whether its state was folded before tags existed or not. */
export function themeTagsOf(dossier: Pick<Dossier, 'themeTags'>): readonly ThemeTag[] {
  return dossier.themeTags ?? [];
}

export function tagPassage(command: TagPassage, state: Dossier, now: Date): DossierEvent[] {
  requireStatus(state, THEME_TAGGING_STATUSES, 'annoter');
  const themeIds = [...new Set(command.themeIds)];
  if (themeIds.length === 0) {
    refuse(DomainErrorCode.INVALID_COMMAND, 'Un passage est annoté avec un thème au moins.');
  }
  return tagged(state, command, themeIds, undefined, command.actor, now);
}

export function acceptThemeSuggestion(
  command: AcceptThemeSuggestion,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  requireStatus(state, THEME_TAGGING_STATUSES, 'accepter une suggestion de thème sur');
  if (!(command.score >= 0 && command.score <= 1)) {
    refuse(DomainErrorCode.INVALID_COMMAND, 'Le score d’une suggestion va de 0 à 1.');
  }
  return tagged(state, command, [command.themeId], command.score, command.actor, now);
}

export function removeThemeTag(command: RemoveThemeTag, state: Dossier, now: Date): DossierEvent[] {
  requireStatus(state, THEME_TAGGING_STATUSES, 'retirer une annotation de');
  if (!themeTagsOf(state).some((tag) => tag.tagId === command.tagId)) {
    refuse(DomainErrorCode.THEME_TAG_NOT_FOUND, `L’annotation ${command.tagId} n’existe pas.`);
  }
  return [
    {
      type: 'ThemeTagRemoved',
      data: { tagId: command.tagId, by: command.actor, removedAt: instant(now) },
    },
  ];
}

export function rejectThemeSuggestion(
  command: RejectThemeSuggestion,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  requireStatus(state, THEME_TAGGING_STATUSES, 'rejeter une suggestion de thème sur');
  requireAnswer(state, command.sectionId);
  const { sectionId, themeId } = command;
  const rejected = (state.rejectedSuggestions ?? []).some(
    (r) => r.sectionId === sectionId && r.themeId === themeId,
  );
  // Rejected already: a second click changes nothing.
  if (rejected) return [];
  return [
    {
      type: 'ThemeSuggestionRejected',
      data: { sectionId, themeId, by: command.actor, rejectedAt: instant(now) },
    },
  ];
}

function tagged(
  state: Dossier,
  passage: AnswerPassage & { readonly tagId: string },
  themeIds: string[],
  suggestionScore: number | undefined,
  by: PassageTagged['data']['by'],
  now: Date,
): DossierEvent[] {
  const { sectionId, start, end, tagId } = passage;
  const answer = requireAnswer(state, sectionId);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > answer.length) {
    refuse(
      DomainErrorCode.INVALID_COMMAND,
      `Le passage doit être pris dans la réponse, du caractère 0 au caractère ${answer.length}.`,
      { sectionId, length: answer.length },
    );
  }
  const quote = answer.slice(start, end);
  if (start >= end || quote.trim() === '') {
    refuse(DomainErrorCode.INVALID_COMMAND, 'Le passage annoté ne peut pas être vide.');
  }
  const existing = themeTagsOf(state).find((tag) => tag.tagId === tagId);
  if (existing) {
    // The same tag sent again (a retried request) changes nothing; another under its id is refused.
    const same =
      existing.sectionId === sectionId &&
      existing.start === start &&
      existing.end === end &&
      existing.themeIds.join() === themeIds.join();
    if (same) return [];
    refuse(DomainErrorCode.THEME_TAG_ALREADY_EXISTS, `L’annotation ${tagId} existe déjà.`);
  }
  return [
    {
      type: 'PassageTagged',
      data: {
        tagId,
        sectionId,
        start,
        end,
        quote,
        themeIds,
        ...(suggestionScore !== undefined && { suggestionScore }),
        by,
        taggedAt: instant(now),
      },
    },
  ];
}

function requireAnswer(state: Dossier, sectionId: string): string {
  const answer = state.answers[sectionId];
  if (answer === undefined || answer.trim() === '') {
    refuse(
      DomainErrorCode.UNKNOWN_SECTION,
      `Le dossier n’a pas de réponse à la section ${sectionId}.`,
      {
        sectionId,
      },
    );
  }
  return answer;
}
