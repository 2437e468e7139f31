import { SignJWT } from 'jose';

export type TestRole = 'admin' | 'operator' | 'organisation';

export interface TokenOptions {
  readonly organisationId?: string;
  /** Seconds from now; negative for a token that has expired. */
  readonly expiresIn?: number;
  /** Another key than the one the API checks with: a forged token. */
  readonly secret?: string;
  readonly audience?: string;
  /** Whom the token speaks for, when two people of one role must be told apart (reviewers). */
  readonly subject?: string;
}

/** A bearer token as `npm run token` makes them, signed with the key `npm test` gave the API. */
export function tokenFor(role: TestRole, options: TokenOptions = {}): Promise<string> {
  const secret = options.secret ?? process.env.AUTH_JWT_SECRET;
  if (!secret) throw new Error('AUTH_JWT_SECRET is not set: run the tests through `npm test`');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    role,
    ...(options.organisationId && { organisation_id: options.organisationId }),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(
      options.subject ??
        (options.organisationId ? `compte-${options.organisationId}` : `${role}-test`),
    )
    .setIssuer(process.env.AUTH_ISSUER || 'amiflow')
    .setAudience((options.audience ?? process.env.AUTH_AUDIENCE) || 'amiflow-api')
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 600))
    .sign(new TextEncoder().encode(secret));
}
