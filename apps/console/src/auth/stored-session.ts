// The session as this tab keeps it (sessionStorage), readable without React: the console's first
// script reads it to send the opened screen's requests early (main.tsx).

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
