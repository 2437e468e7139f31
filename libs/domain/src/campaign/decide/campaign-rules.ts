import { DomainErrorCode } from '../../errors/domain-error-code';
import { refuse } from '../../errors/domain-error';
import { deInfinitive } from '../../shared/de-infinitive';
import { formatWithZone } from '../../time/display';
import { hasReached, isInstant } from '../../time/instant';
import { CalendarDate, CampaignCalendar } from '../campaign-definition';
import { capitalise, DATE_LABELS } from '../campaign-definition.validation';
import { PHASE_LABELS } from '../campaign.labels';
import { Campaign, CampaignPhase } from '../campaign.state';

/** The guards the campaign's decisions share: each refuses with the rule's code and French text. */

export function requirePhase(
  state: Campaign,
  phases: readonly CampaignPhase[],
  action: string,
): void {
  if (!phases.includes(state.phase)) notAllowed(state, action);
}

export function notAllowed(state: Campaign, action: string): never {
  refuse(
    DomainErrorCode.TRANSITION_NOT_ALLOWED,
    `Impossible ${deInfinitive(action)} la campagne : elle est ${PHASE_LABELS[state.phase]}.`,
    { phase: state.phase },
  );
}

export function requireReached(
  now: Date,
  moment: string,
  state: Campaign,
  date: keyof CampaignCalendar,
): void {
  if (!hasReached(now, moment)) {
    refuse(
      DomainErrorCode.TOO_EARLY,
      `${capitalise(DATE_LABELS[date])} est ${agreed(date, 'fixé')} au ${shown(state, moment)}.`,
      { date, at: moment },
    );
  }
}

/** An instant as the campaign's public reads it, in its zone. */
export function shown(state: Campaign, moment: string): string {
  return formatWithZone(moment, state.definition.timeZone);
}

export function sameInstant(change: string, current: string | undefined): boolean {
  return current !== undefined && isInstant(change) && Date.parse(change) === Date.parse(current);
}

/** Dates whose French label is masculine (« le début… »), for the agreement of participles. */
const MASCULINE_DATES: ReadonlySet<CalendarDate> = new Set([
  'meetingStartsAt',
  'consultationsStartAt',
]);

export function agreed(date: CalendarDate, participle: string): string {
  return MASCULINE_DATES.has(date) ? participle : `${participle}e`;
}
