import { SignJWT } from 'jose';

export const ROLES = ['admin', 'operator', 'organisation'];

/**
 * A development bearer token (HS256) with the claims the API reads: `role` and, for an
 * organisation, `organisation_id`.
 */
export function mintToken({ secret, role, organisationId, subject, ttlSeconds, issuer, audience }) {
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (role === 'organisation' && !organisationId) {
    throw new Error('an organisation token needs --organisation <id>');
  }
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role, ...(organisationId && { organisation_id: organisationId }) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject ?? (role === 'organisation' ? `compte-${organisationId}` : `${role}-dev`))
    .setIssuer(issuer ?? (process.env.AUTH_ISSUER || 'amiflow'))
    .setAudience(audience ?? (process.env.AUTH_AUDIENCE || 'amiflow-api'))
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}
