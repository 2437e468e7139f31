import { AuthConfig } from '@amiflow/config';
import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyOptions } from 'jose';
import { Principal, Role, ROLES } from './principal';
import { VerifiedTokens } from './verified-tokens';

/** Why a token was refused, said to the caller without echoing the token. */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** The identity provider's keys cannot be reached: a 503 to retry, not the caller's fault. */
export class KeysUnavailableError extends Error {
  constructor() {
    super("Les clés du fournisseur d'identité sont injoignables : réessayez dans un instant.");
    this.name = 'KeysUnavailableError';
  }
}

/** Asymmetric algorithms an OpenID Connect provider signs with; HS256 only with our own secret. */
const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256'];

/**
 * Checks a bearer token's signature, expiry, issuer and audience, then reads who it speaks for:
 * the `role` claim (admin, operator, organisation) and, for an organisation, `organisation_id`.
 */
export class TokenVerifier {
  private readonly check: (token: string) => Promise<JWTPayload>;

  constructor(
    config: Omit<AuthConfig, 'oidc'>,
    private readonly verified = new VerifiedTokens(),
  ) {
    const options = (algorithms: string[]): JWTVerifyOptions => ({
      issuer: config.issuer,
      audience: config.audience,
      algorithms,
      requiredClaims: ['exp', 'sub'],
    });
    if (config.jwtSecret) {
      const secret = new TextEncoder().encode(config.jwtSecret);
      this.check = async (token) => (await jwtVerify(token, secret, options(['HS256']))).payload;
    } else if (config.jwksUrl) {
      const keys = createRemoteJWKSet(new URL(config.jwksUrl));
      this.check = async (token) =>
        (await jwtVerify(token, keys, options(JWKS_ALGORITHMS))).payload;
    } else {
      throw new Error(
        'Configuration error: the API needs AUTH_JWT_SECRET (development) or AUTH_JWKS_URL (an ' +
          'OpenID Connect provider) to check bearer tokens',
      );
    }
  }

  /**
   * Who the token speaks for, or why it is refused. A token verified in the last minute (and not
   * expired since) is answered from memory: see `VerifiedTokens` for what that keeps safe.
   */
  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known !== undefined) return known;
    let payload: JWTPayload;
    try {
      payload = await this.check(token);
    } catch (error) {
      // The provider's keys could not be fetched: the token may be fine, the check is not.
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
        throw new KeysUnavailableError();
      }
      throw new InvalidTokenError(reasonOf(error));
    }
    const principal = principalOf(payload);
    // requiredClaims makes jose refuse a token without exp: it is a number here.
    this.verified.remember(token, principal, payload.exp as number);
    return principal;
  }
}

function principalOf(payload: JWTPayload): Principal {
  const role = payload['role'];
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new InvalidTokenError(`Le jeton doit porter un rôle parmi ${ROLES.join(', ')}.`);
  }
  const subject = payload.sub as string;
  if (role !== 'organisation') return { subject, role: role as Role };
  const organisationId = payload['organisation_id'];
  if (typeof organisationId !== 'string' || !BUSINESS_KEY_PATTERN.test(organisationId)) {
    throw new InvalidTokenError("Un jeton d'organisation doit porter organisation_id.");
  }
  return { subject, role: 'organisation', organisationId };
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'Le jeton a expiré.';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'Signature du jeton invalide.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `Le jeton est refusé (${error.claim}).`;
  }
  return 'Jeton invalide.';
}
