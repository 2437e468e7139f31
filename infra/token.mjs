// `npm run token -- --role operator` (or `--role organisation --organisation <id>`): prints a
// development bearer token signed with the secret `npm start` uses (AUTH_JWT_SECRET, or the
// checkout's own in .data/auth/).
import { parseArgs } from 'node:util';
import { ensureDevSecret } from './auth/dev-secret.mjs';
import { ensureDependencies } from './dependencies/ensure-dependencies.mjs';

const usage =
  'Usage: npm run token -- --role <admin|operator|organisation> [--organisation <id>] ' +
  '[--subject <id>] [--hours <n>]';

try {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      organisation: { type: 'string' },
      subject: { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
  });
  if (!values.role) throw new Error('--role is required');
  const hours = Number(values.hours);
  if (!(hours > 0 && hours <= 24 * 30)) throw new Error('--hours must be between 0 and 720');
  if (process.env.AUTH_JWKS_URL) {
    throw new Error('AUTH_JWKS_URL is set: tokens come from your OpenID Connect provider');
  }
  await ensureDependencies();
  // Loaded after the install: it needs jose.
  const { mintToken } = await import('./auth/mint-token.mjs');
  const token = await mintToken({
    secret: process.env.AUTH_JWT_SECRET || ensureDevSecret(),
    role: values.role,
    organisationId: values.organisation,
    subject: values.subject,
    ttlSeconds: Math.round(hours * 3600),
  });
  console.log(token);
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
