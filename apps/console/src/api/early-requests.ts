/**
 * Requests sent before the screens' code has arrived (it is most of the console's bytes, and a
 * loaded machine takes a while to fetch and parse it): `early-start.ts`, inlined in index.html,
 * sends the opened campaign page's requests while the document is still being read. When the
 * screen's queries run, the first `api()` GET of the same path with the same token takes the
 * answer already under way instead of asking again. Each is taken once: later polls ask the API
 * afresh. The answers wait on the window, where the inlined script and the console (two separate
 * bundles) both find them.
 */
type EarlyRequests = Map<string, { token: string; response: Promise<Response> }>;

const WINDOW_KEY = 'amiflowEarlyRequests';

function earlyRequests(): EarlyRequests {
  const scope = globalThis as unknown as { [WINDOW_KEY]?: EarlyRequests };
  return (scope[WINDOW_KEY] ??= new Map() as EarlyRequests);
}

/** Sends GET requests for `paths` with the signed-in token (the same headers `api()` sends). */
export function startEarlyRequests(paths: readonly string[], token: string): void {
  const early = earlyRequests();
  for (const path of paths) {
    const response = fetch(path, {
      headers: { accept: 'application/json', authorization: `Bearer ${token}` },
    });
    // Never taken (the screen asked for something else): its failure is nobody's to report.
    response.catch(() => undefined);
    early.set(path, { token, response });
  }
}

/** The early answer to GET `path` with `token`, if one was sent and not taken yet. */
export function takeEarlyResponse(
  path: string,
  token: string | undefined,
): Promise<Response> | undefined {
  const early = earlyRequests();
  const found = early.get(path);
  if (!found || found.token !== token) return undefined;
  early.delete(path);
  return found.response;
}
