import { DomainErrorCode } from '../../errors/domain-error-code';
import { refusals } from '../../errors/refusals';
import { refuse } from '../../errors/domain-error';
import { canonicalInstant, hasReached, instant } from '../../time/instant';
import { CALENDAR_DATES, CampaignCalendar } from '../campaign-definition';
import { capitalise, DATE_LABELS, validateCalendar } from '../campaign-definition.validation';
import { ChangeCampaignCalendar } from '../campaign.commands';
import { CampaignEvent } from '../campaign.events';
import { Campaign, isFinished } from '../campaign.state';
import { agreed, notAllowed, sameInstant } from './campaign-rules';

/** The campaign's dates move, with a reason, as long as what moves has not come yet. */
export function changeCampaignCalendar(
  command: ChangeCampaignCalendar,
  state: Campaign,
  now: Date,
): CampaignEvent[] {
  if (isFinished(state.phase)) notAllowed(state, 'modifier le calendrier de');
  const reason = command.reason.trim();
  if (reason === '') {
    refuse(DomainErrorCode.INVALID_COMMAND, 'Un changement de calendrier doit être motivé.');
  }
  const previous = state.calendar;
  // Compared as instants: `…:00Z` and `…:00.000Z` are the same date, not a move.
  const moves = CALENDAR_DATES.flatMap((date) => {
    const change = command.changes[date];
    return change !== undefined && !sameInstant(change, previous[date])
      ? [{ date, to: canonicalInstant(change) }]
      : [];
  });
  if (moves.length === 0) return [];
  for (const { date } of moves) {
    const current = previous[date];
    // A draft's calendar is still being written: any date may move. Once published, the past stays.
    if (state.phase !== 'DRAFT' && current !== undefined && hasReached(now, current)) {
      refuse(
        DomainErrorCode.CALENDAR_DATE_PASSED,
        `${capitalise(DATE_LABELS[date])} est déjà ${agreed(date, 'passé')} : cette date ne peut plus être modifiée.`,
        { date },
      );
    }
  }
  const calendar: CampaignCalendar = {
    ...previous,
    ...Object.fromEntries(moves.map(({ date, to }) => [date, to])),
  };
  for (const { date, to } of moves) {
    if (state.phase !== 'DRAFT' && hasReached(now, to)) {
      refuse(
        DomainErrorCode.CALENDAR_DATE_PASSED,
        `${capitalise(DATE_LABELS[date])} ne peut pas être ${agreed(date, 'placé')} dans le passé.`,
        { date },
      );
    }
  }
  const problems = validateCalendar(calendar, state.definition.meeting !== undefined);
  if (problems.length > 0) throw refusals.invalidCampaignDefinition(problems);
  return [
    {
      type: 'CampaignCalendarChanged',
      data: { previous, calendar, changedAt: instant(now), reason, by: command.actor },
    },
  ];
}
