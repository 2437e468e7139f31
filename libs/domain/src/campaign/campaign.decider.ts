import { refusals } from '../errors/refusals';
import { assertNever } from '../shared/assert-never';
import { Decider } from '../shared/decider';
import { CampaignCommand } from './campaign.commands';
import { CampaignEvent } from './campaign.events';
import { evolveCampaign } from './campaign.evolve';
import { CampaignState, initialCampaignState, isCampaign } from './campaign.state';
import { changeCampaignCalendar } from './decide/calendar';
import { changeEvaluationGrid } from './decide/evaluation-grid';
import { cancelMeetingRegistration, registerForMeeting } from './decide/meeting';
import {
  cancelCampaign,
  closeCampaign,
  closeSubmissions,
  createCampaign,
  openCampaign,
  publishCampaign,
  startConsultations,
  startScreening,
} from './decide/phases';
import { issueCampaignReminder } from './decide/reminder';

export { evolveCampaign } from './campaign.evolve';

/**
 * The campaign's decider, in emmett's shape: `decide` only hands each command to the rule of its
 * own (in `decide/`, one file per part of the campaign's life), `evolve` folds the events.
 */
export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = {
  decide: decideCampaign,
  evolve: evolveCampaign,
  initialState: initialCampaignState,
};

export function decideCampaign(
  command: CampaignCommand,
  state: CampaignState,
  now: Date,
): CampaignEvent[] {
  if (command.type === 'CreateCampaign') return createCampaign(command, state, now);
  if (!isCampaign(state)) throw refusals.campaignNotFound();

  switch (command.type) {
    case 'PublishCampaign':
      return publishCampaign(command, state, now);
    case 'OpenCampaign':
      return openCampaign(state, now);
    case 'CloseSubmissions':
      return closeSubmissions(state, now);
    case 'StartScreening':
      return startScreening(state, now);
    case 'StartConsultations':
      return startConsultations(state, now);
    case 'CloseCampaign':
      return closeCampaign(command, state, now);
    case 'CancelCampaign':
      return cancelCampaign(command, state, now);
    case 'ChangeCampaignCalendar':
      return changeCampaignCalendar(command, state, now);
    case 'ChangeEvaluationGrid':
      return changeEvaluationGrid(command, state, now);
    case 'RegisterForMeeting':
      return registerForMeeting(command, state, now);
    case 'CancelMeetingRegistration':
      return cancelMeetingRegistration(command, state, now);
    case 'IssueCampaignReminder':
      return issueCampaignReminder(command, state, now);
    default:
      return assertNever(command);
  }
}
