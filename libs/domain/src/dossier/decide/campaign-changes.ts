import { DomainErrorCode } from '../../errors/domain-error-code';
import { refuse } from '../../errors/domain-error';
import { canonicalInstant, instant, isInstant } from '../../time/instant';
import { ApplyCampaignCalendar, CancelWithCampaign } from '../dossier.commands';
import { DossierEvent } from '../dossier.events';
import { Dossier, FINAL_STATUSES } from '../dossier.state';

/** What the dossier's campaign imposes on it: its calendar's moves, its cancellation. */

export function applyCampaignCalendar(
  command: ApplyCampaignCalendar,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  if (!isInstant(command.submissionDeadline) || !isInstant(command.consultationsStartAt)) {
    refuse(DomainErrorCode.INVALID_COMMAND, 'Dates de campagne invalides.');
  }
  const submissionDeadline = canonicalInstant(command.submissionDeadline);
  const consultationsStartAt = canonicalInstant(command.consultationsStartAt);
  const terms = state.terms;
  if (
    terms.submissionDeadline === submissionDeadline &&
    terms.consultationsStartAt === consultationsStartAt
  ) {
    return [];
  }
  return [
    {
      type: 'DossierCalendarUpdated',
      data: { submissionDeadline, consultationsStartAt, updatedAt: instant(now) },
    },
  ];
}

export function cancelWithCampaign(
  command: CancelWithCampaign,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  if (FINAL_STATUSES.includes(state.status)) return [];
  return [
    { type: 'DossierCancelled', data: { reason: command.reason, cancelledAt: instant(now) } },
  ];
}
