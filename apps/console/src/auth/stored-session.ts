// The session as this tab keeps it (sessionStorage), readable without React: the console's first
// script reads it to send the opened screen's requests early (early-start.ts). A copy goes in a
// cookie, for the API to draw the campaign page opened next in the HTML it sends (its prerendering,
// apps/api/src/operations/console/prerender-console-page.ts).

export type Role = 'operator' | 'admin' | 'organisation';

/** Who is signed in. The API checks the token on every call; the console only reads its claims. */
export interface Session {
  readonly token: string;
  readonly role: Role | undefined;
  readonly subject: string | undefined;
  readonly organisationId: string | undefined;
  /** UTC instant, ms since the epoch. */
  readonly expiresAt: number;
  readonly via: 'development' | 'oidc';
}

export const STORAGE_KEY = 'amiflow.console.session';

/**
 * The cookie copy of the session, sent with the campaigns' pages only (`Path=/console/campagnes/`:
 * not with the console's files, nor to the API's routes, which read the bearer header alone), not
 * on a navigation from another site (`SameSite=Strict`), and gone when the token expires. The API
 * reads it to prerender a campaign page, calling its own routes with the token, so that the page
 * shows nothing the token could not read.
 */
export const SESSION_COOKIE = 'amiflow-console-session';

/** The session this tab holds, unless it has expired (or is unreadable). */
export function restoreSession(): Session | undefined {
  try {
    const stored = JSON.parse(
      window.sessionStorage.getItem(STORAGE_KEY) ?? 'null',
    ) as Session | null;
    return stored && stored.expiresAt > Date.now() ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `session` for this tab (and its cookie copy), or forgets it (signed out, expired). */
export function storeSession(session: Session | undefined): void {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  const attributes = `; Path=/console/campagnes/; SameSite=Strict${secure}`;
  if (session) {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    const seconds = Math.floor((session.expiresAt - Date.now()) / 1000);
    const value = encodeURIComponent(JSON.stringify(session));
    document.cookie = `${SESSION_COOKIE}=${value}; Max-Age=${seconds}${attributes}`;
  } else {
    window.sessionStorage.removeItem(STORAGE_KEY);
    document.cookie = `${SESSION_COOKIE}=; Max-Age=0${attributes}`;
  }
}
