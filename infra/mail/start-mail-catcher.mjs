import { join } from 'node:path';
import { workspaceRoot } from '../lib/paths.mjs';
import { isListening, waitFor } from '../lib/processes.mjs';
import { LaunchError } from '../lib/log.mjs';

/** Starts the mail catcher under the supervisor and waits until both of its ports answer. */
export async function startMailCatcher(supervisor, { smtpPort, httpPort, dir, stdio }) {
  for (const port of [smtpPort, httpPort]) {
    if (await isListening(port)) {
      throw new LaunchError(
        `Port ${port} is already taken: set SMTP_PORT / MAIL_CATCHER_PORT, or SMTP_HOST to use another mail server.`,
      );
    }
  }
  const child = supervisor.start(
    'mail',
    process.execPath,
    [
      join(workspaceRoot, 'infra', 'mail', 'mail-catcher.mjs'),
      '--smtp-port',
      String(smtpPort),
      '--http-port',
      String(httpPort),
      '--dir',
      dir,
    ],
    { stdio },
  );
  await waitFor(
    `the mail catcher on ports ${smtpPort} and ${httpPort}`,
    async () => (await isListening(smtpPort)) && (await isListening(httpPort)),
    { timeoutMs: 20_000, alive: () => supervisor.isAlive(child) },
  );
  return { smtpPort, webUrl: `http://127.0.0.1:${httpPort}` };
}
