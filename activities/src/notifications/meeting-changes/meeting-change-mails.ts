import { Campaign, MeetingChange, MeetingRegistrationStatus } from '@amiflow/domain';
import { localTime, page } from '../mail/mail-page';
import { Mail } from '../mail/mail';

/**
 * The French mail telling a registered organisation that the information meeting moved (from
 * when to when) or is called off, or that a seat freed for it on the waiting list is now its own,
 * with dates in the campaign's zone. An organisation on the waiting list is told where it stands:
 * it hears of the move or the cancellation, without a calendar entry for a seat it does not hold.
 */
export function renderMeetingChange(
  change: MeetingChange,
  campaign: Campaign,
  recipientName: string,
  status: MeetingRegistrationStatus = 'CONFIRMED',
): Mail {
  const waiting = status === 'WAITLISTED';
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
        waiting
          ? "Vous restez sur la liste d'attente : nous vous écrirons si une place se libère."
          : "L'invitation jointe met à jour votre agenda ; votre inscription est maintenue.",
      ]);
    case 'CANCELLED':
      return page(`Réunion d'information annulée : ${title}`, [
        greeting,
        `L'appel à manifestation d'intérêt « ${title} » est annulé : la réunion d'information prévue le ${when(change.meeting.startsAt)} n'aura pas lieu.`,
        `Motif : ${change.reason}`,
        waiting
          ? "Votre inscription sur la liste d'attente prend fin."
          : "L'annulation jointe retire la réunion de votre agenda.",
      ]);
    case 'PROMOTED':
      return page(`Place confirmée à la réunion d'information : ${title}`, [
        greeting,
        `Une place s'est libérée : votre inscription à la réunion d'information sur l'appel « ${title} », sur liste d'attente jusqu'ici, est confirmée.`,
        `Elle aura lieu le ${when(change.meeting.startsAt)}, jusqu'au ${when(change.meeting.endsAt)}${place ? `, au ${place}` : ''}.`,
        "L'invitation jointe l'ajoute à votre agenda.",
      ]);
  }
}
