import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, ReactNode } from 'react';
import { useParams } from 'react-router';
import { api, text } from '../api/client';
import type { Campaign, Dossier, TimelineEvent } from '../api/types';
import { formatInstant } from '../format/dates';
import { actorName, DOSSIER_STATES, EVENT_TYPES, label, ORGANISATION_TYPES } from '../labels';
import { DossierDeliveries, DossierWorkflowStatus } from './dossier-tracking';
import { Problem } from './problems';

// When the API lets an operator act (libs/domain's dossier decider); outside these states the
// form is not shown, and if the state moved meanwhile the API's refusal is shown in place.
const CAN_OVERRIDE_ELIGIBILITY = ['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW'];
const CAN_REQUEST_CLARIFICATION = [
  'SUBMITTED',
  'ELIGIBLE',
  'INELIGIBLE',
  'NEEDS_REVIEW',
  'UNDER_SCREENING',
];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A dossier: who, what state, how complete; the eligibility decision with its reasons; the
 * clarifications; the event timeline (who, what, when); the operator actions its state allows.
 */
export function DossierPage() {
  const { campaignId = '', organisationId = '' } = useParams();
  const base = `/campaigns/${encodeURIComponent(campaignId)}/dossiers/${encodeURIComponent(organisationId)}`;
  const campaign = useQuery({
    queryKey: ['campaign', campaignId],
    queryFn: () => api<Campaign>('GET', `/campaigns/${encodeURIComponent(campaignId)}`),
  });
  const dossier = useQuery({
    queryKey: ['dossier', campaignId, organisationId],
    queryFn: () => api<Dossier>('GET', base),
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
  const state = dossier.data?.state ?? '';

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
              ? ` (sections obligatoires manquantes : ${dossier.data.missingRequiredSections.join(', ')})`
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

      <h2>Recevabilité</h2>
      {eligibility ? (
        <EligibilityDecision event={eligibility} zone={zone} />
      ) : (
        <p>Pas encore évaluée.</p>
      )}
      {CAN_OVERRIDE_ELIGIBILITY.includes(state) ? (
        <OverrideEligibility path={`${base}/eligibility-override`} />
      ) : null}

      <h2 className="fr-mt-4w">Demandes de précisions</h2>
      {clarifications.length === 0 ? <p>Aucune.</p> : null}
      <ul>
        {clarifications.map((event) => (
          <li key={event.version}>
            {label(EVENT_TYPES, event.type)} — {describe(event, zone)}
          </li>
        ))}
      </ul>
      {CAN_REQUEST_CLARIFICATION.includes(state) ? (
        <RequestClarification
          path={`${base}/clarifications`}
          nextId={`precisions-${events.filter((event) => event.type === 'ClarificationRequested').length + 1}`}
        />
      ) : null}

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

function EligibilityDecision({ event, zone }: { event: TimelineEvent; zone: string }) {
  const data = event.data as { decision?: string; reasons?: string[]; reason?: string };
  const reasons = data.reasons ?? (data.reason ? [data.reason] : []);
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

/** The part of an event's data a person reads: a question, an answer, a reason, a due date. */
function describe(event: TimelineEvent, zone: string): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['question', 'answer', 'reason', 'note', 'summary']) {
    if (typeof data[key] === 'string') parts.push(`« ${data[key]} »`);
  }
  if (typeof data.dueAt === 'string')
    parts.push(`réponse attendue avant le ${formatInstant(data.dueAt, zone)}`);
  if (typeof data.decision === 'string')
    parts.push(`décision : ${label(DOSSIER_STATES, data.decision)}`);
  return parts.join(' — ');
}

/** One operator action: posts, refreshes the dossier, shows the API's French refusal in place. */
function useAction(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api<unknown>('POST', path, body),
    onSuccess: () => client.invalidateQueries(),
  });
}

function OverrideEligibility({ path }: { path: string }) {
  const action = useAction(path);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    action.mutate(
      { decision: text(form, 'decision'), reason: text(form, 'reason') },
      { onSuccess: () => element.reset() },
    );
  };
  return (
    <form
      onSubmit={submit}
      className="fr-p-3w fr-background-alt--grey fr-mt-2w"
      aria-labelledby="titre-recevabilite"
    >
      <h3 id="titre-recevabilite" className="fr-h6">
        Décider de la recevabilité
      </h3>
      <RadioButtons
        legend="Décision"
        name="decision"
        orientation="horizontal"
        options={[
          { label: 'Recevable', nativeInputProps: { value: 'ELIGIBLE', defaultChecked: true } },
          { label: 'Irrecevable', nativeInputProps: { value: 'INELIGIBLE' } },
        ]}
      />
      <Input
        label="Motif"
        textArea
        nativeTextAreaProps={{ name: 'reason', required: true, maxLength: 2000 }}
      />
      {action.error ? (
        <div className="fr-mb-2w">
          <Problem error={action.error} />
        </div>
      ) : null}
      <Button type="submit" disabled={action.isPending}>
        Enregistrer la décision
      </Button>
    </form>
  );
}

function RequestClarification({ path, nextId }: { path: string; nextId: string }) {
  const action = useAction(path);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const days = Number(text(form, 'days'));
    action.mutate(
      {
        clarificationId: nextId,
        question: text(form, 'question'),
        dueAt: new Date(Date.now() + days * DAY_MS).toISOString(),
      },
      { onSuccess: () => element.reset() },
    );
  };
  return (
    <form
      onSubmit={submit}
      className="fr-p-3w fr-background-alt--grey fr-mt-2w"
      aria-labelledby="titre-precisions"
    >
      <h3 id="titre-precisions" className="fr-h6">
        Demander une précision
      </h3>
      <Input
        label="Question à l'organisation"
        textArea
        nativeTextAreaProps={{ name: 'question', required: true, maxLength: 5000 }}
      />
      <Input
        label="Délai de réponse (jours)"
        nativeInputProps={{
          name: 'days',
          type: 'number',
          min: 1,
          max: 60,
          defaultValue: 7,
          required: true,
        }}
      />
      {action.error ? (
        <div className="fr-mb-2w">
          <Problem error={action.error} />
        </div>
      ) : null}
      <Button type="submit" disabled={action.isPending}>
        Envoyer la demande
      </Button>
    </form>
  );
}
