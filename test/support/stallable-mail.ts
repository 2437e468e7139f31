import { openStallingSmtpProxy, StallingSmtpProxy } from '@amiflow/activities/testing';
import { loadConfig } from '@amiflow/config';
import { RunningWorker, startWorker } from './amiflow-processes';

/** A worker whose mails go through a relay to the mail catcher, which a test may stall. */
export interface WorkerWithStallableMail {
  readonly worker: RunningWorker;
  readonly smtp: StallingSmtpProxy;
  /** Stops the worker, then the relay. */
  stop(): Promise<void>;
}

/** Starts the compiled worker with its mails sent through a stalling relay (see `startWorker`). */
export async function startWorkerWithStallableMail(): Promise<WorkerWithStallableMail> {
  const { smtpHost, smtpPort } = loadConfig(process.env).mail;
  const smtp = await openStallingSmtpProxy({ host: smtpHost, port: smtpPort });
  const worker = await startWorker({ SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port) });
  return {
    worker,
    smtp,
    async stop() {
      await worker.stop();
      await smtp.close();
    },
  };
}
