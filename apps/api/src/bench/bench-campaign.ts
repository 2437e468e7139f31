import { AppConfig } from '@amiflow/config';
import { DossierCampaignTerms, dossierTermsOf, isCampaign } from '@amiflow/domain';
import { openCampaignDefinition } from '@amiflow/domain/testing';
import {
  createDataSource,
  EventStore,
  readModelProjections,
  runMigrations,
} from '@amiflow/persistence';
import { seedOpenCampaign } from '@amiflow/persistence/testing';
import { SignJWT } from 'jose';
import { DataSource } from 'typeorm';

/** Dossiers seeded at once: as many streams written side by side as the benches have used. */
const SEEDING_WIDTH = 16;

/**
 * What the API's benches start from: the scratch database (infra/bench.mjs) migrated, a campaign
 * open now written straight into the store, and the terms its dossiers take.
 */
export async function openBenchCampaign(
  config: AppConfig,
  campaignId: string,
  now = new Date(),
): Promise<{ dataSource: DataSource; store: EventStore; terms: DossierCampaignTerms }> {
  const dataSource = await createDataSource(config.database, 'amiflow-bench').initialize();
  await runMigrations(dataSource);
  const store = new EventStore(dataSource, readModelProjections);
  const campaign = await seedOpenCampaign(store, campaignId, openCampaignDefinition(now));
  if (!isCampaign(campaign)) throw new Error('The campaign was not created');
  return { dataSource, store, terms: dossierTermsOf(campaign) };
}

/**
 * Seeds `count` dossiers, `SEEDING_WIDTH` at a time: `seed` writes the one of each index, whose
 * organisation is `cnp-00042` for 42.
 */
export async function seedEachDossier(
  count: number,
  seed: (index: number, organisationId: string) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: SEEDING_WIDTH }, async () => {
      for (let index = next++; index < count; index = next++) {
        await seed(index, `cnp-${String(index).padStart(5, '0')}`);
      }
    }),
  );
}

/** A bearer token of an operator, `bench`, signed with the API's secret (infra/bench.mjs sets one). */
export function operatorToken(
  secret: string | undefined,
  { issuer, audience }: { issuer: string; audience: string },
): Promise<string> {
  if (!secret) throw new Error('AUTH_JWT_SECRET is needed (infra/bench.mjs sets one)');
  return new SignJWT({ role: 'operator' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('bench')
    .setIssuer(issuer)
    .setAudience(audience)
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}
