import { loadConfig } from '@amiflow/config';
import { Client, Connection } from '@temporalio/client';

export interface TemporalTestClient {
  readonly client: Client;
  close(): Promise<void>;
}

/** A client of the Temporal dev server `npm test` started, for activities that reach workflows. */
export async function openTemporalTestClient(): Promise<TemporalTestClient> {
  const { temporal } = loadConfig(process.env);
  const connection = await Connection.connect({ address: temporal.address });
  return {
    client: new Client({ connection, namespace: temporal.namespace }),
    close: () => connection.close(),
  };
}
