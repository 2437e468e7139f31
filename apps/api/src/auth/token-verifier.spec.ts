import { AuthConfig } from '@amiflow/config';
import { SignJWT } from 'jose';
import { InvalidTokenError, TokenVerifier } from './token-verifier';
import { VerifiedTokens } from './verified-tokens';

const secret = 'a-development-secret-of-at-least-32-characters';
const config: AuthConfig = {
  jwtSecret: secret,
  jwksUrl: undefined,
  issuer: 'amiflow',
  audience: 'amiflow-api',
  oidc: undefined,
};

function token(
  claims: Record<string, unknown>,
  {
    key = secret,
    expiresIn = 60,
    issuer = 'amiflow',
    audience = 'amiflow-api',
    subject = 'u-1',
  } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(issuer)
    .setAudience(audience)
    .setExpirationTime(now + expiresIn)
    .sign(new TextEncoder().encode(key));
}

describe('TokenVerifier', () => {
  const verifier = new TokenVerifier(config);

  it('reads an operator and an organisation bound to its organisation', async () => {
    await expect(verifier.verify(await token({ role: 'operator' }))).resolves.toEqual({
      subject: 'u-1',
      role: 'operator',
    });
    await expect(
      verifier.verify(await token({ role: 'organisation', organisation_id: 'cnp-radiologie' })),
    ).resolves.toEqual({ subject: 'u-1', role: 'organisation', organisationId: 'cnp-radiologie' });
  });

  it.each([
    ['an expired token', () => token({ role: 'admin' }, { expiresIn: -10 }), /expiré/],
    [
      'another key',
      () => token({ role: 'admin' }, { key: 'another-secret-of-at-least-32-characters!!' }),
      /Signature/,
    ],
    ['another audience', () => token({ role: 'admin' }, { audience: 'other-api' }), /aud/],
    ['another issuer', () => token({ role: 'admin' }, { issuer: 'someone' }), /iss/],
    ['no role', () => token({}), /rôle/],
    ['an unknown role', () => token({ role: 'root' }), /rôle/],
    ['an organisation without its id', () => token({ role: 'organisation' }), /organisation_id/],
    [
      'an organisation id that is not a key',
      () => token({ role: 'organisation', organisation_id: 'CNP X' }),
      /organisation_id/,
    ],
    ['garbage', () => Promise.resolve('a.b.c'), /invalide/],
  ])('refuses %s', async (_, make, message) => {
    const attempt = verifier.verify(await make());
    await expect(attempt).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(attempt).rejects.toThrow(message);
  });

  it('refuses a valid signature under another payload, once the genuine token was verified', async () => {
    const genuine = await token({ role: 'organisation', organisation_id: 'cnp-radiologie' });
    await verifier.verify(genuine);
    const [header, , signature] = genuine.split('.');
    const payload = Buffer.from(
      JSON.stringify({ role: 'admin', sub: 'u-1', iss: 'amiflow', aud: 'amiflow-api', exp: 4e9 }),
    ).toString('base64url');
    await expect(verifier.verify(`${header}.${payload}.${signature}`)).rejects.toThrow(/Signature/);
  });

  it('answers a token it verified again without the secret, until the token expires', async () => {
    let now = Date.now();
    const remembered = new VerifiedTokens(() => now);
    const checking = new TokenVerifier(config, remembered);
    const shortLived = await token({ role: 'operator' }, { expiresIn: 30 });
    await checking.verify(shortLived);
    expect(remembered.get(shortLived)).toEqual({ subject: 'u-1', role: 'operator' });
    now += 30_000;
    expect(remembered.get(shortLived)).toBeUndefined();
  });

  it('refuses an unsigned token (alg none)', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ role: 'admin', sub: 'x', iss: 'amiflow', aud: 'amiflow-api', exp: 4e9 }),
    ).toString('base64url');
    await expect(verifier.verify(`${header}.${payload}.`)).rejects.toBeInstanceOf(
      InvalidTokenError,
    );
  });

  it('will not start without a key to check tokens with', () => {
    expect(() => new TokenVerifier({ ...config, jwtSecret: undefined })).toThrow(
      /AUTH_JWT_SECRET .* AUTH_JWKS_URL/,
    );
  });
});
