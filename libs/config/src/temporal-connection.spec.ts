import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { temporalConnectionOptions } from './temporal-connection';

describe('temporalConnectionOptions', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'amiflow-tls-'));
    writeFileSync(join(dir, 'client.pem'), 'client certificate');
    writeFileSync(join(dir, 'client.key'), 'client key');
    writeFileSync(join(dir, 'ca.pem'), 'authority');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const optionsFor = (env: Record<string, string>) =>
    temporalConnectionOptions(loadConfig(env).temporal);

  it('speaks plaintext to the local server by default', () => {
    expect(optionsFor({})).toEqual({ address: '127.0.0.1:7233', tls: false });
  });

  it('uses TLS with the system authorities for TEMPORAL_TLS=true, and sends an API key', () => {
    expect(optionsFor({ TEMPORAL_TLS: 'true' }).tls).toBe(true);
    expect(
      optionsFor({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: 'k' }),
    ).toEqual({ address: 'ns.acct.tmprl.cloud:7233', tls: true, apiKey: 'k' });
  });

  it('presents the client certificate and trusts the given authority under the given name', () => {
    const options = optionsFor({
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      TEMPORAL_TLS_CERT: join(dir, 'client.pem'),
      TEMPORAL_TLS_KEY: join(dir, 'client.key'),
      TEMPORAL_TLS_CA: join(dir, 'ca.pem'),
      TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal.internal',
    });
    expect(options.tls).toEqual({
      serverNameOverride: 'frontend.temporal.internal',
      serverRootCACertificate: Buffer.from('authority'),
      clientCertPair: { crt: Buffer.from('client certificate'), key: Buffer.from('client key') },
    });
  });

  it('names the variable whose file cannot be read', () => {
    const attempt = () => optionsFor({ TEMPORAL_TLS_CA: join(dir, 'missing.pem') });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^Configuration error: TEMPORAL_TLS_CA cannot be read/);
  });
});
