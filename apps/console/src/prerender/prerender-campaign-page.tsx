// The API's server-side drawing of a campaign page (built by vite.prerender.config.ts into
// dist/console-prerender, loaded by apps/api/src/operations/console/prerender-console-page.ts):
// the very screens the browser runs, drawn once into the HTML the API sends, with the answers they
// were drawn from. The operator sees the page's table and counts as soon as the document is read,
// instead of after the console's scripts have loaded, run and asked the API (npm run bench:console
// measures both); the console then takes it over, from those answers (start-console.tsx).
import { setLink } from '@codegouvfr/react-dsfr/link';
import { dehydrate, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { Link, StaticRouter } from 'react-router';
import type { Campaign } from '../api/types';
import { App } from '../app';
import { SessionProvider } from '../auth/session';
import type { Session } from '../auth/stored-session';
import {
  campaignListRequest,
  campaignPageId,
  campaignPath,
  campaignQueryKey,
} from '../screens/campaign-requests';

// What startReactDsfr does for the browser (start-console.tsx), without its start-up, which needs
// a document: the DSFR's components draw the router's links.
setLink({ Link: Link as unknown as Parameters<typeof setLink>[0]['Link'] });

/** Which pages the API prerenders: a campaign's (the path under /console/ names it). */
export { campaignPageId };

export interface PrerenderRequest {
  /** The page's path and query, as the browser asked for it (`/console/campagnes/…?onglet=…`). */
  readonly url: string;
  /** The session its cookie carried: the screens draw what this signed-in user would see. */
  readonly session: Session;
  /**
   * GETs an API path with the session's token; resolves the JSON answer, or undefined when the API
   * refused it or failed (then nothing is prerendered: the console asks again and says why).
   */
  readonly get: (path: string) => Promise<unknown>;
}

export interface Prerendered {
  /** The screens' markup, for the page's root element. */
  readonly html: string;
  /** The answers it was drawn from, as TanStack Query's dehydrated state (JSON). */
  readonly state: unknown;
}

/**
 * Draws the campaign page `request.url` opens, with its campaign, dossier counts and first page of
 * dossiers read through `request.get`; undefined when the URL is not a campaign's page or an
 * answer is missing.
 */
export async function prerenderCampaignPage(
  request: PrerenderRequest,
): Promise<Prerendered | undefined> {
  const url = new URL(request.url, 'http://console.invalid');
  const campaignId = campaignPageId(url.pathname);
  if (campaignId === undefined) return undefined;
  const campaign = (await request.get(campaignPath(campaignId))) as Campaign | undefined;
  if (!campaign) return undefined;
  const list = campaignListRequest(campaignId, url.searchParams, campaign.timeZone);
  const [counts, dossiers] = await Promise.all([
    request.get(list.countsPath),
    request.get(list.dossiersPath),
  ]);
  if (counts === undefined || dossiers === undefined) return undefined;

  // No query runs on the server: the screens read these answers, and nothing else.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(campaignQueryKey(campaignId), campaign);
  queryClient.setQueryData(list.countsKey, counts);
  queryClient.setQueryData(list.dossiersKey, dossiers);
  // The tree start-console.tsx draws, so that the browser can take this markup over as it is.
  const html = renderToString(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <StaticRouter basename="/console" location={`${url.pathname}${url.search}`}>
          <SessionProvider prerendering={request.session}>
            <App />
          </SessionProvider>
        </StaticRouter>
      </QueryClientProvider>
    </StrictMode>,
  );
  const state = dehydrate(queryClient);
  queryClient.clear();
  return { html, state };
}
