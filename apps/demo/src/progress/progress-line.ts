import { DOSSIER_STATUSES, toLocalDateTime } from '@amiflow/domain';
import { CampaignProgress } from '../read-models/demo-read-models';

/**
 * One line saying where the demo stands: the moment of the 2019 calendar the run has reached
 * (shown in the campaign's zone), the campaign's phase, its dossiers by state in lifecycle order,
 * and the mails delivered. `clock` is kept apart so that a caller can tell a change of state from
 * the mere passing of time.
 */
export function progressLine(
  progress: CampaignProgress,
  calendarReached: Date,
  zone: string,
): { clock: string; state: string } {
  const dossiers = DOSSIER_STATUSES.filter((status) => (progress.dossiersByState[status] ?? 0) > 0)
    .map((status) => `${progress.dossiersByState[status]} ${status}`)
    .join(', ');
  const local = toLocalDateTime(calendarReached, zone);
  return {
    clock: `${local.slice(0, 10)} ${local.slice(11, 16)} ${zone.split('/').pop()}`,
    state: [
      progress.phase ?? 'NOT CREATED',
      `dossiers: ${dossiers || 'none'}`,
      `mails: ${progress.mailsSent} sent (${progress.remindersSent} reminders)`,
    ].join(' | '),
  };
}
