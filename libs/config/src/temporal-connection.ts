import { readFileSync } from 'node:fs';
import { TemporalConfig } from './app-config';
import { ConfigError } from './config-error';

/**
 * What the SDK's Connection and the worker's NativeConnection take, the same for both: plaintext
 * to a local server, TLS (system authorities) to a remote one, mutual TLS or an API key for a
 * cluster that asks for them (Temporal Cloud takes either).
 */
export interface TemporalConnectionOptions {
  readonly address: string;
  readonly tls:
    | boolean
    | {
        readonly serverNameOverride?: string;
        readonly serverRootCACertificate?: Buffer;
        readonly clientCertPair?: { readonly crt: Buffer; readonly key: Buffer };
      };
  readonly apiKey?: string;
}

/**
 * Reads the certificate files when the process connects; an unreadable one stops it with the
 * variable's name.
 */
export function temporalConnectionOptions(config: TemporalConfig): TemporalConnectionOptions {
  const { address, apiKey, clientCertPath, clientKeyPath, serverCaPath, serverName } = config;
  const pem = (variable: string, path: string): Buffer => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new ConfigError(variable, `cannot be read (${(error as Error).message})`);
    }
  };
  const custom = clientCertPath !== undefined || serverCaPath !== undefined || serverName;
  const tls = !config.tls
    ? false
    : !custom
      ? true
      : {
          ...(serverName && { serverNameOverride: serverName }),
          ...(serverCaPath && { serverRootCACertificate: pem('TEMPORAL_TLS_CA', serverCaPath) }),
          ...(clientCertPath &&
            clientKeyPath && {
              clientCertPair: {
                crt: pem('TEMPORAL_TLS_CERT', clientCertPath),
                key: pem('TEMPORAL_TLS_KEY', clientKeyPath),
              },
            }),
        };
  return { address, tls, ...(apiKey && { apiKey }) };
}
