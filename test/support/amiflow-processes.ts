import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const aliasHook = join(root, 'infra', 'runtime', 'register-aliases.cjs');
const workflowBundle = join(root, 'dist', 'workflow-bundle.js');

export interface RunningAmiflow {
  readonly apiUrl: string;
  /** Everything the two processes printed, to explain a failure. */
  output(): string;
  /** Stops both processes as Ctrl-C would and returns their exit codes. */
  stop(): Promise<{ api: number | null; worker: number | null }>;
}

export interface AmiflowOptions {
  /** Variables for both processes on top of the test run's (a low rate limit, a log level…). */
  readonly env?: Readonly<Record<string, string>>;
  /** Start the API alone, beside a worker already running (another configuration of the API). */
  readonly apiOnly?: boolean;
}

/**
 * Starts the compiled worker and API from dist/, as `npm start` does in production mode (the
 * worker runs the prebuilt workflow bundle), against the services `npm test` provides.
 */
export async function startAmiflow(options: AmiflowOptions = {}): Promise<RunningAmiflow> {
  if (!existsSync(workflowBundle)) {
    throw new Error(
      `${workflowBundle} is missing: run \`npm run build\` (npm test does it for you)`,
    );
  }
  const port = await freePort();
  const env = {
    ...process.env,
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    WORKFLOW_BUNDLE_PATH: workflowBundle,
    // Suites fire thousands of requests with one token: only a test about the limit sets one.
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...options.env,
  };
  let output = '';
  const launch = (main: string): ChildProcess => {
    const child = spawn(process.execPath, ['-r', aliasHook, join(root, 'dist', main)], {
      cwd: root,
      env,
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return child;
  };
  const worker = options.apiOnly ? undefined : launch('apps/worker/src/main.js');
  const api = launch('apps/api/src/main.js');
  const apiUrl = `http://127.0.0.1:${port}`;
  const running: RunningAmiflow = {
    apiUrl,
    output: () => output,
    stop: async () => {
      const [apiCode, workerCode] = await Promise.all([
        stopProcess(api),
        worker ? stopProcess(worker) : null,
      ]);
      return { api: apiCode, worker: workerCode };
    },
  };
  try {
    await waitForHealthy(apiUrl, worker ? [api, worker] : [api]);
  } catch (error) {
    await running.stop();
    throw new Error(`${(error as Error).message}\n--- output ---\n${output}`);
  }
  return running;
}

export interface RunningWorker {
  output(): string;
  /** Ctrl-C: the worker finishes what it holds and exits. */
  stop(): Promise<number | null>;
  /** A crash: SIGKILL, nothing finished, nothing cleaned up. */
  kill(): Promise<void>;
}

/**
 * Starts the compiled worker alone (prebuilt bundle) and resolves once it polls its task queue;
 * `env` overrides variables of the test's environment (another SMTP server, say).
 */
export async function startWorker(env: Record<string, string> = {}): Promise<RunningWorker> {
  if (!existsSync(workflowBundle)) {
    throw new Error(
      `${workflowBundle} is missing: run \`npm run build\` (npm test does it for you)`,
    );
  }
  let output = '';
  const child = spawn(
    process.execPath,
    ['-r', aliasHook, join(root, 'dist', 'apps/worker/src/main.js')],
    {
      cwd: root,
      env: { ...process.env, WORKFLOW_BUNDLE_PATH: workflowBundle, LOG_LEVEL: 'log', ...env },
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (!output.includes('Polling ')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The worker did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    output: () => output,
    stop: () => stopProcess(child),
    kill: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

async function waitForHealthy(apiUrl: string, children: ChildProcess[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (children.some((child) => child.exitCode !== null))
      throw new Error('amiflow exited while starting');
    const healthy = await fetch(`${apiUrl}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${apiUrl}/health not healthy within 60 s`);
}

function stopProcess(child: ChildProcess): Promise<number | null> {
  // Exited already, by itself or killed (a signal leaves exitCode null: signalCode says it).
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', (code) => {
      clearTimeout(killer);
      resolve(code);
    });
    child.kill('SIGINT');
  });
}

/** A TCP port nothing listens on now, for a process to bind. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
