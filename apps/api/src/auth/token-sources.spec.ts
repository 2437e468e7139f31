import { execFile } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { KeysUnavailableError, TokenVerifier } from './token-verifier';

const issuer = 'https://idp.example.fr';
const audience = 'amiflow-api';

describe('where tokens come from', () => {
  describe('an OpenID Connect provider, through its JWKS', () => {
    let server: Server;
    let jwksUrl: string;
    let privateKey: KeyLike;

    beforeAll(async () => {
      const pair = await generateKeyPair('RS256');
      privateKey = pair.privateKey;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
      server = createServer((_, response) => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ keys: [jwk] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    });

    afterAll(() => new Promise((resolve) => server.close(resolve)));

    const signed = (key: KeyLike, kid = 'k1') =>
      new SignJWT({ role: 'operator' })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject('agent-42')
        .setIssuer(issuer)
        .setAudience(audience)
        .setExpirationTime('5m')
        .sign(key);

    it("accepts a token signed with one of the provider's keys", async () => {
      const verifier = new TokenVerifier({ jwtSecret: undefined, jwksUrl, issuer, audience });
      await expect(verifier.verify(await signed(privateKey))).resolves.toEqual({
        subject: 'agent-42',
        role: 'operator',
      });
    });

    it('refuses a token signed with another key under the same key id', async () => {
      const verifier = new TokenVerifier({ jwtSecret: undefined, jwksUrl, issuer, audience });
      const { privateKey: other } = await generateKeyPair('RS256');
      await expect(verifier.verify(await signed(other))).rejects.toThrow(/Signature/);
    });
  });

  it('tells a provider it cannot reach from a bad token', async () => {
    const unreachable = new TokenVerifier({
      jwtSecret: undefined,
      // A port nothing listens on, on loopback.
      jwksUrl: 'http://127.0.0.1:9/jwks',
      issuer,
      audience,
    });
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ role: 'operator' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('agent-42')
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(unreachable.verify(token)).rejects.toBeInstanceOf(KeysUnavailableError);
  });

  it('accepts what `npm run token` prints, signed with the configured secret', async () => {
    const secret = 'a-secret-for-this-test-only-and-long-enough';
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        join(__dirname, '../../../../infra/token.mjs'),
        '--role',
        'organisation',
        '--organisation',
        'cnp-radiologie',
      ],
      { env: { ...process.env, AUTH_JWT_SECRET: secret, AUTH_JWKS_URL: '' } },
    );
    const verifier = new TokenVerifier({
      jwtSecret: secret,
      jwksUrl: undefined,
      issuer: 'amiflow',
      audience,
    });
    await expect(verifier.verify(stdout.trim().split('\n').pop() ?? '')).resolves.toMatchObject({
      role: 'organisation',
      organisationId: 'cnp-radiologie',
    });
    // A Node.js process started and a key derived: a second alone, more on a loaded machine; the
    // assertion is about the token, not the time.
  }, 30_000);
});
