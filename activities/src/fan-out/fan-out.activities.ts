import {
  AnnounceToDossiersInput,
  calendarChangedSignal,
  evaluationGridChangedSignal,
  CampaignAnnouncement,
  campaignCancelledSignal,
  campaignClosedSignal,
  dossierWorkflowId,
  FanOutActivities,
  submissionsClosedSignal,
} from '@amiflow/contracts';
import { Context } from '@temporalio/activity';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';

const PAGE_SIZE = 200;
/** Signals in flight at once: enough to keep the server busy, few enough not to flood it. */
const CONCURRENCY = 20;

/**
 * Tells every dossier of a campaign what the campaign announces, page by page in organisation
 * order. After each batch of signals it heartbeats the last organisation reached, and a retried
 * attempt starts after it: a worker lost midway costs at most one batch of repeated signals,
 * which the dossiers take as no-ops, and is noticed within the heartbeat timeout.
 */
export function createFanOutActivities(dataSource: DataSource, client: Client): FanOutActivities {
  return {
    async announceToDossiers(input: AnnounceToDossiersInput): Promise<number> {
      const context = Context.current();
      let after = (context.info.heartbeatDetails as string | undefined) ?? '';
      let reached = 0;
      for (;;) {
        const rows = await dataSource.query<{ organisation_id: string }[]>(
          `SELECT organisation_id FROM dossier_summaries
            WHERE campaign_id = $1 AND organisation_id > $2
            ORDER BY organisation_id LIMIT $3`,
          [input.campaignId, after, PAGE_SIZE],
        );
        if (rows.length === 0) return reached;
        const organisations = rows.map((row) => row.organisation_id);
        for (let start = 0; start < organisations.length; start += CONCURRENCY) {
          const batch = organisations.slice(start, start + CONCURRENCY);
          await Promise.all(batch.map((organisationId) => signal(client, input, organisationId)));
          reached += batch.length;
          after = batch[batch.length - 1];
          context.heartbeat(after);
          // A cancellation arrives with a heartbeat's answer: stop before signalling any further.
          context.cancellationSignal.throwIfAborted();
        }
      }
    },
  };
}

async function signal(
  client: Client,
  { campaignId, announcement }: AnnounceToDossiersInput,
  organisationId: string,
): Promise<void> {
  const handle = client.workflow.getHandle(dossierWorkflowId(campaignId, organisationId));
  try {
    await sendAnnouncement(handle, announcement);
  } catch (error) {
    // A dossier whose lifecycle has ended has nothing left to hear.
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}

function sendAnnouncement(
  handle: ReturnType<Client['workflow']['getHandle']>,
  announcement: CampaignAnnouncement,
): Promise<void> {
  switch (announcement.kind) {
    case 'calendarChanged':
      return handle.signal(calendarChangedSignal, announcement.calendar);
    case 'evaluationGridChanged':
      return handle.signal(evaluationGridChangedSignal);
    case 'submissionsClosed':
      return handle.signal(submissionsClosedSignal);
    case 'campaignCancelled':
      return handle.signal(campaignCancelledSignal, announcement.cancellation);
    case 'campaignClosed':
      return handle.signal(campaignClosedSignal);
  }
}
