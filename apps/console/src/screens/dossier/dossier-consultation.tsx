import { actorName } from '@amiflow/contracts/labels';
import type { DossierDetail, TimelineEvent } from '../../api/types';
import { formatInstant, formatPeriod } from '../../format/dates';

interface ConsultationData {
  consultationId?: string;
  startsAt?: string;
  endsAt?: string;
  place?: string;
  revision?: number;
  reason?: string;
  summary?: string;
  supportFormIds?: string[];
}

/** Each consultation the dossier had, fixed, moved, cancelled or held, from its timeline. */
export function consultationHistory(events: readonly TimelineEvent[], zone: string): string[] {
  const lines: string[] = [];
  for (const event of events) {
    const data = (event.data ?? {}) as ConsultationData;
    const when = `le ${formatInstant(event.occurredAt, zone)}, par ${actorName(event.actor)}`;
    const period =
      data.startsAt && data.endsAt ? formatPeriod(data.startsAt, data.endsAt, zone) : '';
    switch (event.type) {
      case 'ConsultationScheduled':
        lines.push(
          `${(data.revision ?? 1) > 1 ? 'Déplacée au' : 'Fixée au'} ${period}, ${data.place ?? ''} (${when})`,
        );
        break;
      case 'ConsultationCancelled':
        lines.push(`Annulée (celle du ${period}) : « ${data.reason ?? ''} » (${when})`);
        break;
      case 'DossierConsulted':
        lines.push(`Tenue : compte rendu enregistré (${when})`);
        break;
    }
  }
  return lines;
}

/** The consultation fixed or held, what it concluded, and every change made to it. */
export function DossierConsultation({
  dossier,
  events,
  zone,
  supportForms,
}: {
  dossier: DossierDetail;
  events: readonly TimelineEvent[];
  zone: string;
  supportForms: { id: string; label: string }[];
}) {
  const history = consultationHistory(events, zone);
  const { consultation, outcome } = dossier;
  const held = dossier.state !== 'CONSULTATION_SCHEDULED' && outcome !== null;
  return (
    <>
      {consultation && (dossier.state === 'CONSULTATION_SCHEDULED' || held) ? (
        <p data-testid="audition">
          {held ? 'Audition tenue' : 'Audition fixée'} :{' '}
          <strong>{formatPeriod(consultation.startsAt, consultation.endsAt, zone)}</strong>,{' '}
          {consultation.place}
        </p>
      ) : (
        <p>Aucune audition fixée.</p>
      )}
      {outcome ? (
        <div className="fr-mb-2w">
          <p className="fr-mb-1w">
            <strong>Compte rendu :</strong>{' '}
            <span className="console-answer">{outcome.summary}</span>
          </p>
          <p className="fr-mb-1w">
            <strong>Formes de soutien retenues :</strong>
            {outcome.supportFormIds.length === 0 ? ' aucune' : ''}
          </p>
          {outcome.supportFormIds.length > 0 ? (
            <ul aria-label="Formes de soutien retenues">
              {outcome.supportFormIds.map((id) => (
                <li key={id}>{supportForms.find((form) => form.id === id)?.label ?? id}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {history.length > 0 ? (
        <>
          <h3 className="fr-h6 fr-mb-1w">Suivi des auditions</h3>
          <ol aria-label="Suivi des auditions">
            {history.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}
