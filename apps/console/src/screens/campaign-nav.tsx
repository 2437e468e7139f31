import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useQuery } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { api } from '../api/client';
import type { Campaign } from '../api/types';

/** The campaign's screens, in the order an operator goes through a campaign. */
const CAMPAIGN_SCREENS = [
  { path: '', name: 'Dossiers' },
  { path: '/reunion', name: "Réunion d'information" },
  { path: '/synthese', name: 'Synthèse' },
  { path: '/envois-en-echec', name: 'Envois en échec' },
] as const;

export const campaignPath = (campaignId: string) => `/campagnes/${encodeURIComponent(campaignId)}`;

/** The campaign as the campaign page reads it (same cache entry: opening a tab asks nothing new). */
export function useCampaign(campaignId: string) {
  return useQuery({
    queryKey: ['campaign', campaignId],
    queryFn: () => api<Campaign>('GET', `/campaigns/${encodeURIComponent(campaignId)}`),
  });
}

/**
 * A campaign screen's head: the breadcrumb back to the campaign, and the links to its other
 * screens (the current one marked `aria-current`, by NavLink).
 */
export function CampaignScreenHead({
  campaignId,
  title,
  screen,
}: {
  campaignId: string;
  title: string | undefined;
  screen: string;
}) {
  return (
    <>
      <Breadcrumb
        currentPageLabel={screen}
        segments={[{ label: title ?? campaignId, linkProps: { to: campaignPath(campaignId) } }]}
        homeLinkProps={{ to: '/' }}
      />
      <CampaignNav campaignId={campaignId} />
    </>
  );
}

export function CampaignNav({ campaignId }: { campaignId: string }) {
  return (
    <nav aria-label="Écrans de la campagne" className="fr-mb-3w">
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
        {CAMPAIGN_SCREENS.map((screen) => (
          <li key={screen.path}>
            <NavLink
              end
              to={`${campaignPath(campaignId)}${screen.path}`}
              className={({ isActive }) =>
                `fr-btn fr-btn--sm ${isActive ? '' : 'fr-btn--tertiary'}`
              }
            >
              {screen.name}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
