export type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

/** `json`: one JSON object per line, for log collectors; `pretty`: for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

export interface DatabaseConfig {
  /** postgres://user:password@host:port/database */
  readonly url: string;
}

export interface TemporalConfig {
  /** host:port of the Temporal frontend (gRPC). */
  readonly address: string;
  readonly namespace: string;
  /** TLS towards a remote cluster; the local servers speak plaintext. */
  readonly tls: boolean;
  /** API key for Temporal Cloud; implies TLS. */
  readonly apiKey: string | undefined;
  /** Mutual TLS: PEM files of this client's certificate and key (both or neither); imply TLS. */
  readonly clientCertPath: string | undefined;
  readonly clientKeyPath: string | undefined;
  /** PEM file of the authority that signed the server's certificate, when not a public one. */
  readonly serverCaPath: string | undefined;
  /** The name the server's certificate carries, when it differs from the address's host. */
  readonly serverName: string | undefined;
  /**
   * Base address of the Temporal web UI (`http://127.0.0.1:8233`), for links to a workflow from
   * the API's answers; unset: no link.
   */
  readonly uiUrl: string | undefined;
}

export interface ApiConfig {
  readonly host: string;
  readonly port: number;
  /**
   * How long (milliseconds) a request waits for a lifecycle to decide its command, the update
   * being sent again under the same ID each time a call times out, before answering 503.
   */
  readonly commandWaitMs: number;
  /** The in-process cache of the dossier list's pages (see `DossierListCacheConfig`). */
  readonly dossierListCache: DossierListCacheConfig;
}

/**
 * The API's cache of dossier list pages, forgotten as PostgreSQL notifies changes: off, every
 * page is read from the database; on, at most `maxEntries` pages and `maxBytes` of their JSON,
 * the least recently read forgotten first.
 */
export interface DossierListCacheConfig {
  readonly enabled: boolean;
  readonly maxEntries: number;
  readonly maxBytes: number;
}

export interface WorkerConfig {
  /** Prebuilt workflow bundle; when absent the worker bundles the workflow sources at start. */
  readonly workflowBundlePath: string | undefined;
  readonly maxCachedWorkflows: number;
  /**
   * How long (milliseconds) a workflow task may wait on this worker's sticky queue before the
   * server hands it, with its whole history, to any worker of the shared queue.
   */
  readonly stickyQueueTimeoutMs: number;
}

export interface MailConfig {
  /** SMTP server the notifications go through (the local mail catcher in development). */
  readonly smtpHost: string;
  readonly smtpPort: number;
  /** The sender every notification shows. */
  readonly from: string;
  /** Where the operators' notifications (daily digest) go. */
  readonly operatorsAddress: string;
}

/**
 * How the API checks bearer tokens: a shared secret (HS256) in development, or the JWKS of an
 * OpenID Connect provider (ProConnect…) in production. Only the API needs one of them, so the
 * API checks at start-up that one is set; the worker does without.
 */
export interface AuthConfig {
  readonly jwtSecret: string | undefined;
  readonly jwksUrl: string | undefined;
  /** Expected `iss` of every token. */
  readonly issuer: string;
  /** Expected `aud` of every token. */
  readonly audience: string;
  /** How the console signs operators in with OpenID Connect; undefined: no provider configured. */
  readonly oidc: OidcClientConfig | undefined;
}

/**
 * The console's OpenID Connect client (authorization code with PKCE, public client: no secret).
 * The console reads these from `GET /auth/sign-in-options`; the API checks the tokens it gets
 * with `AuthConfig.jwksUrl`, `issuer` and `audience`.
 */
export interface OidcClientConfig {
  /** The provider's issuer URL: discovery document at `<issuer>/.well-known/openid-configuration`. */
  readonly issuerUrl: string;
  /** The console's client id at the provider. */
  readonly clientId: string;
  /** Space-separated scopes asked for; `openid` always among them. */
  readonly scope: string;
}

/** How the apps are run and watched: log lines, request limits, metrics. */
export interface OperationsConfig {
  readonly logFormat: LogFormat;
  /** Requests one client (token subject, else IP address) may make per minute to the API. */
  readonly rateLimitPerMinute: number;
  /** A static bearer token a Prometheus scraper may use on GET /metrics instead of an admin's. */
  readonly metricsToken: string | undefined;
  /** host:port where the worker serves its Temporal metrics for Prometheus; unset: none. */
  readonly workerMetricsAddress: string | undefined;
}

/**
 * The whole configuration, read and validated once at start-up. Used as the injection token in
 * both apps, so it is a class rather than an interface.
 */
export class AppConfig {
  constructor(
    readonly database: DatabaseConfig,
    readonly temporal: TemporalConfig,
    readonly api: ApiConfig,
    readonly worker: WorkerConfig,
    readonly logLevel: LogLevel,
    readonly mail: MailConfig,
    readonly auth: AuthConfig,
    readonly operations: OperationsConfig,
  ) {}
}
