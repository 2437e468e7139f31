import { DELIVERY_STATUSES, label, mailName, WORKFLOW_STATUSES } from '@amiflow/contracts/labels';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { DossierDelivery, DossierWorkflow } from '../api/types';
import { formatInstant, relativeTo } from '../format/dates';
import { Problem } from './problems';

/**
 * The mails sent about a dossier (GET …/deliveries: status, attempts, last error, dates), earliest
 * due first as the API gives them. `base` is the dossier's API path.
 */
export function DossierDeliveries({ base, zone }: { base: string; zone: string }) {
  const deliveries = useQuery({
    queryKey: ['dossier-deliveries', base],
    queryFn: () => api<{ items: DossierDelivery[] }>('GET', `${base}/deliveries`),
  });
  return (
    <section aria-labelledby="courriels-titre">
      <h2 id="courriels-titre" className="fr-mt-4w">
        Courriels
      </h2>
      {deliveries.error ? <Problem error={deliveries.error} /> : null}
      {deliveries.data && deliveries.data.items.length === 0 ? (
        <p>Aucun courriel n’a encore été envoyé à propos de ce dossier.</p>
      ) : null}
      {deliveries.data && deliveries.data.items.length > 0 ? (
        <Table
          caption="Courriels à propos du dossier"
          headers={[
            'Courriel',
            'Destinataire',
            'État',
            'Essais',
            'Dernière erreur',
            'Prévu',
            'Envoyé',
          ]}
          data={deliveries.data.items.map((delivery) => [
            mailName(delivery.kind),
            recipientOf(delivery),
            label(DELIVERY_STATUSES, delivery.status),
            String(delivery.attempts),
            delivery.lastError ?? '—',
            formatInstant(delivery.dueAt, zone),
            delivery.sentAt ? formatInstant(delivery.sentAt, zone) : '—',
          ])}
        />
      ) : null}
    </section>
  );
}

/** The ledger's recipient for the operators' own mails (the worker's reminder activities). */
const OPERATORS_RECIPIENT = 'operators';

/**
 * The address the ledger records the mail went to — what an operator checks when an organisation
 * says it received nothing —, or, when the directory had none, who it was for and that it had none.
 */
function recipientOf(delivery: DossierDelivery): string {
  if (delivery.address) return delivery.address;
  return delivery.recipient === OPERATORS_RECIPIENT
    ? 'Instructeurs (aucune adresse)'
    : `Aucune adresse (${delivery.recipient})`;
}

/**
 * What the dossier's workflow waits for next and when (its timers), what it is running or
 * retrying, and the same run in the Temporal UI when the API knows its address.
 */
export function DossierWorkflowStatus({ base, zone }: { base: string; zone: string }) {
  const workflow = useQuery({
    queryKey: ['dossier-workflow', base],
    queryFn: () => api<DossierWorkflow>('GET', `${base}/workflow`),
  });
  const now = workflow.dataUpdatedAt || Date.now();
  const data = workflow.data;
  return (
    <section aria-labelledby="workflow-titre">
      <h2 id="workflow-titre" className="fr-mt-4w">
        Suivi automatique
      </h2>
      {workflow.error ? <Problem error={workflow.error} /> : null}
      {data ? (
        <>
          <p className="fr-mb-1w">
            Workflow <code>{data.workflowId}</code> :{' '}
            <strong>{data.status ? label(WORKFLOW_STATUSES, data.status) : 'plus conservé'}</strong>
            {data.temporalUiUrl ? (
              <>
                {' — '}
                <a href={data.temporalUiUrl} target="_blank" rel="noopener noreferrer">
                  Voir dans Temporal (nouvelle fenêtre)
                </a>
              </>
            ) : null}
          </p>
          {data.waitingFor.length === 0 ? (
            <p>Il n’attend aucune date.</p>
          ) : (
            <ul aria-label="Ce que le workflow attend">
              {data.waitingFor.map((wait) => (
                <li key={`${wait.kind}-${wait.at}-${wait.label}`}>
                  {wait.label} — {formatInstant(wait.at, zone)} ({relativeTo(wait.at, now)})
                </li>
              ))}
            </ul>
          )}
          {data.pendingActivities.length > 0 ? (
            <ul aria-label="Tâches en cours">
              {data.pendingActivities.map((activity, index) => (
                <li key={`${activity.activityType}-${index}`}>
                  {activity.activityType}, essai {activity.attempt}
                  {activity.lastFailure ? ` — dernier échec : ${activity.lastFailure}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
