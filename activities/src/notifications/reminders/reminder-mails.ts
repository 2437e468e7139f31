import { Campaign, Dossier, ReminderKind } from '@amiflow/domain';
import { Mail } from '../mail/mail';
import { deadline, localTime, page } from '../mail/mail-page';
import { DigestItems } from './operator-digest';

/** What a reminder's text is filled from. */
export interface ReminderContext {
  readonly kind: ReminderKind;
  readonly occurrence: string;
  readonly campaign: Campaign;
  /** For a reminder about one dossier. */
  readonly dossier?: Dossier;
  /** The addressee's name (an organisation, or the operators). */
  readonly recipientName: string;
  /** For the operators' digest. */
  readonly digest?: DigestItems;
}

/**
 * The French text of every reminder of docs/domain/README.md, with dates in the campaign's zone. One
 * paragraph list per kind; the HTML is the same paragraphs, escaped.
 */
export function renderReminder(context: ReminderContext): Mail {
  const { campaign, dossier } = context;
  const zone = campaign.definition.timeZone;
  const when = (instant: string | undefined) => localTime(instant, zone);
  const before = (instant: string | undefined) => deadline(instant, zone);
  const title = campaign.definition.title;
  const greeting = `Bonjour ${context.recipientName},`;
  let subject: string;
  let body: string[];
  switch (context.kind) {
    case 'CAMPAIGN_INVITATION':
      subject = `Appel à manifestation d'intérêt ouvert : ${title}`;
      body = [
        `L'appel à manifestation d'intérêt « ${title} » est ouvert depuis le ${when(campaign.calendar.opensAt)}.`,
        `Les réponses sont attendues ${before(campaign.calendar.submissionDeadline)}.`,
        ...meetingLines(campaign, when),
      ];
      break;
    case 'MEETING_REMINDER':
      subject = `Rappel : réunion d'information du ${when(campaign.calendar.meetingStartsAt)}`;
      body = [
        `Vous êtes inscrit à la réunion d'information sur l'appel « ${title} ».`,
        ...meetingLines(campaign, when),
      ];
      break;
    case 'DEADLINE_REMINDER':
      subject = `Votre réponse à « ${title} » n'est pas encore déposée`;
      body = [
        `Votre dossier est encore en brouillon (complété à ${dossier?.completeness.percent ?? 0} %).`,
        `Il peut être déposé ${before(dossier?.terms.submissionDeadline ?? campaign.calendar.submissionDeadline)}.`,
        'Un dossier incomplet peut être déposé : les sections qui ne concernent pas votre profession peuvent rester vides.',
      ];
      break;
    case 'CLARIFICATION_REMINDER': {
      const clarification = dossier?.clarifications.find(
        (c) => c.clarificationId === context.occurrence,
      );
      subject = `Demande de précisions en attente : ${title}`;
      body = [
        'Une demande de précisions sur votre dossier attend votre réponse :',
        `« ${clarification?.question ?? ''} »`,
        `Merci de répondre ${before(clarification?.dueAt)}.`,
      ];
      break;
    }
    case 'CONSULTATION_REMINDER':
      subject = `Rappel : votre consultation du ${when(dossier?.consultation?.startsAt)}`;
      body = [
        `Votre consultation individuelle au titre de l'appel « ${title} » a lieu le ${when(dossier?.consultation?.startsAt)}.`,
        `Lieu : ${dossier?.consultation?.place ?? 'à confirmer'}.`,
      ];
      break;
    case 'FOLLOW_UP_REMINDER': {
      const followUp = dossier?.followUps.find((f) => f.followUpId === context.occurrence);
      subject = `Action de suivi à échéance : ${followUp?.title ?? title}`;
      body = [
        `L'action de suivi « ${followUp?.title ?? ''} » du dossier de ${dossier?.organisationName ?? ''} arrive à échéance le ${when(followUp?.dueAt)}.`,
      ];
      break;
    }
    case 'OPERATOR_DIGEST':
      subject = `Synthèse quotidienne du ${context.occurrence.split('-').reverse().join('/')} : ${title}`;
      body = digestLines(context.digest, when, before);
      break;
  }
  return page(subject, [greeting, ...body]);
}

function digestLines(
  digest: DigestItems | undefined,
  when: (instant?: string) => string,
  before: (instant?: string) => string,
): string[] {
  if (!digest) return ['Aucune donnée de suivi disponible.'];
  const lines: string[] = [];
  const section = (title: string, entries: string[]) => {
    if (entries.length > 0)
      lines.push(`${title} (${entries.length}) :\n${entries.map((e) => `- ${e}`).join('\n')}`);
  };
  section(
    'Éligibilité à décider',
    digest.needsReview.map((organisation) => organisation),
  );
  section(
    'Actions de suivi en retard',
    digest.overdueFollowUps.map(
      (f) => `${f.organisation} : ${f.title} (échéance ${when(f.dueAt)})`,
    ),
  );
  section(
    'Demandes de précisions sans réponse',
    digest.pendingClarifications.map(
      (c) => `${c.organisation} (réponse attendue ${before(c.dueAt)})`,
    ),
  );
  section(
    "Consultations aujourd'hui",
    digest.consultationsToday.map((c) => `${c.organisation} à ${when(c.startsAt)}, ${c.place}`),
  );
  if (digest.failedDeliveries > 0) {
    lines.push(
      `Notifications non parties (nouvelles tentatives en cours) : ${digest.failedDeliveries}.`,
    );
  }
  return lines.length > 0 ? lines : ['Rien en attente ni en retard aujourd’hui.'];
}

function meetingLines(campaign: Campaign, when: (instant?: string) => string): string[] {
  const meeting = campaign.definition.meeting;
  if (!meeting) return [];
  return [
    `Réunion d'information le ${when(campaign.calendar.meetingStartsAt)}, jusqu'au ${when(campaign.calendar.meetingEndsAt)}, au ${meeting.place}.`,
  ];
}
