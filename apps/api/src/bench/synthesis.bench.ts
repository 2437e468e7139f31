// `npm run bench:synthesis` (infra/bench.mjs provides a scratch database and a Temporal dev
// server). Seeds a campaign of 5,000 submitted dossiers (`BENCH_DOSSIERS`) directly in the store,
// each answering three sections with texts of the labelled set (libs/analysis/testing) and tagged
// with their labels, then serves the real API in this process and times the synthesis route: one
// warm-up, then the median of `BENCH_RUNS` (5). Its last line gives that time and the theme
// suggestions' precision and recall on the held-out half of the labelled set.
import 'reflect-metadata';
import { measureSuggestions } from '@amiflow/analysis';
import { labelledAnswers } from '@amiflow/analysis/testing';
import { loadConfig } from '@amiflow/config';
import { Actor } from '@amiflow/domain';
import { dossierStream } from '@amiflow/persistence/testing';
import { createApiApp } from '../create-api-app';
import { openBenchCampaign, operatorToken, seedEachDossier } from './bench-campaign';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 5_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const campaignId = 'ami-bench-synthesis';
const PROFESSIONS = [
  'radiologie',
  'cardiologie',
  'pharmacie',
  'medecine-generale',
  'kinesitherapie',
  'orthophonie',
  'psychiatrie',
  'oncologie',
  'pediatrie',
  'sages-femmes',
];
const operator: Actor = { id: 'bench-operator', role: 'operator' };

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const now = new Date();
  const { dataSource, store, terms } = await openBenchCampaign(config, campaignId, now);
  console.log(`Seeding ${DOSSIERS} submitted dossiers, their answers and their tags…`);
  const seedingStarted = Date.now();
  let tags = 0;
  await seedEachDossier(DOSSIERS, async (index, organisationId) => {
    const profession = PROFESSIONS[index % PROFESSIONS.length];
    const stream = dossierStream(store, campaignId, organisationId);
    await stream.run(
      {
        type: 'CreateDossierDraft',
        campaignId,
        organisationId,
        organisationName: `Conseil national professionnel de ${profession} ${index}`,
        organisationType: 'CNP',
        profession,
        terms,
      },
      now,
    );
    const chosen = answersFor(index);
    await stream.run(
      {
        type: 'SaveAnswers',
        answers: Object.fromEntries(chosen.map((a) => [a.sectionId, a.text])),
      },
      now,
    );
    await stream.run({ type: 'SubmitDossier' }, now);
    for (const [position, answer] of chosen.entries()) {
      if (answer.themes.length === 0) continue;
      tags += 1;
      await stream.run(
        {
          type: 'TagPassage',
          tagId: `tag-${position + 1}`,
          sectionId: answer.sectionId,
          start: 0,
          end: answer.text.length,
          themeIds: [...answer.themes],
          actor: operator,
        },
        now,
        operator,
      );
    }
  });
  console.log(`  ${tags} tags, seeded in ${((Date.now() - seedingStarted) / 1000).toFixed(0)} s`);
  await dataSource.query('ANALYZE dossier_summaries');
  await dataSource.destroy();

  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/campaigns/${campaignId}/synthesis`;
  const token = await operatorToken(config.auth.jwtSecret, config.auth);
  const timed = async (): Promise<number> => {
    const started = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as {
      totalDossiers: number;
      commonDemands: { demands: unknown[] };
    };
    const elapsed = performance.now() - started;
    if (response.status !== 200 || body.totalDossiers !== DOSSIERS) {
      throw new Error(`The synthesis answered ${response.status}: ${JSON.stringify(body)}`);
    }
    return elapsed;
  };
  await timed();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) times.push(await timed());
  await app.close();
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `synthesis of ${DOSSIERS} dossiers, ${RUNS} runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms`,
  );

  const heldOut = labelledAnswers.filter((_, position) => position % 2 === 1);
  const { precision, recall } = measureSuggestions(heldOut);
  console.log(
    `synthesis_5k_ms=${median.toFixed(0)} precision=${precision.toFixed(3)} recall=${recall.toFixed(3)}`,
  );
}

/** Three answers of the labelled set to three different sections, varied from one dossier to the next. */
function answersFor(index: number): typeof labelledAnswers {
  const chosen: (typeof labelledAnswers)[number][] = [];
  for (let k = 0; chosen.length < 3 && k < labelledAnswers.length; k++) {
    const answer = labelledAnswers[(index * 7 + k * 13) % labelledAnswers.length];
    if (!chosen.some((other) => other.sectionId === answer.sectionId)) chosen.push(answer);
  }
  return chosen;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
