import { AROUND_THE_CLOCK_CONSULTATIONS } from '@amiflow/domain/testing';
import { referenceCampaignFile, ReminderRule, toLocalDateTime } from '@amiflow/domain';
import { ApiClient, ApiResponse } from './api-client';
import { eventually, until } from './eventually';

/**
 * A campaign run over HTTP, as the e2e and browser specs play it: the reference campaign file with
 * its calendar shrunk to seconds, opened by an administrator, dossiers that organisations submit,
 * and the waits on what the API reads back.
 */

const SECOND = 1000;

/** The response's JSON body, once its status is the one expected; else an error that shows it. */
export function expectOk(response: ApiResponse, status = 200): Record<string, unknown> {
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as Record<string, unknown>;
}

/**
 * The reference campaign file (its grid, questions and rules) without its id, source, readings
 * or meeting, each calendar entry `calendar` names so many seconds after `t0` in Paris's wall-clock
 * time, no reminders and consultations at any hour.
 */
export function referenceCampaignInSeconds(t0: number, calendar: Record<string, number>) {
  const {
    campaignId: _reference,
    source: _source,
    readings: _readings,
    meeting: _meeting,
    ...file
  } = referenceCampaignFile;
  const localCalendar = Object.fromEntries(
    Object.entries(calendar).map(([entry, seconds]) => [
      entry,
      toLocalDateTime(new Date(t0 + seconds * SECOND), 'Europe/Paris'),
    ]),
  );
  return {
    ...file,
    localCalendar,
    reminders: [] as ReminderRule[],
    consultations: AROUND_THE_CLOCK_CONSULTATIONS,
  };
}

/** Publishes a created campaign that opens at `opensAt`, and waits until the API reads it open. */
export async function publishUntilOpen(
  admin: ApiClient,
  operator: ApiClient,
  campaignId: string,
  opensAt: number,
): Promise<void> {
  expectOk(await admin.call('POST', `/campaigns/${campaignId}/publish`));
  await until(opensAt);
  await eventually('the campaign to open', async () =>
    (expectOk(await operator.call('GET', `/campaigns/${campaignId}`)) as { phase: string })
      .phase === 'OPEN'
      ? true
      : undefined,
  );
}

/** The path of a dossier's routes, `rest` after it (« /answers », « /submit »…). */
export const dossierPath = (campaignId: string, organisationId: string, rest = '') =>
  `/campaigns/${campaignId}/dossiers/${organisationId}${rest}`;

/** Waits until the operator reads the dossier in `state`. */
export const dossierReaches = (
  operator: ApiClient,
  campaignId: string,
  organisationId: string,
  state: string,
): Promise<true> =>
  eventually(`${organisationId} to be ${state}`, async () =>
    (
      expectOk(await operator.call('GET', dossierPath(campaignId, organisationId))) as {
        state: string;
      }
    ).state === state
      ? true
      : undefined,
  );

/** A CNP's dossier created, answered and submitted by its organisation. */
export async function submitCnpDossier(
  organisation: ApiClient,
  campaignId: string,
  dossier: {
    organisationId: string;
    organisationName: string;
    profession: string;
    answers: Record<string, string>;
  },
): Promise<void> {
  const { answers, ...draft } = dossier;
  expectOk(
    await organisation.call('POST', `/campaigns/${campaignId}/dossiers`, {
      ...draft,
      organisationType: 'CNP',
    }),
    201,
  );
  const path = dossierPath(campaignId, dossier.organisationId);
  expectOk(await organisation.call('PUT', `${path}/answers`, { answers }));
  expectOk(await organisation.call('POST', `${path}/submit`));
}
