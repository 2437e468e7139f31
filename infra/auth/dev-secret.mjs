// The development signing secret: made once per checkout in .data/ (never committed), so that a
// fresh clone has working tokens and no two clones share a key. Production sets AUTH_JWT_SECRET
// or AUTH_JWKS_URL instead, and then this file is never read.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dataDir } from '../lib/paths.mjs';

export const devSecretFile = join(dataDir, 'auth', 'jwt-secret');

export function ensureDevSecret() {
  if (!existsSync(devSecretFile)) {
    mkdirSync(dirname(devSecretFile), { recursive: true, mode: 0o700 });
    writeFileSync(devSecretFile, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(devSecretFile, 'utf8').trim();
}

/** The variables the API reads, when the environment does not already name a key. */
export function authEnvironment() {
  if (process.env.AUTH_JWT_SECRET || process.env.AUTH_JWKS_URL) return {};
  return { AUTH_JWT_SECRET: ensureDevSecret() };
}
