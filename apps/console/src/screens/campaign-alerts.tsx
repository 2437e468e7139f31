import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { CampaignAlerts } from '../api/types';
import { formatInstant } from '../format/dates';
import { campaignPath } from './campaign-nav';
import { Problem } from './problems';

const STUCK_REASONS: Record<string, string> = {
  FAILED: 'workflow en échec',
  TERMINATED: 'workflow arrêté',
  TIMED_OUT: 'workflow expiré',
  DEADLINE_PASSED: "une date passée n'a pas été traitée",
};

/** How many of the stuck workflows are named one by one (the rest are counted). */
const STUCK_SHOWN = 5;

/**
 * What needs attention on a campaign, each with the link to the screen that shows it: mails
 * failing (« Envois en échec »), dossiers waiting on an operator (the « À traiter » tab), dossier
 * workflows failed or stuck (each dossier). Nothing when all is well.
 */
export function CampaignAlertsPanel({
  campaignId,
  timeZone,
}: {
  campaignId: string;
  timeZone: string;
}) {
  const alerts = useQuery({
    queryKey: ['alerts', campaignId],
    queryFn: () =>
      api<CampaignAlerts>('GET', `/campaigns/${encodeURIComponent(campaignId)}/alerts`),
  });
  if (alerts.error) return <Problem error={alerts.error} />;
  const data = alerts.data;
  if (!data) return null;
  const stuck = data.stuckWorkflows;
  if (data.failedDeliveries === 0 && data.waitingOnOperator === 0 && stuck.length === 0) {
    return <p className="fr-text--sm fr-mb-1w">Aucune alerte.</p>;
  }
  const base = campaignPath(campaignId);
  return (
    <div className="fr-mb-2w">
      <h3 className="fr-text--md fr-mb-1w">Alertes</h3>
      <ul className="fr-mb-0">
        {data.failedDeliveries > 0 ? (
          <li>
            <Link to={`${base}/envois-en-echec`}>
              {plural(data.failedDeliveries, 'envoi en échec', 'envois en échec')}
            </Link>
          </li>
        ) : null}
        {data.waitingOnOperator > 0 ? (
          <li>
            <Link to={`${base}?onglet=to-process`}>
              {plural(data.waitingOnOperator, 'dossier à traiter', 'dossiers à traiter')}
            </Link>
          </li>
        ) : null}
      </ul>
      {stuck.length > 0 ? (
        <Alert
          severity="warning"
          small
          className="fr-mt-1w"
          description={
            <>
              {plural(stuck.length, 'workflow en échec ou bloqué', 'workflows en échec ou bloqués')}
              {stuck.length === 100 ? ' (au moins)' : ''} :
              <ul>
                {stuck.slice(0, STUCK_SHOWN).map((workflow) => (
                  <li key={workflow.workflowId}>
                    <Link to={`${base}/dossiers/${encodeURIComponent(workflow.organisationId)}`}>
                      {workflow.organisationId}
                    </Link>{' '}
                    — {STUCK_REASONS[workflow.reason] ?? workflow.reason}
                    {workflow.since ? ` depuis le ${formatInstant(workflow.since, timeZone)}` : ''}
                  </li>
                ))}
              </ul>
            </>
          }
        />
      ) : null}
    </div>
  );
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
