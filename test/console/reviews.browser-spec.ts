import { referenceCampaignFile } from '@amiflow/domain';
import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { RunningAmiflow, startAmiflow } from '../support/amiflow-processes';
import { ApiClient } from '../support/api-client';
import {
  dossierReaches,
  expectOk,
  publishUntilOpen,
  referenceCampaignInSeconds,
  submitCnpDossier,
} from '../support/campaign-over-http';
import { until } from '../support/eventually';
import { tokenFor } from '../support/tokens';
import { Browser, launchBrowser, screenshot, seriousAccessibilityViolations } from './browser';

// Issue 13 in the console: a reviewer signs in, opens « Mes dossiers à évaluer », scores a dossier
// on the campaign's grid (the reference grid: four criteria scored 1 to 5, weights 3, 2, 2, 1),
// and sees it move from « À évaluer » to « Déjà notés ». The campaign, its grid and the
// assignment are made over HTTP; the console's « Instructeur » is the subject `operator-dev`
// (POST /auth/development-token), named reviewer here.
jest.setTimeout(30_000);

const SECOND = 1000;
const run = Date.now().toString(36);
const campaignId = `ami-evaluation-${run}`;
const organisationId = `cnp-evaluation-${run}`;
const organisationName = `CNP évalué ${run}`;
const FREINS =
  'Nos membres demandent une formation continue sur l’intelligence artificielle, intégrée au DPC. ' +
  'Les hôpitaux ne partagent pas leurs images.';
/** The subject of the console's development « Instructeur » token. */
const CONSOLE_OPERATOR = 'operator-dev';

/** The reference campaign and its grid, its calendar shrunk to seconds. */
const campaignFile = (t0: number) =>
  referenceCampaignInSeconds(t0, { opensAt: 0, submissionDeadline: 20, consultationsStartAt: 600 });

describe('the reviewer’s screens', () => {
  let amiflow: RunningAmiflow;
  let browser: Browser;
  let page: Page;
  let operator: ApiClient;

  const reaches = (state: string) => dossierReaches(operator, campaignId, organisationId, state);

  beforeAll(async () => {
    [amiflow, browser] = await Promise.all([startAmiflow(), launchBrowser()]);
    const admin = new ApiClient(amiflow.apiUrl, await tokenFor('admin'));
    operator = new ApiClient(amiflow.apiUrl, await tokenFor('operator'));
    const organisation = new ApiClient(
      amiflow.apiUrl,
      await tokenFor('organisation', { organisationId }),
    );
    expectOk(
      await admin.call('PUT', `/organisations/${organisationId}`, {
        name: organisationName,
        type: 'CNP',
        email: `${organisationId}@test.example`,
      }),
      201,
    );
    const t0 = Date.now() + 4 * SECOND;
    expectOk(
      await admin.call('POST', '/campaigns', { campaignId, definition: campaignFile(t0) }),
      201,
    );
    await publishUntilOpen(admin, operator, campaignId, t0);
    await submitCnpDossier(organisation, campaignId, {
      organisationId,
      organisationName,
      profession: 'radiologie',
      // Words of the « formation » theme, for the text analysis to suggest it.
      answers: { organisation: 'CNP.', freins: FREINS },
    });
    await reaches('ELIGIBLE');
    expect(
      expectOk(
        await operator.call('POST', `/campaigns/${campaignId}/reviewer-assignments`, {
          reviewerIds: [CONSOLE_OPERATOR],
          reviewersPerDossier: 1,
        }),
      ),
    ).toEqual({
      dossierCount: 1,
      assignments: [{ organisationId, reviewerIds: [CONSOLE_OPERATOR] }],
    });
    // Scores are taken once the deadline has passed, under screening.
    await until(t0 + 20 * SECOND);
    await reaches('UNDER_SCREENING');
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

  it('lists the dossier to score in « Mes dossiers à évaluer », with no serious accessibility violation', async () => {
    await page.goto(`${amiflow.apiUrl}/console/a-evaluer`);
    await page.getByRole('button', { name: 'Instructeur', exact: true }).click();
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
