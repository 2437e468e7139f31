import type { UserManager } from 'oidc-client-ts';
import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { api, setApiToken } from '../api/client';
import type { SignInOptions } from '../api/types';
import { restoreSession, Role, Session, storeSession } from './stored-session';

export type { Role, Session } from './stored-session';

export const CALLBACK_PATH = '/console/connexion/retour';

interface SessionApi {
  readonly session: Session | undefined;
  readonly signInForDevelopment: (role: Role, organisationId?: string) => Promise<void>;
  readonly signInWithProvider: (
    options: NonNullable<SignInOptions['oidc']>,
    returnTo: string,
  ) => Promise<void>;
  /** Exchanges the code the provider sent back (PKCE); resolves where to go next. */
  readonly completeProviderSignIn: (options: NonNullable<SignInOptions['oidc']>) => Promise<string>;
  readonly signOut: () => void;
}

const SessionContext = createContext<SessionApi | undefined>(undefined);

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/**
 * The OpenID Connect client: authorization code with PKCE (oidc-client-ts's default for
 * `response_type: 'code'`), a public client, its state in this tab's sessionStorage. No silent
 * renewal (it needs an iframe the console's CSP does not allow): when the token expires, the
 * operator signs in again. The library is fetched when first needed: a development sign-in, and
 * every page opened with a session already, do without its bytes.
 */
async function userManager(options: NonNullable<SignInOptions['oidc']>): Promise<UserManager> {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: options.issuer,
    client_id: options.clientId,
    redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
    response_type: 'code',
    scope: options.scope,
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/**
 * The signed-in session for the screens: this tab's (sessionStorage), or `prerendering`'s when the
 * API draws a page on the server (prerender-campaign-page.tsx: the token's claims as the API
 * verified them), where there is no tab and no call is made.
 */
export function SessionProvider({
  children,
  prerendering,
}: {
  children: ReactNode;
  prerendering?: Session;
}) {
  const [session, setSession] = useState<Session | undefined>(
    () => prerendering ?? restoreSession(),
  );

  const keep = useCallback((next: Session | undefined) => {
    storeSession(next);
    setSession(next);
  }, []);

  // Every API call carries the token; a 401 (expired, revoked) signs out. Not on the server: the
  // token would outlive the page drawn there, in a module shared by every request.
  if (!prerendering) setApiToken(session?.token, () => keep(undefined));
  useEffect(() => {
    if (!session) return;
    const left = session.expiresAt - Date.now();
    const timer = window.setTimeout(
      () => keep(undefined),
      Math.max(0, Math.min(left, 2 ** 31 - 1)),
    );
    return () => window.clearTimeout(timer);
  }, [session, keep]);

  const value = useMemo<SessionApi>(
    () => ({
      session,
      signInForDevelopment: async (role, organisationId) => {
        const { token, expiresAt } = await api<{ token: string; expiresAt: string }>(
          'POST',
          '/auth/development-token',
          { role, ...(organisationId && { organisationId }) },
        );
        keep(sessionOf(token, new Date(expiresAt).getTime(), 'development'));
      },
      signInWithProvider: async (options, returnTo) => {
        await (await userManager(options)).signinRedirect({ state: { returnTo } });
      },
      completeProviderSignIn: async (options) => {
        const user = await (await userManager(options)).signinRedirectCallback();
        const expiresAt = (user.expires_at ?? Date.now() / 1000 + 300) * 1000;
        keep(sessionOf(user.access_token, expiresAt, 'oidc'));
        const state = user.state as { returnTo?: string } | undefined;
        return state?.returnTo ?? '/';
      },
      signOut: () => keep(undefined),
    }),
    [session, keep],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** Reads the token's claims for display and routing only; the API verifies the signature. */
function sessionOf(token: string, expiresAt: number, via: Session['via']): Session {
  let claims: { role?: string; sub?: string; organisation_id?: string } = {};
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)));
    claims = JSON.parse(json) as typeof claims;
  } catch {
    // An opaque access token: the console learns the role from the API's answers.
  }
  const role = ['operator', 'admin', 'organisation'].includes(claims.role ?? '')
    ? (claims.role as Role)
    : undefined;
  return {
    token,
    role,
    subject: claims.sub,
    organisationId: claims.organisation_id,
    expiresAt,
    via,
  };
}
