import { Campaign, MeetingChange } from '@amiflow/domain';
import { localTime, page } from './mail-page';
import { Mail } from './reminder-mails';

/**
 * The French mail telling a registered organisation that the information meeting moved (from
 * when to when) or is called off, with dates in the campaign's zone.
 */
export function renderMeetingChange(
  change: MeetingChange,
  campaign: Campaign,
  recipientName: string,
): Mail {
  const zone = campaign.definition.timeZone;
  const when = (instant: string) => localTime(instant, zone);
  const title = campaign.definition.title;
  const place = campaign.definition.meeting?.place;
  const greeting = `Bonjour ${recipientName},`;
  switch (change.kind) {
    case 'MOVED':
      return page(`Réunion d'information déplacée : ${title}`, [
        greeting,
        `La réunion d'information sur l'appel « ${title} », prévue le ${when(change.previous.startsAt)}, est déplacée.`,
        `Elle aura lieu le ${when(change.current.startsAt)}, jusqu'au ${when(change.current.endsAt)}${place ? `, au ${place}` : ''}.`,
        `Motif : ${change.reason}`,
        "L'invitation jointe met à jour votre agenda ; votre inscription est maintenue.",
      ]);
    case 'CANCELLED':
      return page(`Réunion d'information annulée : ${title}`, [
        greeting,
        `L'appel à manifestation d'intérêt « ${title} » est annulé : la réunion d'information prévue le ${when(change.meeting.startsAt)} n'aura pas lieu.`,
        `Motif : ${change.reason}`,
        "L'annulation jointe retire la réunion de votre agenda.",
      ]);
  }
}
