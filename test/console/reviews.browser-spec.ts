import { referenceCampaignFile } from '@amiflow/domain';
import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { RunningAmiflow, startAmiflow } from '../support/amiflow-processes';
import { ApiClient } from '../support/api-client';
import {
  expectOk,
  publishUntilOpen,
  referenceCampaignInSeconds,
} from '../support/campaign-over-http';
import { eventually, until } from '../support/eventually';
import { tokenFor } from '../support/tokens';
import { Browser, launchBrowser, screenshot, seriousAccessibilityViolations } from './browser';

// Issue 13 in the console: an operator declares a conflict of interest with one organisation,
// shares the campaign's two dossiers between reviewers with « Répartir automatiquement » (the
// conflict respected), names another reviewer by hand (a conflicted one refused in French); then,
// as a reviewer, opens « Mes dossiers à évaluer », scores a dossier on the campaign's grid (the
// reference grid: four criteria scored 1 to 5, weights 3, 2, 2, 1), and sees it move from
// « À évaluer » to « Déjà notés ». The campaign, its grid and the dossiers are made over HTTP;
// every assignment and the conflict go through the console. The console's « Instructeur » is the
// subject `operator-dev` (POST /auth/development-token).
jest.setTimeout(30_000);

const SECOND = 1000;
const run = Date.now().toString(36);
const campaignId = `ami-evaluation-${run}`;
const organisationId = `cnp-evaluation-${run}`;
const organisationName = `CNP évalué ${run}`;
/** The second dossier, whose organisation the console's operator has a conflict of interest with. */
const conflictedId = `cnp-conflit-${run}`;
const conflictedName = `CNP en conflit ${run}`;
/** Another reviewer, named only through the console. */
const COLLEAGUE = 'instructeur-bob';
const FREINS =
  'Nos membres demandent une formation continue sur l’intelligence artificielle, intégrée au DPC. ' +
  'Les hôpitaux ne partagent pas leurs images.';
/** The subject of the console's development « Instructeur » token. */
const CONSOLE_OPERATOR = 'operator-dev';

/** The reference campaign and its grid, its calendar shrunk to seconds. */
const campaignFile = (t0: number) =>
  referenceCampaignInSeconds(t0, { opensAt: 0, submissionDeadline: 30, consultationsStartAt: 600 });

/** Opens, from the result of « Répartir automatiquement », the dossier's page. */
async function openFromAssignment(page: Page, id: string): Promise<void> {
  await page.getByTestId('resultat-repartition').getByRole('link', { name: id }).click();
  await page.getByRole('heading', { name: 'Évaluation', level: 2, exact: true }).waitFor();
}

describe('the reviewer’s screens', () => {
  let amiflow: RunningAmiflow;
  let browser: Browser;
  let page: Page;
  let operator: ApiClient;

  const dossierPath = `/campaigns/${campaignId}/dossiers/${organisationId}`;
  const conflictedPath = `/campaigns/${campaignId}/dossiers/${conflictedId}`;
  const reaches = (path: string, state: string) =>
    eventually(`${path} to be ${state}`, async () =>
      (expectOk(await operator.call('GET', path)) as { state: string }).state === state
        ? true
        : undefined,
    );
  /** The dossier's reviewers and conflicts, as the API gives them. */
  const reviewsOf = async (path: string) =>
    expectOk(await operator.call('GET', `${path}/reviews`)) as {
      reviewers: string[];
      conflicts: { reviewerId: string; reason: string }[];
    };

  beforeAll(async () => {
    [amiflow, browser] = await Promise.all([startAmiflow(), launchBrowser()]);
    const admin = new ApiClient(amiflow.apiUrl, await tokenFor('admin'));
    operator = new ApiClient(amiflow.apiUrl, await tokenFor('operator'));
    const t0 = Date.now() + 6 * SECOND;
    expectOk(
      await admin.call('POST', '/campaigns', { campaignId, definition: campaignFile(t0) }),
      201,
    );
    await publishUntilOpen(admin, operator, campaignId, t0);
    const submitted: { id: string; name: string; path: string; profession: string }[] = [
      { id: organisationId, name: organisationName, path: dossierPath, profession: 'radiologie' },
      { id: conflictedId, name: conflictedName, path: conflictedPath, profession: 'cardiologie' },
    ];
    for (const { id, name, path, profession } of submitted) {
      const organisation = new ApiClient(
        amiflow.apiUrl,
        await tokenFor('organisation', { organisationId: id }),
      );
      expectOk(
        await admin.call('PUT', `/organisations/${id}`, {
          name,
          type: 'CNP',
          email: `${id}@test.example`,
        }),
        201,
      );
      expectOk(
        await organisation.call('POST', `/campaigns/${campaignId}/dossiers`, {
          organisationId: id,
          organisationName: name,
          organisationType: 'CNP',
          profession,
        }),
        201,
      );
      expectOk(
        await organisation.call('PUT', `${path}/answers`, {
          // Words of the « formation » theme, for the text analysis to suggest it.
          answers: { organisation: 'CNP.', freins: FREINS },
        }),
      );
      expectOk(await organisation.call('POST', `${path}/submit`));
    }
    await reaches(dossierPath, 'ELIGIBLE');
    await reaches(conflictedPath, 'ELIGIBLE');
    expect(await reviewsOf(dossierPath)).toMatchObject({ reviewers: [], conflicts: [] });
    // Scores are taken once the deadline has passed, under screening.
    await until(t0 + 30 * SECOND);
    await reaches(dossierPath, 'UNDER_SCREENING');
    await reaches(conflictedPath, 'UNDER_SCREENING');
    page = await browser.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await amiflow?.stop();
  });

  afterEach(async () => {
    if (page) await screenshot(page, 'evaluation-dernier');
    expect(browser.problems).toEqual([]);
  });

  it('declares a conflict of interest from the dossier page, confirmed first, and it shows', async () => {
    await page.goto(`${amiflow.apiUrl}/console/campagnes/${campaignId}/dossiers/${conflictedId}`);
    await page.getByRole('button', { name: 'Instructeur', exact: true }).click();
    await page.getByRole('heading', { name: 'Évaluation', level: 2, exact: true }).waitFor();
    const form = page.getByRole('form', { name: "Déclarer un conflit d'intérêts" });
    // Without a reason: refused in French, in the form, before anything is sent.
    await form.getByRole('button', { name: "Déclarer le conflit d'intérêts" }).click();
    await form.getByText("Dites en quoi consiste le conflit d'intérêts.").waitFor();
    const reason = "J'ai présidé ce CNP jusqu'en 2018.";
    await form.getByLabel("En quoi consiste le conflit d'intérêts").fill(reason);
    await form.getByRole('button', { name: "Déclarer le conflit d'intérêts" }).click();
    const confirm = form.getByRole('group', { name: /^Déclarer un conflit d'intérêts avec/ });
    await expect(confirm.locator('p').textContent()).resolves.toBe(
      `Déclarer un conflit d'intérêts avec ${conflictedName} ? Ce dossier ne pourra plus vous être confié. La déclaration est définitive.`,
    );
    // Nothing is sent before the confirmation.
    expect((await reviewsOf(conflictedPath)).conflicts).toEqual([]);
    await screenshot(page, 'evaluation-conflit-confirmation');
    await confirm
      .getByRole('button', { name: "Confirmer : déclarer le conflit d'intérêts" })
      .click();
    await page
      .getByRole('list', { name: "Conflits d'intérêts déclarés" })
      .getByRole('listitem')
      .filter({ hasText: `${CONSOLE_OPERATOR} (vous)` })
      .filter({ hasText: reason })
      .waitFor();
    // Declared once for good: the form is gone.
    await expect(form.count()).resolves.toBe(0);
    expect((await reviewsOf(conflictedPath)).conflicts).toEqual([
      expect.objectContaining({ reviewerId: CONSOLE_OPERATOR, reason }),
    ]);
    await screenshot(page, 'evaluation-conflit');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('shares the dossiers out with « Répartir automatiquement », confirmed, the conflict respected', async () => {
    await page.goto(`${amiflow.apiUrl}/console/campagnes/${campaignId}`);
    await page.getByRole('button', { name: 'Répartir automatiquement les évaluations' }).click();
    const form = page.getByRole('form', { name: 'Répartir automatiquement' });
    await form.getByLabel('Évaluateurs par dossier').fill('1');
    await form.getByLabel('Identifiants des évaluateurs').fill(`${CONSOLE_OPERATOR}, ${COLLEAGUE}`);
    await form.getByRole('button', { name: 'Répartir les dossiers' }).click();
    const confirm = form.getByRole('group', { name: /^Donner 1 évaluateur/ });
    await expect(confirm.locator('p').textContent()).resolves.toBe(
      `Donner 1 évaluateur à chaque dossier recevable ou en instruction, parmi ${CONSOLE_OPERATOR}, ${COLLEAGUE} ?`,
    );
    expect((await reviewsOf(dossierPath)).reviewers).toEqual([]);
    await confirm.getByRole('button', { name: 'Confirmer : répartir les dossiers' }).click();
    const result = page.getByTestId('resultat-repartition');
    await result
      .getByText('2 dossiers à répartir : 2 ont reçu des évaluateurs, 2 désignations en tout.')
      .waitFor();
    // Balanced, one each; the conflicted dossier went to the colleague.
    const load = result.getByRole('table', {
      name: 'Dossiers confiés par cette répartition, par évaluateur',
    });
    for (const reviewer of [CONSOLE_OPERATOR, COLLEAGUE]) {
      expect(
        await load
          .getByRole('row')
          .filter({ hasText: reviewer })
          .getByRole('cell')
          .allTextContents(),
      ).toEqual([reviewer, '1']);
    }
    expect((await reviewsOf(dossierPath)).reviewers).toEqual([CONSOLE_OPERATOR]);
    expect((await reviewsOf(conflictedPath)).reviewers).toEqual([COLLEAGUE]);
    await screenshot(page, 'evaluation-repartition');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('names a reviewer by hand on the dossier page, a conflicted one refused in French', async () => {
    await openFromAssignment(page, conflictedId);
    const form = page.getByRole('form', { name: 'Désigner des évaluateurs' });
    await form.getByLabel('Identifiants des évaluateurs').fill(CONSOLE_OPERATOR);
    await form.getByRole('button', { name: 'Désigner' }).click();
    await form
      .locator('.fr-alert')
      .getByText(
        `${CONSOLE_OPERATOR} a déclaré un conflit d'intérêts avec cette organisation : impossible de lui confier ce dossier.`,
      )
      .waitFor();
    await screenshot(page, 'evaluation-designation-refus');
    await form.getByLabel('Identifiants des évaluateurs').fill('instructeur-carole');
    await form.getByRole('button', { name: 'Désigner' }).click();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'instructeur-carole — pas encore noté' })
      .waitFor();
    expect((await reviewsOf(conflictedPath)).reviewers).toEqual([COLLEAGUE, 'instructeur-carole']);
    await screenshot(page, 'evaluation-designation');
  });

  it('lists the dossier to score in « Mes dossiers à évaluer », with no serious accessibility violation', async () => {
    await page.goto(`${amiflow.apiUrl}/console/a-evaluer`);
    await page.getByRole('heading', { name: 'Mes dossiers à évaluer', level: 1 }).waitFor();
    const toScore = page.getByRole('table', { name: 'Dossiers à évaluer' });
    await toScore.getByRole('link', { name: organisationName }).waitFor();
    await screenshot(page, 'evaluation-file');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('scores the dossier on the grid, a missing comment refused in place, then sees it scored', async () => {
    await page
      .getByRole('table', { name: 'Dossiers à évaluer' })
      .getByRole('link', { name: organisationName })
      .click();
    const form = page.getByRole('form', { name: 'Noter le dossier sur la grille' });
    await form.waitFor();
    const criteria = referenceCampaignFile.evaluationGrid!.criteria;
    const scores = [5, 5, 4, 4];
    for (const [index, criterion] of criteria.entries()) {
      await form
        .getByRole('group', { name: new RegExp(`^${criterion.label} : note de`) })
        .getByText(String(scores[index]), { exact: true })
        .click();
      // The last criterion's comment left out: refused in French, in the form, before sending.
      if (index < criteria.length - 1) {
        await form
          .getByLabel(`Commentaire sur « ${criterion.label} »`)
          .fill(`Noté ${scores[index]} au vu de la réponse.`);
      }
    }
    await form.getByRole('button', { name: 'Enregistrer mes notes' }).click();
    await form.locator('.fr-alert').waitFor();
    expect(await form.locator('.fr-alert').textContent()).toMatch(
      new RegExp(
        `besoin d'un commentaire qui la justifie : « ${criteria[criteria.length - 1].label} »`,
      ),
    );
    await screenshot(page, 'evaluation-refus');

    const last = criteria[criteria.length - 1];
    await form.getByLabel(`Commentaire sur « ${last.label} »`).fill('Portée nationale.');
    await form.getByRole('button', { name: 'Enregistrer mes notes' }).click();
    // 5,5,4,4 on weights 3,2,2,1 between 1 and 5: (3 + 2 + 1.5 + 0.75) / 8 × 20 = 18.125.
    const summary = page.getByTestId('evaluation-synthese');
    await summary.getByText('18,13 / 20 (moyenne de 1 évaluation)').waitFor();
    // Prefilled with the scores just sent.
    await expect(form.getByLabel(`Commentaire sur « ${last.label} »`).inputValue()).resolves.toBe(
      'Portée nationale.',
    );
    await screenshot(page, 'evaluation-dossier');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Mes dossiers à évaluer' }).first().click();
    const scored = page.getByRole('table', { name: 'Dossiers déjà notés' });
    await scored.getByRole('link', { name: organisationName }).waitFor();
    await expect(
      page.getByRole('table', { name: 'Dossiers à évaluer' }).getByText(organisationName).count(),
    ).resolves.toBe(0);
    expect(
      await scored.getByRole('row').filter({ hasText: organisationName }).textContent(),
    ).toMatch(/18,13\s\/\s20/);
    await screenshot(page, 'evaluation-file-notee');
  });

  it('accepts a theme suggested for an answer, then downloads the synthesis report', async () => {
    await page.getByRole('link', { name: organisationName }).click();
    const suggestion = page
      .getByRole('list', { name: 'Suggestions de thèmes' })
      .getByRole('listitem')
      .filter({ hasText: 'Formation des professionnels' });
    await suggestion.first().getByRole('button', { name: 'Accepter' }).click();
    await page
      .getByRole('list', { name: 'Passages étiquetés' })
      .getByRole('listitem')
      .filter({ hasText: 'Formation des professionnels' })
      .waitFor();
    await screenshot(page, 'evaluation-themes');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.goto(`${amiflow.apiUrl}/console/campagnes/${campaignId}/synthese`);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger le rapport (PDF)' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(`synthese-${campaignId}.pdf`);
    const path = await file.path();
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await screenshot(page, 'evaluation-synthese');
  });
});
