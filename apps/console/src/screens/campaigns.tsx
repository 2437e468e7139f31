import { CAMPAIGN_PHASES, DOSSIER_STATES, label } from '@amiflow/contracts/labels';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Campaign, Page } from '../api/types';
import { CampaignAlertsPanel } from './campaign-alerts';
import { CalendarTimeline, NextMilestone } from './campaign-calendar';
import { Problem } from './problems';

/**
 * Home: every campaign, its phase, its calendar with "now" and the next step, its dossiers by
 * state, and its alerts.
 */
export function CampaignsPage() {
  const campaigns = useQuery({
    queryKey: ['campaigns'],
    queryFn: () => api<Page<Campaign>>('GET', '/campaigns?limit=100'),
  });
  const now = campaigns.dataUpdatedAt || Date.now();
  return (
    <>
      <h1>Campagnes</h1>
      {campaigns.error ? <Problem error={campaigns.error} /> : null}
      {campaigns.isPending ? <p>Chargement des campagnes…</p> : null}
      {campaigns.data?.items.length === 0 ? <p>Aucune campagne pour l'instant.</p> : null}
      {campaigns.data?.items.map((campaign) => (
        <section
          key={campaign.campaignId}
          className="fr-card fr-p-3w fr-mb-4w"
          aria-labelledby={`campagne-${campaign.campaignId}`}
        >
          <h2 id={`campagne-${campaign.campaignId}`} className="fr-h4 fr-mb-1w">
            <Link to={`/campagnes/${encodeURIComponent(campaign.campaignId)}`}>
              {campaign.title}
            </Link>
          </h2>
          <p className="fr-text--xs fr-mb-1w">Identifiant : {campaign.campaignId}</p>
          <p className="fr-mb-1w">
            <Badge severity="info" noIcon>
              {label(CAMPAIGN_PHASES, campaign.phase)}
            </Badge>
          </p>
          <NextMilestone calendar={campaign.calendar} timeZone={campaign.timeZone} now={now} />
          <CalendarTimeline calendar={campaign.calendar} timeZone={campaign.timeZone} now={now} />
          <StateCounts counts={campaign.dossierCounts} />
          <CampaignAlertsPanel campaignId={campaign.campaignId} timeZone={campaign.timeZone} />
        </section>
      ))}
    </>
  );
}

export function StateCounts({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts).filter(([, count]) => count > 0);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  return (
    <div>
      <h3 className="fr-text--md fr-mb-1w">Dossiers : {total}</h3>
      <ul className="fr-tags-group">
        {entries.map(([state, count]) => (
          <li key={state}>
            <p className="fr-tag fr-tag--sm">
              {label(DOSSIER_STATES, state)} : {count}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
