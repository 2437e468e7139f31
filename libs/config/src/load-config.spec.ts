import { ConfigError } from './config-error';
import { CONFIG_DEFAULTS, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.database.url).toBe(CONFIG_DEFAULTS.DATABASE_URL);
    expect(config.temporal).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'amiflow',
      tls: false,
      apiKey: undefined,
      uiUrl: undefined,
    });
    expect(config.api).toEqual({
      host: '127.0.0.1',
      port: 3000,
      commandWaitMs: 60_000,
      dossierListCache: { enabled: true, maxEntries: 2000, maxBytes: 64 * 1024 * 1024 },
    });
    expect(config.worker).toEqual({
      workflowBundlePath: undefined,
      maxCachedWorkflows: 2000,
      stickyQueueTimeoutMs: 10_000,
    });
    expect(config.logLevel).toBe('log');
    expect(config.mail).toEqual({
      smtpHost: '127.0.0.1',
      smtpPort: 1025,
      from: CONFIG_DEFAULTS.MAIL_FROM,
      operatorsAddress: 'instructeurs@amiflow.localhost',
    });
    expect(config.auth).toEqual({
      jwtSecret: undefined,
      jwksUrl: undefined,
      issuer: 'amiflow',
      audience: 'amiflow-api',
      oidc: undefined,
    });
    expect(config.operations).toEqual({
      logFormat: 'json',
      rateLimitPerMinute: 600,
      metricsToken: undefined,
      workerMetricsAddress: undefined,
    });
  });

  it('logs pretty lines to a terminal and JSON lines elsewhere, unless LOG_FORMAT says', () => {
    expect(loadConfig({}, { stdoutIsTTY: true }).operations.logFormat).toBe('pretty');
    expect(loadConfig({}, { stdoutIsTTY: false }).operations.logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }, { stdoutIsTTY: true }).operations.logFormat).toBe(
      'json',
    );
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).operations.logFormat).toBe('pretty');
  });

  it('reads the rate limit, the metrics scrape token and the worker metrics address', () => {
    const token = 'scrape-'.padEnd(40, 'x');
    const config = loadConfig({
      RATE_LIMIT_PER_MINUTE: '5',
      METRICS_TOKEN: token,
      WORKER_METRICS_ADDRESS: '0.0.0.0:9464',
    });
    expect(config.operations).toMatchObject({
      rateLimitPerMinute: 5,
      metricsToken: token,
      workerMetricsAddress: '0.0.0.0:9464',
    });
  });

  it('refuses a development secret beside an identity provider’s keys', () => {
    expect(() =>
      loadConfig({
        AUTH_JWT_SECRET: 'a-development-secret-of-at-least-32-chars',
        AUTH_JWKS_URL: 'https://idp.example.fr/jwks',
      }),
    ).toThrow(/^Configuration error: AUTH_JWT_SECRET must not be set together with AUTH_JWKS_URL/);
  });

  it('reads the Temporal UI address without its trailing slash, and refuses what is not a web address', () => {
    expect(loadConfig({ TEMPORAL_UI_URL: 'http://127.0.0.1:8233/' }).temporal.uiUrl).toBe(
      'http://127.0.0.1:8233',
    );
    expect(
      loadConfig({ TEMPORAL_UI_URL: 'https://temporal.example.gouv.fr/ui' }).temporal.uiUrl,
    ).toBe('https://temporal.example.gouv.fr/ui');
    for (const bad of ['127.0.0.1:8233', 'ftp://temporal', 'https://x.fr/?a=1', 'pas une url']) {
      expect(() => loadConfig({ TEMPORAL_UI_URL: bad })).toThrow(ConfigError);
    }
  });

  it('reads the console’s OpenID Connect client: issuer and client id together, openid scope', () => {
    const config = loadConfig({
      OIDC_ISSUER_URL: 'https://proconnect.example.gouv.fr/api/v2',
      OIDC_CLIENT_ID: 'amiflow-console',
    });
    expect(config.auth.oidc).toEqual({
      issuerUrl: 'https://proconnect.example.gouv.fr/api/v2',
      clientId: 'amiflow-console',
      scope: 'openid',
    });
    expect(
      loadConfig({
        OIDC_ISSUER_URL: 'http://127.0.0.1:4000',
        OIDC_CLIENT_ID: 'c',
        OIDC_SCOPE: 'openid email given_name',
      }).auth.oidc?.scope,
    ).toBe('openid email given_name');
  });

  it('treats an API key as a request for TLS', () => {
    const config = loadConfig({
      TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233',
      TEMPORAL_API_KEY: 'k',
    });
    expect(config.temporal.tls).toBe(true);
    expect(config.temporal.apiKey).toBe('k');
  });

  it('treats a client certificate, an authority or a server name as a request for TLS', () => {
    for (const env of [
      { TEMPORAL_TLS_CERT: '/run/secrets/client.pem', TEMPORAL_TLS_KEY: '/run/secrets/client.key' },
      { TEMPORAL_TLS_CA: '/run/secrets/ca.pem' },
      { TEMPORAL_TLS_SERVER_NAME: 'temporal.internal' },
    ]) {
      expect(loadConfig(env).temporal.tls).toBe(true);
    }
  });

  it.each([
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['DATABASE_URL', 'postgres://localhost'],
    ['DATABASE_URL', 'not a url'],
    ['TEMPORAL_ADDRESS', 'localhost'],
    ['TEMPORAL_NAMESPACE', 'has space'],
    ['TEMPORAL_TLS', 'yes'],
    ['API_PORT', '70000'],
    ['API_PORT', 'http'],
    ['WORKER_MAX_CACHED_WORKFLOWS', '0'],
    ['LOG_LEVEL', 'loud'],
    ['SMTP_PORT', 'smtp'],
    ['OPERATORS_EMAIL', 'instructeurs'],
    ['AUTH_JWT_SECRET', 'too-short'],
    ['AUTH_JWKS_URL', 'http://idp.example.fr/jwks'],
    ['AUTH_JWKS_URL', 'jwks'],
    ['LOG_FORMAT', 'xml'],
    ['RATE_LIMIT_PER_MINUTE', '0'],
    ['RATE_LIMIT_PER_MINUTE', 'lots'],
    ['RATE_LIMIT_PER_MINUTE', '1.5'],
    ['METRICS_TOKEN', 'short'],
    ['METRICS_TOKEN', `${'x'.repeat(32)} with spaces`],
    ['OIDC_ISSUER_URL', 'http://idp.example.fr'],
    ['OIDC_CLIENT_ID', 'has space'],
    ['OIDC_SCOPE', 'email profile'],
    ['WORKER_METRICS_ADDRESS', '9464'],
    ['WORKER_METRICS_ADDRESS', '0.0.0.0:99999'],
    ['TEMPORAL_TLS_CERT', '/run/secrets/client.pem'],
    ['TEMPORAL_TLS_KEY', '/run/secrets/client.key'],
  ])('refuses to start when %s is %p, naming the variable', (variable, value) => {
    const attempt = () => loadConfig({ [variable]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Configuration error: ${variable} `));
  });
});
