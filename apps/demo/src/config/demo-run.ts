/**
 * Which campaign id a demo run plays under, given the campaigns the database already holds.
 *
 * - An empty database: the configured id (`ami-sante-ia-2019` by default).
 * - A database holding only earlier demo runs (that id, or it followed by `-<n>`): the next run,
 *   `<id>-2`, `<id>-3`…, so a second `npm start` plays again instead of showing a campaign whose
 *   compressed calendar ended long ago; the earlier runs stay, readable in the console.
 * - A database holding any other campaign: `undefined`, no demo. A real campaign's database is
 *   never given a rehearsal beside it.
 */
export function demoRunCampaignId(
  configuredId: string,
  existingIds: readonly string[],
): string | undefined {
  if (existingIds.length === 0) return configuredId;
  const runNumbers = existingIds.map((id) => demoRunNumber(configuredId, id));
  if (runNumbers.some((run) => run === undefined)) return undefined;
  return `${configuredId}-${Math.max(...(runNumbers as number[])) + 1}`;
}

/** 1 for the configured id itself, n for `<id>-n`, undefined for any other campaign. */
function demoRunNumber(configuredId: string, id: string): number | undefined {
  if (id === configuredId) return 1;
  const prefix = `${configuredId}-`;
  if (!id.startsWith(prefix)) return undefined;
  const suffix = id.slice(prefix.length);
  return /^[1-9][0-9]{0,5}$/.test(suffix) ? Number(suffix) : undefined;
}
