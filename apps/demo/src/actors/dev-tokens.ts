import { AuthConfig } from '@amiflow/config';
import { SignJWT } from 'jose';

export type DevRole = 'admin' | 'operator' | 'organisation';

/** Hours a token lasts: a working session. */
const TOKEN_HOURS = 8;

/**
 * Development bearer tokens, with the claims `npm run token` gives them (infra/auth/mint-token.mjs):
 * `role`, `organisation_id` for an organisation, signed with the secret the API checks. Only
 * possible with a shared secret; with an OpenID Connect provider, tokens come from it.
 */
export class DevTokens {
  private readonly cache = new Map<string, Promise<string>>();

  private constructor(private readonly auth: AuthConfig & { jwtSecret: string }) {}

  static from(auth: AuthConfig): DevTokens | undefined {
    return auth.jwtSecret ? new DevTokens({ ...auth, jwtSecret: auth.jwtSecret }) : undefined;
  }

  /**
   * The same token for the same role, organisation and subject, for the life of the process;
   * `subject` tells two people of one role apart (the demo's reviewers).
   */
  for(role: DevRole, organisationId?: string, subject?: string): Promise<string> {
    const key = `${role}:${organisationId ?? ''}:${subject ?? ''}`;
    let token = this.cache.get(key);
    if (!token) {
      token = this.mint(role, organisationId, subject);
      this.cache.set(key, token);
    }
    return token;
  }

  private mint(role: DevRole, organisationId?: string, subject?: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ role, ...(organisationId && { organisation_id: organisationId }) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(subject ?? (organisationId ? `compte-${organisationId}` : `${role}-dev`))
      .setIssuer(this.auth.issuer)
      .setAudience(this.auth.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + TOKEN_HOURS * 3600)
      .sign(new TextEncoder().encode(this.auth.jwtSecret));
  }
}
