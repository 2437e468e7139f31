// A real OpenID Connect provider (oidc-provider, the certified Node implementation) for the
// browser tests, in a process of its own (the package is ESM-only). It stands for ProConnect:
// authorization code with PKCE for a public client (the console), its own login and consent
// pages (the package's development interactions), and JWT access tokens for the API's audience
// carrying the `role` claim the API reads, signed with a key published at <issuer>/jwks.
//
// Usage: node oidc-provider.mjs <port> <redirect URI>; prints "ready <issuer>" once listening.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const [port, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const API_RESOURCE = 'urn:amiflow:api';

// An elliptic-curve key (ES256, one of the algorithms the API accepts): made at once, where an
// RSA key is a search for primes whose length varies. Each step says so on stderr, so that a start
// that stalls says where.
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const signingKey = {
  ...privateKey.export({ format: 'jwk' }),
  kid: 'test-key',
  alg: 'ES256',
  use: 'sig',
};
console.error('signing key made');

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'amiflow-console',
      token_endpoint_auth_method: 'none',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      id_token_signed_response_alg: 'ES256',
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  scopes: ['openid', 'api'],
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => API_RESOURCE,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => {
        if (resource !== API_RESOURCE) throw new Error(`unknown resource ${resource}`);
        return {
          scope: 'api',
          audience: API_RESOURCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 600,
          jwt: { sign: { alg: 'ES256' } },
        };
      },
    },
  },
  // Every account of this test provider is an operator, as ProConnect's claims would map.
  extraTokenClaims: () => ({ role: 'operator' }),
  findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
});

console.error('provider configured');

const server = provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
