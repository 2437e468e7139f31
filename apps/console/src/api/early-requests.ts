/**
 * Requests sent by the console's first script, before the screens' code has arrived (it is most of
 * the console's bytes, and a loaded machine takes a while to parse it): when the screen's queries
 * run, the first `api()` GET of the same path with the same token takes the answer already under
 * way instead of asking again. Each is taken once: later polls ask the API afresh.
 */
const early = new Map<string, { token: string; response: Promise<Response> }>();

/** Sends GET requests for `paths` with the signed-in token (the same headers `api()` sends). */
export function startEarlyRequests(paths: readonly string[], token: string): void {
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
  const found = early.get(path);
  if (!found || found.token !== token) return undefined;
  early.delete(path);
  return found.response;
}
