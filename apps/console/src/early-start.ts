// Inlined in index.html by the build (vite.config.ts), so that it runs while the document is still
// being read, before any of the console's files has come: when the page opened is a campaign's
// (the one an operator opens first, with the largest answers), it sends that page's API requests
// at once. They are thus under way while the console's styles and scripts arrive and are parsed,
// instead of after (npm run bench:console measures the difference). A bundle of its own, with no
// import left: the console takes the answers through the window (api/early-requests.ts).
import { startEarlyRequests } from './api/early-requests';
import { restoreSession } from './auth/stored-session';
import { campaignListRequest, campaignPageId, campaignPath } from './screens/campaign-requests';

const session = restoreSession();
const campaignId = campaignPageId(window.location.pathname);
// A page the API prerendered holds these answers already (its <html> says so, as the head is read).
const prerendered = document.documentElement.hasAttribute('data-prerendered');
if (session && session.role !== 'organisation' && campaignId !== undefined && !prerendered) {
  // The zone is not known yet: a list filtered by a day is asked for by the page, once it is.
  const list = campaignListRequest(
    campaignId,
    new URLSearchParams(window.location.search),
    undefined,
  );
  startEarlyRequests(
    [campaignPath(campaignId), ...(list.ready ? [list.countsPath, list.dossiersPath] : [])],
    session.token,
  );
}
