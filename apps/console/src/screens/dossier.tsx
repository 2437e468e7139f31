import {
  actorName,
  DOSSIER_STATES,
  EVENT_TYPES,
  label,
  OPERATOR_COMMAND_NAMES,
  ORGANISATION_TYPES,
  SCREENING_RESULTS,
} from '@amiflow/contracts/labels';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useQuery } from '@tanstack/react-query';
import { ReactNode } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/client';
import type {
  Campaign,
  CampaignSupportForms,
  DossierDetail,
  OperatorCommand,
  TimelineEvent,
} from '../api/types';
import { formatInstant, formatPeriod } from '../format/dates';
import {
  CancelConsultationForm,
  ConsultationOutcomeForm,
  ScheduleConsultationForm,
} from './dossier/consultation-forms';
import { DossierAnswersSection } from './dossier/dossier-answers';
import { DossierConsultation } from './dossier/dossier-consultation';
import { DossierFollowUps } from './dossier/dossier-follow-ups';
import { DossierReviewsSection } from './dossier/dossier-reviews';
import { DossierThemesSection } from './dossier/dossier-themes';
import {
  OverrideEligibilityForm,
  RequestClarificationForm,
  ScreeningResultForm,
} from './dossier/decision-forms';
import { CloseDossierForm, PlanFollowUpForm } from './dossier/follow-up-forms';
import { DossierDeliveries, DossierWorkflowStatus } from './dossier-tracking';
import { Problem } from './problems';

// Where each possible decision's form is on the page (its heading's id), for the list on top.
const FORM_ANCHORS: Partial<Record<OperatorCommand, string>> = {
  OverrideEligibility: 'titre-recevabilite',
  RequestClarification: 'titre-precisions',
  RecordScreeningResult: 'titre-instruction',
  ScheduleConsultation: 'titre-fixer-audition',
  CancelConsultation: 'titre-annuler-audition',
  RecordConsultationOutcome: 'titre-compte-rendu',
  PlanFollowUp: 'titre-prevoir-suite',
  CompleteFollowUp: 'suites-titre',
  CloseDossier: 'titre-clore',
};

/**
 * A dossier: who, what state, how complete; the eligibility decision with its reasons; the
 * clarifications; the event timeline (who, what, when); the operator actions its state allows.
 */
export function DossierPage() {
  const { campaignId = '', organisationId = '' } = useParams();
  const base = `/campaigns/${encodeURIComponent(campaignId)}/dossiers/${encodeURIComponent(organisationId)}`;
  const campaign = useQuery({
    queryKey: ['campaign', campaignId],
    queryFn: () =>
      api<Campaign & Partial<CampaignSupportForms>>(
        'GET',
        `/campaigns/${encodeURIComponent(campaignId)}`,
      ),
  });
  const dossier = useQuery({
    queryKey: ['dossier', campaignId, organisationId],
    queryFn: () => api<DossierDetail>('GET', base),
  });
  const timeline = useQuery({
    queryKey: ['dossier-events', campaignId, organisationId],
    queryFn: () => api<{ events: TimelineEvent[] }>('GET', `${base}/events`),
  });
  const zone = campaign.data?.timeZone ?? 'Europe/Paris';
  const events = timeline.data?.events ?? [];
  const eligibility = [...events]
    .reverse()
    .find(
      (event) =>
        event.type === 'DossierEligibilityAssessed' ||
        event.type === 'DossierEligibilityOverridden',
    );
  const clarifications = events.filter((event) => event.type.startsWith('Clarification'));
  const screened = [...events].reverse().find((event) => event.type === 'DossierScreened');
  const state = dossier.data?.state ?? '';
  // What the domain says an operator may decide now (libs/domain allowedOperatorCommands).
  const allowed = dossier.data?.allowedOperatorCommands ?? [];
  const can = (command: OperatorCommand) => allowed.includes(command);
  const consultationIds = new Set(
    events
      .filter((event) => event.type === 'ConsultationScheduled')
      .map((event) => (event.data as { consultationId: string }).consultationId),
  );
  const supportForms = campaign.data?.supportForms ?? [];

  return (
    <>
      <Breadcrumb
        currentPageLabel={dossier.data?.organisationName ?? organisationId}
        segments={[
          {
            label: campaign.data?.title ?? campaignId,
            linkProps: { to: `/campagnes/${encodeURIComponent(campaignId)}` },
          },
        ]}
        homeLinkProps={{ to: '/' }}
      />
      <h1>{dossier.data?.organisationName ?? organisationId}</h1>
      {dossier.error ? <Problem error={dossier.error} /> : null}
      {dossier.data ? (
        <dl className="fr-mb-4w">
          <Field name="Type d'organisation">
            {label(ORGANISATION_TYPES, dossier.data.organisationType)}
          </Field>
          <Field name="Profession">{dossier.data.profession ?? '—'}</Field>
          <Field name="État">
            <strong data-testid="etat-dossier">{label(DOSSIER_STATES, state)}</strong>
          </Field>
          <Field name="Complétude">
            {dossier.data.completenessPercent} %
            {dossier.data.missingRequiredSections.length
              ? ` (sections obligatoires sans réponse : ${dossier.data.missingRequiredSections.map((id) => campaign.data?.sections?.find((section) => section.id === id)?.title ?? id).join(' ; ')})`
              : ''}
          </Field>
          <Field name="Déposé le">
            {dossier.data.submittedAt
              ? formatInstant(dossier.data.submittedAt, zone)
              : 'pas encore'}
          </Field>
          <Field name="Prochaine échéance">
            {dossier.data.nextDeadline ? formatInstant(dossier.data.nextDeadline, zone) : '—'}
          </Field>
        </dl>
      ) : null}
      {dossier.data ? (
        <nav aria-label="Décisions possibles" className="fr-mb-4w">
          <h2 className="fr-h6 fr-mb-1w">Décisions possibles maintenant</h2>
          {allowed.length === 0 ? (
            <p>Aucune : le dossier n'attend pas de décision d'un agent.</p>
          ) : (
            <ul>
              {allowed.map((command) => (
                <li key={command}>
                  <a href={`#${FORM_ANCHORS[command] ?? ''}`}>
                    {OPERATOR_COMMAND_NAMES[command] ?? command}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </nav>
      ) : null}

      <DossierAnswersSection base={base} />
      <DossierThemesSection
        base={base}
        zone={zone}
        sectionTitle={(sectionId) =>
          campaign.data?.sections?.find((section) => section.id === sectionId)?.title ?? sectionId
        }
      />

      <h2 className="fr-mt-4w">Recevabilité</h2>
      {eligibility ? (
        <EligibilityDecision
          event={eligibility}
          zone={zone}
          reasonLabels={dossier.data?.eligibility?.reasons ?? []}
        />
      ) : (
        <p>Pas encore évaluée.</p>
      )}
      {can('OverrideEligibility') ? <OverrideEligibilityForm base={base} /> : null}

      <h2 className="fr-mt-4w">Demandes de précisions</h2>
      {clarifications.length === 0 ? <p>Aucune.</p> : null}
      <ul>
        {clarifications.map((event) => (
          <li key={event.version}>
            {label(EVENT_TYPES, event.type)} — {describe(event, zone)}
          </li>
        ))}
      </ul>
      {can('RequestClarification') ? (
        <RequestClarificationForm
          base={base}
          nextId={`precisions-${events.filter((event) => event.type === 'ClarificationRequested').length + 1}`}
        />
      ) : null}

      <DossierReviewsSection
        base={base}
        zone={zone}
        organisationName={dossier.data?.organisationName}
      />

      <h2 className="fr-mt-4w">Instruction</h2>
      {screened ? (
        <p data-testid="resultat-instruction">
          Résultat :{' '}
          <strong>{label(SCREENING_RESULTS, (screened.data as { result?: string }).result)}</strong>
          , enregistré le {formatInstant(screened.occurredAt, zone)} par {actorName(screened.actor)}
        </p>
      ) : (
        <p>Pas encore de résultat.</p>
      )}
      {can('RecordScreeningResult') ? <ScreeningResultForm base={base} /> : null}

      <h2 className="fr-mt-4w">Audition</h2>
      {dossier.data ? (
        <DossierConsultation
          dossier={dossier.data}
          events={events}
          zone={zone}
          supportForms={supportForms}
        />
      ) : null}
      {can('ScheduleConsultation') && dossier.data ? (
        <ScheduleConsultationForm
          // Anew for each version of the consultation: its fields start from what it now is.
          key={
            state === 'CONSULTATION_SCHEDULED' && dossier.data.consultation
              ? `${dossier.data.consultation.consultationId}-${dossier.data.consultation.revision}`
              : 'nouvelle'
          }
          base={base}
          zone={zone}
          current={state === 'CONSULTATION_SCHEDULED' ? dossier.data.consultation : null}
          nextId={`audition-${consultationIds.size + 1}`}
        />
      ) : null}
      {can('RecordConsultationOutcome') ? (
        <ConsultationOutcomeForm base={base} supportForms={supportForms} />
      ) : null}
      {can('CancelConsultation') ? <CancelConsultationForm base={base} /> : null}

      <h2 id="suites-titre" className="fr-mt-4w">
        Suites
      </h2>
      {dossier.data ? (
        <DossierFollowUps
          base={base}
          followUps={dossier.data.followUps}
          zone={zone}
          canComplete={can('CompleteFollowUp')}
        />
      ) : null}
      {can('PlanFollowUp') && dossier.data ? (
        <PlanFollowUpForm
          base={base}
          zone={zone}
          nextId={`suite-${dossier.data.followUps.length + 1}`}
        />
      ) : null}
      {can('CloseDossier') ? <CloseDossierForm base={base} /> : null}

      <DossierWorkflowStatus base={base} zone={zone} />
      <DossierDeliveries base={base} zone={zone} />

      <h2 className="fr-mt-4w">Historique</h2>
      {timeline.error ? <Problem error={timeline.error} /> : null}
      <ol aria-label="Historique du dossier" className="fr-mb-4w">
        {[...events].reverse().map((event) => (
          <li key={event.version} className="fr-mb-1w">
            <strong>{label(EVENT_TYPES, event.type)}</strong> —{' '}
            {formatInstant(event.occurredAt, zone)} — par {actorName(event.actor)}
            {describe(event, zone) ? (
              <div className="fr-text--sm fr-mb-0">{describe(event, zone)}</div>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

function Field({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="fr-mb-1w">
      <dt className="fr-text--bold fr-mb-0">{name}</dt>
      <dd className="fr-ml-0">{children}</dd>
    </div>
  );
}

function EligibilityDecision({
  event,
  zone,
  reasonLabels,
}: {
  event: TimelineEvent;
  zone: string;
  /** The reasons' French labels, from the dossier read: the event holds their codes. */
  reasonLabels: { code: string; label: string }[];
}) {
  const data = event.data as { decision?: string; reasons?: string[]; reason?: string };
  const reasons = (data.reasons ?? (data.reason ? [data.reason] : [])).map(
    (reason) => reasonLabels.find((known) => known.code === reason)?.label ?? reason,
  );
  return (
    <div>
      <p className="fr-mb-1w">
        Décision : <strong>{label(DOSSIER_STATES, data.decision)}</strong>
        {event.type === 'DossierEligibilityOverridden'
          ? ` — décidée par ${actorName(event.actor)}`
          : ' — évaluation automatique'}
        , le {formatInstant(event.occurredAt, zone)}
      </p>
      {reasons.length ? (
        <ul>
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The part of an event's data a person reads: a question, an answer, a reason, a result, a
 * consultation's period and place, a follow-up and its due date.
 */
function describe(event: TimelineEvent, zone: string): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['title', 'question', 'answer', 'reason', 'note', 'summary']) {
    if (typeof data[key] === 'string') parts.push(`« ${data[key]} »`);
  }
  if (typeof data.result === 'string') parts.push(label(SCREENING_RESULTS, data.result));
  if (typeof data.startsAt === 'string' && typeof data.endsAt === 'string')
    parts.push(formatPeriod(data.startsAt, data.endsAt, zone));
  if (typeof data.place === 'string') parts.push(data.place);
  if (typeof data.owner === 'string') parts.push(`responsable : ${data.owner}`);
  if (typeof data.dueAt === 'string')
    parts.push(
      event.type === 'FollowUpPlanned'
        ? `échéance : ${formatInstant(data.dueAt, zone)}`
        : `réponse attendue avant le ${formatInstant(data.dueAt, zone)}`,
    );
  if (typeof data.decision === 'string')
    parts.push(`décision : ${label(DOSSIER_STATES, data.decision)}`);
  return parts.join(' — ');
}
