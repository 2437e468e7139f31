import {
  Campaign,
  Dossier,
  DossierEvent,
  ELIGIBILITY_REASON_LABELS,
  EligibilityReason,
} from '@amiflow/domain';
import { DeadlineMovedNoticeData, NOTIFIED_DOSSIER_EVENT_TYPES } from '@amiflow/contracts';
import { Mail } from '../mail/mail';
import { deadline, localTime, page } from '../mail/mail-page';

export type NotifiedDossierEvent = Extract<
  DossierEvent,
  { type: (typeof NOTIFIED_DOSSIER_EVENT_TYPES)[number] }
>;

export function isNotifiedDossierEvent(event: { type: string }): event is NotifiedDossierEvent {
  return (NOTIFIED_DOSSIER_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** The French mail for one dossier event, or undefined when it concerns nobody outside. */
export function renderDossierEvent(
  event: NotifiedDossierEvent,
  campaign: Campaign,
  dossier: Dossier,
  /** As `organisationName` gives it: the directory's name when it lists the organisation. */
  recipientName: string,
): Mail | undefined {
  const zone = campaign.definition.timeZone;
  const when = (instant: string) => localTime(instant, zone);
  const before = (instant: string) => deadline(instant, zone);
  const title = campaign.definition.title;
  const greeting = `Bonjour ${recipientName},`;
  const reasons = (codes: readonly string[]) =>
    codes.map((code) => ELIGIBILITY_REASON_LABELS[code as EligibilityReason] ?? code);
  switch (event.type) {
    case 'DossierSubmitted':
      return page(`Dossier déposé : ${title}`, [
        greeting,
        `Votre dossier a bien été déposé le ${when(event.data.submittedAt)}.`,
        `Il est complété à ${event.data.completeness.percent} % ; un dossier incomplet est accepté.`,
        `Vous pouvez le modifier ${before(dossier.terms.submissionDeadline)}.`,
      ]);
    case 'DossierEligibilityAssessed':
    case 'DossierEligibilityOverridden': {
      if (event.data.decision !== 'ELIGIBLE' && event.data.decision !== 'INELIGIBLE')
        return undefined;
      const eligible = event.data.decision === 'ELIGIBLE';
      const why =
        event.type === 'DossierEligibilityOverridden'
          ? [event.data.reason]
          : reasons(event.data.reasons);
      return page(`Recevabilité de votre dossier : ${title}`, [
        greeting,
        eligible
          ? 'Votre organisation est éligible : votre dossier sera examiné.'
          : "Votre organisation n'est pas éligible à cet appel.",
        ...why,
      ]);
    }
    case 'ClarificationRequested':
      return page(`Demande de précisions : ${title}`, [
        greeting,
        'Les instructeurs vous demandent des précisions sur votre dossier :',
        `« ${event.data.question} »`,
        `Merci de répondre ${before(event.data.dueAt)}.`,
      ]);
    case 'DossierScreened':
      return page(`Résultat de l'examen de votre dossier : ${title}`, [
        greeting,
        event.data.result === 'SHORTLISTED'
          ? 'Votre dossier est retenu : vous serez invité à une consultation individuelle.'
          : "Votre dossier n'est pas retenu pour une consultation individuelle. Merci de votre contribution.",
      ]);
    case 'ConsultationScheduled':
      return page(
        `${event.data.revision > 1 ? 'Consultation déplacée' : 'Invitation à une consultation'} : ${title}`,
        [
          greeting,
          `Votre consultation individuelle aura lieu le ${when(event.data.startsAt)}, jusqu'au ${when(event.data.endsAt)}.`,
          `Lieu : ${event.data.place}.`,
          "L'invitation jointe s'ajoute à votre agenda.",
        ],
      );
    case 'ConsultationCancelled':
      return page(`Consultation annulée : ${title}`, [
        greeting,
        'Votre consultation individuelle est annulée.',
        `Motif : ${event.data.reason}`,
      ]);
    case 'DossierExpired':
      return page(`Dossier non déposé : ${title}`, [
        greeting,
        `Les dossiers étaient à déposer ${before(dossier.terms.submissionDeadline)} : votre brouillon n'a pas été déposé.`,
      ]);
    case 'DossierCalendarUpdated': {
      // The workflow attaches the deadline moved from; a notice without a move concerns nobody.
      const previous = (event.data as Partial<DeadlineMovedNoticeData>).previousSubmissionDeadline;
      const deadline = event.data.submissionDeadline;
      if (!previous || Date.parse(previous) === Date.parse(deadline)) return undefined;
      const moved = Date.parse(deadline) > Date.parse(previous) ? 'reportée' : 'avancée';
      return page(`Date limite de dépôt ${moved} : ${title}`, [
        greeting,
        // The deadline as the announcements write it (« avant le 22 novembre 2019 »): a midnight
        // written « le 22/11/2019 à 00:00 » is read a day late (issue 10, fault 12).
        `La date limite de dépôt des dossiers est ${moved}. Nouvelle échéance : ${before(deadline)}. Échéance précédente : ${before(previous)}.`,
        dossier.status === 'DRAFT'
          ? "Votre brouillon n'est pas encore déposé : vous pouvez le compléter et le déposer d'ici la nouvelle échéance."
          : "Votre dossier est déposé : vous pouvez encore le modifier d'ici la nouvelle échéance.",
      ]);
    }
    case 'DossierCancelled':
      return page(`Appel annulé : ${title}`, [
        greeting,
        "L'appel à manifestation d'intérêt est annulé ; votre dossier est clos.",
        `Motif : ${event.data.reason}`,
      ]);
  }
}
