import { AppConfig, LogFormat, LogLevel, OidcClientConfig } from './app-config';
import { ConfigError } from './config-error';

export type Environment = Readonly<Record<string, string | undefined>>;

/** What the process knows of where it runs, beside its environment variables. */
export interface Terminal {
  /** Standard output is a terminal a person reads: logs default to `pretty` rather than `json`. */
  readonly stdoutIsTTY?: boolean;
}

export const CONFIG_DEFAULTS = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/amiflow',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  TEMPORAL_NAMESPACE: 'amiflow',
  TEMPORAL_TLS: 'false',
  API_HOST: '127.0.0.1',
  API_PORT: '3000',
  COMMAND_WAIT_SECONDS: '60',
  DOSSIER_LIST_CACHE: 'on',
  DOSSIER_LIST_CACHE_ENTRIES: '2000',
  DOSSIER_LIST_CACHE_MB: '64',
  WORKER_MAX_CACHED_WORKFLOWS: '2000',
  WORKER_STICKY_QUEUE_TIMEOUT_SECONDS: '10',
  LOG_LEVEL: 'log',
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: '1025',
  MAIL_FROM: 'AMI santé — données et IA <ne-pas-repondre@amiflow.localhost>',
  OPERATORS_EMAIL: 'instructeurs@amiflow.localhost',
  AUTH_ISSUER: 'amiflow',
  AUTH_AUDIENCE: 'amiflow-api',
  RATE_LIMIT_PER_MINUTE: '600',
  OIDC_SCOPE: 'openid',
} as const;

/** HS256 needs a key at least as long as the hash (RFC 7518 §3.2). */
const MIN_SECRET_LENGTH = 32;

const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];
const LOG_FORMATS: readonly LogFormat[] = ['json', 'pretty'];

/** Reads every variable once; the first bad one stops start-up with its name in the message. */
export function loadConfig(env: Environment, terminal: Terminal = {}): AppConfig {
  const read = (name: keyof typeof CONFIG_DEFAULTS): string => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? CONFIG_DEFAULTS[name] : value;
  };
  const optional = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const apiKey = optional('TEMPORAL_API_KEY');
  const clientCertPath = optional('TEMPORAL_TLS_CERT');
  const clientKeyPath = optional('TEMPORAL_TLS_KEY');
  if ((clientCertPath === undefined) !== (clientKeyPath === undefined)) {
    const [given, missing] =
      clientCertPath === undefined
        ? ['TEMPORAL_TLS_KEY', 'TEMPORAL_TLS_CERT']
        : ['TEMPORAL_TLS_CERT', 'TEMPORAL_TLS_KEY'];
    throw new ConfigError(given, `is set without ${missing}: mutual TLS needs both`);
  }
  const serverCaPath = optional('TEMPORAL_TLS_CA');
  const serverName = optional('TEMPORAL_TLS_SERVER_NAME');
  const tlsImplied = [apiKey, clientCertPath, serverCaPath, serverName].some(
    (value) => value !== undefined,
  );
  return new AppConfig(
    { url: postgresUrl('DATABASE_URL', read('DATABASE_URL')) },
    {
      address: hostAndPort('TEMPORAL_ADDRESS', read('TEMPORAL_ADDRESS')),
      namespace: identifier('TEMPORAL_NAMESPACE', read('TEMPORAL_NAMESPACE')),
      tls: tlsImplied || boolean('TEMPORAL_TLS', read('TEMPORAL_TLS')),
      apiKey,
      clientCertPath,
      clientKeyPath,
      serverCaPath,
      serverName,
      uiUrl: webUrl('TEMPORAL_UI_URL', optional('TEMPORAL_UI_URL')),
    },
    {
      host: read('API_HOST'),
      port: port('API_PORT', read('API_PORT')),
      commandWaitMs: positiveInteger('COMMAND_WAIT_SECONDS', read('COMMAND_WAIT_SECONDS')) * 1000,
      dossierListCache: {
        enabled: oneOf('DOSSIER_LIST_CACHE', read('DOSSIER_LIST_CACHE'), ['on', 'off']) === 'on',
        maxEntries: positiveInteger(
          'DOSSIER_LIST_CACHE_ENTRIES',
          read('DOSSIER_LIST_CACHE_ENTRIES'),
        ),
        maxBytes:
          positiveInteger('DOSSIER_LIST_CACHE_MB', read('DOSSIER_LIST_CACHE_MB')) * 1024 * 1024,
      },
    },
    {
      workflowBundlePath: optional('WORKFLOW_BUNDLE_PATH'),
      maxCachedWorkflows: positiveInteger(
        'WORKER_MAX_CACHED_WORKFLOWS',
        read('WORKER_MAX_CACHED_WORKFLOWS'),
      ),
      stickyQueueTimeoutMs:
        positiveInteger(
          'WORKER_STICKY_QUEUE_TIMEOUT_SECONDS',
          read('WORKER_STICKY_QUEUE_TIMEOUT_SECONDS'),
        ) * 1000,
    },
    oneOf('LOG_LEVEL', read('LOG_LEVEL'), LOG_LEVELS),
    {
      smtpHost: read('SMTP_HOST'),
      smtpPort: port('SMTP_PORT', read('SMTP_PORT')),
      from: read('MAIL_FROM'),
      operatorsAddress: emailAddress('OPERATORS_EMAIL', read('OPERATORS_EMAIL')),
    },
    {
      jwtSecret: secret('AUTH_JWT_SECRET', optional('AUTH_JWT_SECRET'), optional('AUTH_JWKS_URL')),
      jwksUrl: httpsUrl('AUTH_JWKS_URL', optional('AUTH_JWKS_URL')),
      issuer: read('AUTH_ISSUER'),
      audience: read('AUTH_AUDIENCE'),
      oidc: oidcClient(optional('OIDC_ISSUER_URL'), optional('OIDC_CLIENT_ID'), read('OIDC_SCOPE')),
    },
    {
      logFormat: oneOf(
        'LOG_FORMAT',
        optional('LOG_FORMAT') ?? (terminal.stdoutIsTTY ? 'pretty' : 'json'),
        LOG_FORMATS,
      ),
      rateLimitPerMinute: positiveInteger('RATE_LIMIT_PER_MINUTE', read('RATE_LIMIT_PER_MINUTE')),
      metricsToken: scrapeToken('METRICS_TOKEN', optional('METRICS_TOKEN')),
      workerMetricsAddress: optionalHostAndPort(
        'WORKER_METRICS_ADDRESS',
        optional('WORKER_METRICS_ADDRESS'),
      ),
    },
  );
}

function postgresUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `is not a URL: "${value}"`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `must start with postgres:// (got "${url.protocol}")`);
  }
  if (url.pathname.length <= 1) {
    throw new ConfigError(name, 'must name a database, as in postgres://host:5432/amiflow');
  }
  return value;
}

function hostAndPort(name: string, value: string): string {
  const match = /^(.+):(\d+)$/.exec(value);
  if (!match) throw new ConfigError(name, `must be host:port (got "${value}")`);
  port(name, match[2]);
  return value;
}

function optionalHostAndPort(name: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : hostAndPort(name, value);
}

function port(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new ConfigError(name, `must be a port number from 0 to 65535 (got "${value}")`);
  }
  return parsed;
}

function positiveInteger(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new ConfigError(name, `must be a positive integer (got "${value}")`);
  }
  return parsed;
}

function boolean(name: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ConfigError(name, `must be true or false (got "${value}")`);
}

function identifier(name: string, value: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value)) {
    throw new ConfigError(
      name,
      `must be a name of letters, digits, '.', '_' or '-' (got "${value}")`,
    );
  }
  return value;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

function emailAddress(name: string, value: string): string {
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(value)) {
    throw new ConfigError(name, `must be an e-mail address, got "${value}"`);
  }
  return value;
}

/**
 * Never both: a development secret left beside a provider's keys would let whoever knows it mint
 * tokens the API accepts.
 */
function secret(
  name: string,
  value: string | undefined,
  jwksUrl: string | undefined,
): string | undefined {
  if (value !== undefined && jwksUrl !== undefined) {
    throw new ConfigError(name, 'must not be set together with AUTH_JWKS_URL: choose one');
  }
  if (value !== undefined && value.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(name, `must be at least ${MIN_SECRET_LENGTH} characters long`);
  }
  return value;
}

/**
 * The console's OpenID Connect client: both the issuer and the client id, or neither. The scope
 * must ask for `openid` (OpenID Connect Core §3.1.2.1) and is a list of scope tokens (RFC 6749
 * §3.3: printable ASCII without space, quote or backslash).
 */
function oidcClient(
  issuerUrl: string | undefined,
  clientId: string | undefined,
  scope: string,
): OidcClientConfig | undefined {
  const issuer = httpsUrl('OIDC_ISSUER_URL', issuerUrl);
  if (clientId !== undefined && !/^[\x21-\x7e]{1,200}$/.test(clientId)) {
    throw new ConfigError('OIDC_CLIENT_ID', 'must be 1 to 200 printable characters, no spaces');
  }
  const scopes = scope.split(' ');
  const tokens = scopes.every((token) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(token));
  if (!tokens || !scopes.includes('openid')) {
    throw new ConfigError(
      'OIDC_SCOPE',
      `must be scope tokens separated by one space, openid among them (got "${scope}")`,
    );
  }
  if (issuer === undefined && clientId === undefined) return undefined;
  if (issuer === undefined)
    throw new ConfigError('OIDC_ISSUER_URL', 'is required with OIDC_CLIENT_ID');
  if (clientId === undefined) {
    throw new ConfigError('OIDC_CLIENT_ID', 'is required with OIDC_ISSUER_URL');
  }
  return { issuerUrl: issuer, clientId, scope };
}

/** Sent in an Authorization header: long enough not to be guessed, no spaces or controls. */
function scrapeToken(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.length < MIN_SECRET_LENGTH || !/^[\x21-\x7e]+$/.test(value)) {
    throw new ConfigError(
      name,
      `must be at least ${MIN_SECRET_LENGTH} printable characters without spaces`,
    );
  }
  return value;
}

/** An http(s) address people open in a browser, kept without its trailing slash. */
function webUrl(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `is not a URL: "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(name, 'must be an http:// or https:// URL');
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ConfigError(name, 'must be a base address, without query, fragment or credentials');
  }
  return url.href.replace(/\/+$/, '');
}

function httpsUrl(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `is not a URL: "${value}"`);
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError(name, 'must be an https:// URL (http:// only on loopback)');
  }
  return value;
}
