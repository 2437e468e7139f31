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
 * The cookie that carries the session's token to the API, for it to draw the campaign page opened
 * next in the HTML it sends (its prerendering). Sent with the campaigns' pages only
 * (`Path=/console/campagnes/`: not with the console's files, nor to the API's routes, which read
 * the bearer header alone), not on a navigation from another site (`SameSite=Strict`), kept until
 * the browser closes at most (no expiry of its own; the API refuses it once the token expires).
 * Unlike the tab's session it is the browser's: signing out, or a tab opened without a session,
 * removes it (`storeSession`, `forgetOthersCookie`).
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

/**
 * The token the session cookie holds (the last signed in, in any tab), if any and if visible here
 * (on the campaigns' pages).
 */
export function sessionCookieToken(): string | undefined {
  const prefix = `${SESSION_COOKIE}=`;
  const value = document.cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length);
  try {
    return value ? decodeURIComponent(value) : undefined;
  } catch {
    return undefined;
  }
}

function writeSessionCookie(token: string | undefined): void {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  const attributes = `; Path=/console/campagnes/; SameSite=Strict${secure}`;
  document.cookie = token
    ? `${SESSION_COOKIE}=${encodeURIComponent(token)}${attributes}`
    : `${SESSION_COOKIE}=; Max-Age=0${attributes}`;
}

/**
 * Keeps `session` for this tab, its token in the cookie; or forgets this tab's session (signed
 * out, expired, refused) and the cookie. (Which token the cookie holds cannot be told from every
 * page: it is visible to the campaigns' pages only. Another tab signed in keeps its session; the
 * API draws its pages again once it signs in anew.)
 */
export function storeSession(session: Session | undefined): void {
  if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else window.sessionStorage.removeItem(STORAGE_KEY);
  writeSessionCookie(session?.token);
}

/**
 * A tab without a session removes the cookie another one may have left (a tab closed without
 * signing out): the next campaign page opened in this browser is not drawn for that session.
 */
export function forgetOthersCookie(): void {
  if (!restoreSession()) writeSessionCookie(undefined);
}
