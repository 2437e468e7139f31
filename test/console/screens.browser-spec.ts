import { openCampaignDefinition } from '@amiflow/domain/testing';
import { LedgerDelivery, ReminderLedger } from '@amiflow/persistence';
import { Page } from 'playwright-core';
import { RunningAmiflow, startAmiflow } from '../support/amiflow-processes';
import { ApiClient, ApiResponse } from '../support/api-client';
import {
  dossierPath as dossierPathIn,
  dossierReaches,
  expectOk,
  publishUntilOpen,
  referenceCampaignInSeconds,
  submitCnpDossier,
} from '../support/campaign-over-http';
import { admin, eventually, LifecycleHarness, until } from '../support/lifecycle-harness';
import { tokenFor } from '../support/tokens';
import { Browser, launchBrowser, screenshot, seriousAccessibilityViolations } from './browser';

// The console's other screens (home alerts, the campaign table's columns and saved views, the
// meeting, the synthesis, the failed deliveries, the directory), on data made through the API.
jest.setTimeout(30_000);

const run = Date.now().toString(36);
const campaignId = `ami-ecrans-${run}`;
const radiologie = `cnp-radiologie-${run}`;
const cardiologie = `cnp-cardiologie-${run}`;
const pediatrie = `cnp-pediatrie-${run}`;
const annuaire = `cnp-annuaire-${run}`;
// A second campaign, the reference one with its grid and themes, for the synthesis's themes and
// best proposals: two dossiers tagged with the same theme, scored by two reviewers.
const themedCampaignId = `ami-themes-${run}`;
const themedRadiologie = `cnp-radio-themes-${run}`;
const themedCardiologie = `cnp-cardio-themes-${run}`;
const alice = `alice-${run}`;
const bruno = `bruno-${run}`;
const CARDIOLOGY_LEVIERS =
  'Il faut former les cardiologues à lire un algorithme et ses limites avant de s’en servir.';
const RADIOLOGY_FREINS =
  'Nos membres demandent une formation continue sur l’intelligence artificielle, intégrée au DPC.';
const SECOND = 1000;

describe('the console’s screens beside the dossiers', () => {
  let amiflow: RunningAmiflow;
  let harness: LifecycleHarness;
  let browser: Browser;
  let page: Page;
  let operatorApi: ApiClient;
  let adminApi: ApiClient;
  let campaignTitle: string;

  beforeAll(async () => {
    [amiflow, harness, browser] = await Promise.all([
      startAmiflow(),
      LifecycleHarness.open(),
      launchBrowser(),
    ]);
    operatorApi = new ApiClient(amiflow.apiUrl, await tokenFor('operator'));
    adminApi = new ApiClient(amiflow.apiUrl, await tokenFor('admin'));
    // A meeting of two seats, so that the third registration waits.
    const definition = openCampaignDefinition(new Date());
    await harness.campaign(campaignId, {
      type: 'CreateCampaign',
      campaignId,
      definition: { ...definition, meeting: { ...definition.meeting!, capacity: 2 } },
      actor: admin,
    });
    await harness.campaign(campaignId, { type: 'PublishCampaign', actor: admin });
    await eventually('the campaign to open', async () =>
      (await harness.campaignPhase(campaignId)) === 'OPEN' ? true : undefined,
    );
    for (const [organisationId, profession] of [
      [radiologie, 'radiologie'],
      [cardiologie, 'cardiologie'],
      [pediatrie, 'pédiatrie'],
    ]) {
      await expectStatus(
        operatorApi.call('POST', `/campaigns/${campaignId}/dossiers`, {
          organisationId,
          organisationName: `CNP ${organisationId}`,
          organisationType: 'CNP',
          profession,
        }),
        201,
      );
      await expectStatus(
        operatorApi.call(
          'PUT',
          `/campaigns/${campaignId}/meeting/registrations/${organisationId}`,
          { organisationName: `CNP ${organisationId}` },
        ),
        200,
      );
    }
    // One dossier submitted: not in the directory, so it waits on an operator (« À traiter »).
    const organisation = new ApiClient(
      amiflow.apiUrl,
      await tokenFor('organisation', { organisationId: radiologie }),
    );
    await expectStatus(
      organisation.call('POST', `/campaigns/${campaignId}/dossiers/${radiologie}/submit`),
      200,
    );
    await eventually(`${radiologie} to need a review`, async () => {
      const dossier = await operatorApi.call(
        'GET',
        `/campaigns/${campaignId}/dossiers/${radiologie}`,
      );
      return (dossier.body as { state: string }).state === 'NEEDS_REVIEW' ? true : undefined;
    });
    // Mails that did not go out, written as the notification activities write them (their
    // ledger): one failing, one dropped.
    const ledger = new ReminderLedger(harness.dataSource);
    const delivery = (organisationId: string): LedgerDelivery => ({
      campaignId,
      organisationId,
      ruleId: 'depot-j-7',
      kind: 'DEADLINE_REMINDER',
      occurrence: 'deadline',
      dueAt: new Date().toISOString(),
      correlationId: `test-${run}`,
    });
    await ledger.recordFailure(
      delivery(cardiologie),
      cardiologie,
      { address: `${cardiologie}@test.example`, messageId: null },
      '554 5.7.1 Relay access denied',
    );
    const claim = await ledger.claim(
      delivery(pediatrie),
      pediatrie,
      { address: `${pediatrie}@test.example`, messageId: null },
      60_000,
    );
    if (claim.outcome !== 'CLAIMED') throw new Error(`claim: ${claim.outcome}`);
    await ledger.recordDropped(
      delivery(pediatrie),
      pediatrie,
      claim.token,
      'the dossier was submitted before the reminder was due',
    );
    // A directory entry of this run only, for an administrator to change.
    await expectStatus(
      adminApi.call('PUT', `/organisations/${annuaire}`, {
        name: `CNP de l'annuaire ${run}`,
        type: 'CNP',
        profession: 'dermatologie',
      }),
      201,
    );
    campaignTitle = (
      (await operatorApi.call('GET', `/campaigns/${campaignId}`)).body as {
        title: string;
      }
    ).title;
    await themedCampaign(adminApi, operatorApi);
    page = await browser.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await amiflow?.stop();
    await harness?.close();
  });

  afterEach(async () => {
    await screenshot(page, 'ecrans-dernier');
    expect(browser.problems).toEqual([]);
  });

  async function expectAccessible(name: string) {
    await screenshot(page, name);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  async function signIn(target: Page, role: 'Instructeur' | 'Administrateur', path: string) {
    await target.goto(`${amiflow.apiUrl}/console${path}`);
    await target.getByRole('button', { name: role, exact: true }).click();
  }

  it('montre les alertes de la campagne, chacune menant à son écran', async () => {
    await signIn(page, 'Instructeur', '/');
    const card = page.getByRole('region', { name: campaignTitle }).filter({ hasText: campaignId });
    await card.getByRole('link', { name: '1 dossier à traiter' }).waitFor();
    await card.getByRole('link', { name: '1 envoi en échec' }).waitFor();
    await expectAccessible('accueil-alertes');
    await card.getByRole('link', { name: '1 dossier à traiter' }).click();
    await page.waitForURL(/onglet=to-process/);
    await page.getByRole('tab', { name: 'À traiter (1)' }).waitFor();
  });

  it('dessine le calendrier sans qu’aucune date n’en cache une autre', async () => {
    // The meeting and the end of its registrations fall on the same day, "now" near the opening.
    await page.goto(`${amiflow.apiUrl}/console/`);
    const card = page.getByRole('region', { name: campaignTitle }).filter({ hasText: campaignId });
    const labels = card.locator('.timeline__label');
    await labels.first().waitFor();
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as {
            document: { querySelectorAll(s: string): { style: { visibility: string } }[] };
          }
        ).document.querySelectorAll('.timeline__label')[0].style.visibility !== 'hidden',
    );
    const boxes = await Promise.all((await labels.all()).map((label) => label.boundingBox()));
    expect(boxes.length).toBe(6);
    const line = await card.locator('.timeline').boundingBox();
    for (const [a, box] of boxes.entries()) {
      expect(box).not.toBeNull();
      // Each label within the line's width.
      expect(box!.x).toBeGreaterThanOrEqual(line!.x - 0.5);
      expect(box!.x + box!.width).toBeLessThanOrEqual(line!.x + line!.width + 0.5);
      for (const other of boxes.slice(a + 1)) {
        const apart =
          box!.x + box!.width <= other!.x ||
          other!.x + other!.width <= box!.x ||
          box!.y + box!.height <= other!.y ||
          other!.y + other!.height <= box!.y;
        expect(apart).toBe(true);
      }
    }
  });

  it('choisit les colonnes du tableau, les garde dans le lien et dans une vue enregistrée', async () => {
    await page.goto(`${amiflow.apiUrl}/console/campagnes/${campaignId}`);
    const table = page.getByRole('table', { name: /^Dossiers de la campagne/ });
    await table.getByRole('link', { name: `CNP ${pediatrie}` }).waitFor();
    await table.getByRole('columnheader', { name: 'Profession' }).waitFor();
    await page.getByRole('button', { name: 'Colonnes du tableau' }).click();
    const picker = page.getByRole('group', { name: /^Colonnes affichées/ });
    // The DSFR draws the box over the native input: an operator clicks its label (Playwright
    // waits for the accordion to have opened and the label to stand still).
    await picker.locator('label', { hasText: 'Profession' }).click();
    await page.waitForURL(/colonnes=type%2Cetat%2Ccompletude%2Cecheance%2Cchangement/);
    await picker.locator('label', { hasText: 'Complétude' }).click();
    await page.waitForURL(/colonnes=type%2Cetat%2Cecheance%2Cchangement/);
    expect(await picker.getByLabel('Colonne Profession').isChecked()).toBe(false);
    await table.getByRole('columnheader', { name: 'Profession' }).waitFor({ state: 'detached' });
    expect(await table.getByRole('columnheader').count()).toBe(5);
    await page.getByLabel('État', { exact: true }).selectOption({ label: 'Brouillon' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/etat=DRAFT/);
    await table.getByRole('link', { name: `CNP ${radiologie}` }).waitFor({ state: 'detached' });
    await expectAccessible('campagne-colonnes');

    await page.getByLabel('Nom de la vue').fill('Brouillons, sans profession');
    await page.getByRole('button', { name: 'Enregistrer la vue actuelle' }).click();
    const saved = page
      .getByRole('region', { name: 'Mes vues enregistrées' })
      .getByRole('link', { name: 'Brouillons, sans profession' });
    await saved.waitFor();
    // Read back with the console's own token: views are the signed-in subject's.
    const consoleApi = new ApiClient(amiflow.apiUrl, await consoleToken(page));
    const views = (await consoleApi.call('GET', '/me/views')).body as {
      items: { viewId: string; query: string; columns: string[] }[];
    };
    expect(views.items).toContainEqual(
      expect.objectContaining({
        viewId: 'brouillons-sans-profession',
        query: 'state=DRAFT',
        columns: ['type', 'etat', 'echeance', 'changement'],
      }),
    );

    // From the plain page, the view brings its filter and columns back.
    await page.goto(`${amiflow.apiUrl}/console/campagnes/${campaignId}`);
    await table.getByRole('link', { name: `CNP ${radiologie}` }).waitFor();
    await saved.click();
    await page.waitForURL(/etat=DRAFT/);
    expect(page.url()).toMatch(/colonnes=type%2Cetat%2Cecheance%2Cchangement/);
    await table.getByRole('link', { name: `CNP ${radiologie}` }).waitFor({ state: 'detached' });
    expect(await table.getByRole('columnheader').count()).toBe(5);

    await page
      .getByRole('button', { name: 'Supprimer la vue « Brouillons, sans profession »' })
      .click();
    await saved.waitFor({ state: 'detached' });
    expect(
      (
        (await consoleApi.call('GET', '/me/views')).body as { items: { viewId: string }[] }
      ).items.map((view) => view.viewId),
    ).not.toContain('brouillons-sans-profession');
  });

  it('montre la réunion : capacité, inscrits, liste d’attente', async () => {
    await page.getByRole('link', { name: "Réunion d'information" }).click();
    await page.getByRole('heading', { name: "Réunion d'information", level: 1 }).waitFor();
    await page.getByText('Capacité : 2').waitFor();
    await page.getByText('Places libres : 0').waitFor();
    const confirmed = page.getByRole('table', { name: /^Inscriptions confirmées/ });
    await confirmed.getByRole('link', { name: `CNP ${radiologie}` }).waitFor();
    await confirmed.getByRole('link', { name: `CNP ${cardiologie}` }).waitFor();
    const waiting = page.getByRole('table', { name: /^Liste d'attente/ });
    await waiting
      .getByRole('row')
      .filter({ hasText: `CNP ${pediatrie}` })
      .filter({ has: page.getByRole('cell', { name: '1', exact: true }) })
      .waitFor();
    await expectAccessible('reunion');
  });

  it('montre la synthèse : graphiques et tableaux par état, profession et type', async () => {
    await page.getByRole('link', { name: 'Synthèse' }).click();
    await page.getByRole('heading', { name: 'Synthèse', level: 1 }).waitFor();
    await page.getByText('Dossiers de la campagne : 3').waitFor();
    const byProfession = page.getByRole('table', { name: 'Dossiers par profession' });
    for (const profession of ['radiologie', 'cardiologie', 'pédiatrie']) {
      await byProfession.getByRole('row').filter({ hasText: profession }).waitFor();
    }
    const byState = page.getByRole('table', { name: 'Dossiers par état' });
    await byState
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'Brouillon', exact: true }) })
      .filter({ has: page.getByRole('cell', { name: '2', exact: true }) })
      .waitFor();
    // Each chart is drawn (a canvas Chart.js sized) and named for assistive technologies.
    const charts = page.getByRole('img', { name: /^Graphique : dossiers/ });
    expect(await charts.count()).toBe(3);
    expect((await charts.first().boundingBox())?.height).toBeGreaterThan(100);
    await page
      .getByText("Aucune forme de soutien n'est encore retenue pour plusieurs professions.")
      .waitFor();
    await expectAccessible('synthese');
  });

  it('montre les demandes communes avec leurs citations, la matrice, et les meilleures propositions dans l’ordre', async () => {
    await page.goto(`${amiflow.apiUrl}/console/campagnes/${themedCampaignId}/synthese`);
    const demand = page.getByRole('article', { name: 'Formation des professionnels' });
    await demand.getByText('2 professions : cardiologie, radiologie').waitFor();
    await demand
      .getByRole('listitem')
      .filter({ hasText: '« former les cardiologues à lire un algorithme et ses limites »' })
      .getByRole('link', { name: `CNP ${themedCardiologie}` })
      .waitFor();
    await demand
      .getByRole('listitem')
      .filter({ hasText: 'formation continue' })
      .getByRole('link', { name: `CNP ${themedRadiologie}` })
      .waitFor();
    const matrix = page.getByRole('table', { name: /^Thèmes × professions/ });
    await matrix
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'Formation des professionnels' }) })
      .filter({ has: page.getByRole('cell', { name: '2', exact: true }) })
      .waitFor();
    // Ranked by the reviewers' weighted score: radiologie 15 / 20 before cardiologie 2,5 / 20.
    const best = page.getByRole('table', { name: /^Meilleures propositions/ });
    const rows = best.getByRole('row');
    await rows.nth(2).waitFor();
    expect(await rows.nth(1).getByRole('cell').allInnerTexts()).toEqual([
      '1',
      `CNP ${themedRadiologie}`,
      'radiologie',
      '15 / 20',
      expect.stringContaining('Pertinence : Noté 5 au vu de la réponse.'),
    ]);
    expect(await rows.nth(2).getByRole('cell').nth(3).innerText()).toBe('2,5 / 20');
    expect(
      await page.getByRole('img', { name: /^Graphique : formes de soutien souhaitées/ }).count(),
    ).toBe(1);
    await expectAccessible('synthese-themes');

    // K in the URL: three professions, and no theme is common any more.
    await page.getByLabel(/Professions pour qu'une demande soit commune/).fill('3');
    await page.waitForURL(/[?&]professions=3/);
    await page.getByText("Aucun thème n'est relevé pour autant de professions.").waitFor();
    await page.reload();
    await page
      .getByRole('heading', { name: 'Demandes communes à au moins 3 professions' })
      .waitFor();

    await best.getByRole('link', { name: `CNP ${themedRadiologie}` }).click();
    await page.waitForURL(
      new RegExp(`/campagnes/${themedCampaignId}/dossiers/${themedRadiologie}$`),
    );
    // Back where the next step starts: the first campaign's synthesis.
    await page.goto(`${amiflow.apiUrl}/console/campagnes/${campaignId}/synthese`);
    await page.getByRole('heading', { name: 'Synthèse', level: 1 }).waitFor();
  }, 60_000);

  it('montre les envois en échec et abandonnés, avec leur raison et leur dossier', async () => {
    await page.getByRole('link', { name: 'Envois en échec' }).click();
    await page.getByRole('heading', { name: 'Envois en échec', level: 1 }).waitFor();
    const failing = page.getByRole('table', { name: /^Envois en échec/ });
    await failing.getByRole('row').filter({ hasText: '554 5.7.1 Relay access denied' }).waitFor();
    const dropped = page.getByRole('table', { name: /^Envois abandonnés/ });
    await dropped
      .getByRole('row')
      .filter({ hasText: 'the dossier was submitted before the reminder was due' })
      .waitFor();
    await expectAccessible('envois-en-echec');
    await failing.getByRole('link', { name: cardiologie }).click();
    await page.waitForURL(new RegExp(`/dossiers/${cardiologie}$`));
  });

  it('montre l’annuaire à un instructeur, sans formulaire', async () => {
    await page.getByRole('link', { name: 'Annuaire' }).first().click();
    await page.getByRole('heading', { name: 'Annuaire des organisations', level: 1 }).waitFor();
    await page
      .getByRole('table', { name: /^Organisations/ })
      .getByRole('row')
      .nth(1)
      .waitFor();
    await expectAccessible('annuaire');
    await page.goto(`${amiflow.apiUrl}/console/annuaire/${annuaire}`);
    await page.getByRole('heading', { name: `CNP de l'annuaire ${run}`, level: 1 }).waitFor();
    await page.getByText('dermatologie', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Enregistrer' }).count()).toBe(0);
  });

  it('laisse un administrateur modifier une entrée, et dit en français ce que l’API refuse', async () => {
    const adminPage = await browser.newPage();
    try {
      await signIn(adminPage, 'Administrateur', `/annuaire/${annuaire}`);
      await adminPage
        .getByRole('heading', { name: `CNP de l'annuaire ${run}`, level: 1 })
        .waitFor();
      await adminPage.getByLabel('Courriel').fill(`contact@${annuaire}.example`);
      await adminPage.getByLabel('Fédération (identifiant)').fill(`inconnue-${run}`);
      await adminPage.getByRole('button', { name: 'Enregistrer' }).click();
      // Not a listed federative structure: the API's own French sentence, in place.
      await adminPage
        .getByText(/fédérat/i)
        .last()
        .waitFor();
      await adminPage.getByLabel('Fédération (identifiant)').fill('');
      await adminPage.getByRole('button', { name: 'Enregistrer' }).click();
      await adminPage.getByText('Entrée enregistrée.').waitFor();
      await screenshot(adminPage, 'annuaire-entree-admin');
      expect(await seriousAccessibilityViolations(adminPage)).toEqual([]);
      expect((await adminApi.call('GET', `/organisations/${annuaire}`)).body).toEqual(
        expect.objectContaining({
          email: `contact@${annuaire}.example`,
          profession: 'dermatologie',
          parentFederationId: null,
        }),
      );
    } finally {
      await adminPage.close();
    }
  });

  it('refuse ces écrans au compte d’une organisation', async () => {
    const organisationPage = await browser.newPage();
    try {
      await organisationPage.goto(`${amiflow.apiUrl}/console/connexion`);
      await organisationPage.getByLabel('Organisation à représenter').selectOption({ index: 1 });
      await organisationPage.getByRole('button', { name: /^Organisation / }).click();
      await organisationPage.getByRole('heading', { name: 'Accès réservé aux agents' }).waitFor();
      for (const screen of ['reunion', 'synthese', 'envois-en-echec']) {
        await organisationPage.goto(`${amiflow.apiUrl}/console/campagnes/${campaignId}/${screen}`);
        await organisationPage.getByRole('heading', { name: 'Accès réservé aux agents' }).waitFor();
        expect(await organisationPage.getByRole('table').count()).toBe(0);
      }
      for (const screen of ['/annuaire', `/annuaire/${annuaire}`]) {
        await organisationPage.goto(`${amiflow.apiUrl}/console${screen}`);
        await organisationPage.getByRole('heading', { name: 'Accès réservé aux agents' }).waitFor();
        expect(await organisationPage.getByRole('table').count()).toBe(0);
      }
    } finally {
      await organisationPage.close();
    }
  });
});

/**
 * The reference campaign (its grid and themes), its calendar shrunk to seconds, as
 * test/e2e/reviews-over-http.e2e-spec.ts makes it: two dossiers of two professions, each passage
 * tagged « formation » by hand (as test/e2e/synthesis-report.e2e-spec.ts does), both scored by two
 * reviewers once the deadline has passed.
 */
async function themedCampaign(adminApi: ApiClient, operatorApi: ApiClient): Promise<void> {
  const t0 = Date.now() + 4 * SECOND;
  // Long enough to create and submit both dossiers on a loaded machine before the deadline.
  const deadline = 25;
  const definition = referenceCampaignInSeconds(t0, {
    opensAt: 0,
    submissionDeadline: deadline,
    consultationsStartAt: 600,
  });
  await expectStatus(
    adminApi.call('POST', '/campaigns', { campaignId: themedCampaignId, definition }),
    201,
  );
  await publishUntilOpen(adminApi, operatorApi, themedCampaignId, t0);
  const dossierPath = (organisationId: string, rest = '') =>
    dossierPathIn(themedCampaignId, organisationId, rest);
  const reaches = (organisationId: string, state: string) =>
    dossierReaches(operatorApi, themedCampaignId, organisationId, state);
  const dossiers = [
    [themedRadiologie, 'radiologie', 'freins', RADIOLOGY_FREINS, 'formation continue'],
    [
      themedCardiologie,
      'cardiologie',
      'leviers',
      CARDIOLOGY_LEVIERS,
      'former les cardiologues à lire un algorithme et ses limites',
    ],
  ] as const;
  for (const [organisationId, profession, sectionId, answer] of dossiers) {
    await expectStatus(
      adminApi.call('PUT', `/organisations/${organisationId}`, {
        name: `CNP ${organisationId}`,
        type: 'CNP',
        profession,
        email: `${organisationId}@test.example`,
      }),
      201,
    );
    await submitCnpDossier(
      operatorApi.as(await tokenFor('organisation', { organisationId })),
      themedCampaignId,
      {
        organisationId,
        organisationName: `CNP ${organisationId}`,
        profession,
        answers: { organisation: `Le CNP de ${profession}.`, [sectionId]: answer },
      },
    );
  }
  for (const [organisationId, , sectionId, answer, passage] of dossiers) {
    await reaches(organisationId, 'ELIGIBLE');
    const start = answer.indexOf(passage);
    await expectStatus(
      operatorApi.call('POST', dossierPath(organisationId, '/themes/tags'), {
        tagId: 'tag-1',
        sectionId,
        start,
        end: start + passage.length,
        themeIds: ['formation'],
      }),
      200,
    );
  }
  await expectStatus(
    operatorApi.call('POST', `/campaigns/${themedCampaignId}/reviewer-assignments`, {
      reviewerIds: [alice, bruno],
      reviewersPerDossier: 2,
    }),
    200,
  );
  await until(t0 + deadline * SECOND);
  const criteria = ['pertinence', 'representativite', 'faisabilite', 'portee-transversale'];
  const score = async (subject: string, organisationId: string, values: number[]) =>
    expectStatus(
      operatorApi
        .as(await tokenFor('operator', { subject }))
        .call('PUT', dossierPath(organisationId, '/reviews/mine'), {
          scores: values.map((value, index) => ({
            criterionId: criteria[index],
            score: value,
            comment: `Noté ${value} au vu de la réponse.`,
          })),
        }),
      200,
    );
  // Radiologie: 18.125 and 11.875, 15 / 20 on average; cardiologie: 2.5 / 20.
  await reaches(themedRadiologie, 'UNDER_SCREENING');
  await score(alice, themedRadiologie, [5, 5, 4, 4]);
  await score(bruno, themedRadiologie, [4, 3, 3, 3]);
  await reaches(themedCardiologie, 'UNDER_SCREENING');
  await score(alice, themedCardiologie, [2, 1, 2, 1]);
  await score(bruno, themedCardiologie, [1, 1, 2, 2]);
}

/** The token the console signed in with (its session, in the tab's sessionStorage). */
async function consoleToken(page: Page): Promise<string> {
  const stored = await page.evaluate(() =>
    (
      globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }
    ).sessionStorage.getItem('amiflow.console.session'),
  );
  return (JSON.parse(stored ?? '{}') as { token: string }).token;
}

async function expectStatus(response: Promise<ApiResponse>, status: number): Promise<void> {
  expectOk(await response, status);
}
