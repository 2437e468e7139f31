import { Campaign, CAMPAIGN_EVENT_TYPES, campaignDecider, isCampaign } from '@amiflow/domain';
import { Queryable } from '../../event-store/queryable';
import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../projection';
import { foldOntoSnapshot } from '../stream-snapshot';

const REGISTRATION_EVENTS = new Set<string>([
  'MeetingRegistrationRecorded',
  'MeetingRegistrationCancelled',
  'MeetingRegistrationPromoted',
]);

/**
 * One row per campaign (phase, calendar in force), and its information meeting's registrations
 * in order, confirmed before waiting: both from the domain's own fold of the campaign's events.
 */
export const campaignSummaryProjection: Projection = {
  name: 'campaign summaries and meeting registrations',
  tables: ['campaign_summaries', 'meeting_registrations'],
  handles: CAMPAIGN_EVENT_TYPES,
  async apply(database: Queryable, events: readonly RecordedEvent[]): Promise<void> {
    const { after, last } = await foldOntoSnapshot(
      database,
      'campaign_summaries',
      campaignDecider,
      events,
    );
    if (!isCampaign(after)) return;
    await saveSummary(database, after, last);
    if (events.some((event) => REGISTRATION_EVENTS.has(event.type))) {
      await saveRegistrations(database, after);
    }
  },
};

async function saveSummary(
  database: Queryable,
  campaign: Campaign,
  last: RecordedEvent,
): Promise<void> {
  const { calendar } = campaign;
  await database.query(
    `INSERT INTO campaign_summaries
       (campaign_id, stream_id, title, phase, time_zone, opens_at, meeting_starts_at,
        submission_deadline, consultations_start_at, calendar, created_at, phase_changed_at,
        version, snapshot)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (campaign_id) DO UPDATE SET
       phase = EXCLUDED.phase,
       opens_at = EXCLUDED.opens_at,
       meeting_starts_at = EXCLUDED.meeting_starts_at,
       submission_deadline = EXCLUDED.submission_deadline,
       consultations_start_at = EXCLUDED.consultations_start_at,
       calendar = EXCLUDED.calendar,
       phase_changed_at = EXCLUDED.phase_changed_at,
       version = EXCLUDED.version,
       snapshot = EXCLUDED.snapshot`,
    [
      campaign.campaignId,
      last.streamId,
      campaign.definition.title,
      campaign.phase,
      campaign.definition.timeZone,
      calendar.opensAt,
      calendar.meetingStartsAt ?? null,
      calendar.submissionDeadline,
      calendar.consultationsStartAt,
      JSON.stringify(calendar),
      campaign.createdAt,
      campaign.phaseChangedAt,
      last.streamVersion,
      JSON.stringify(campaign),
    ],
  );
}

/** The list is short (a room's capacity and its waiting list): rewritten whole. */
async function saveRegistrations(database: Queryable, campaign: Campaign): Promise<void> {
  await database.query('DELETE FROM meeting_registrations WHERE campaign_id = $1', [
    campaign.campaignId,
  ]);
  const registrations = campaign.registrations;
  if (registrations.length === 0) return;
  await database.query(
    `INSERT INTO meeting_registrations
       (campaign_id, organisation_id, organisation_name, status, position, registered_at)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::timestamptz[])`,
    [
      campaign.campaignId,
      registrations.map((r) => r.organisationId),
      registrations.map((r) => r.organisationName),
      registrations.map((r) => r.status),
      registrations.map((_, index) => index + 1),
      registrations.map((r) => r.registeredAt),
    ],
  );
}
