import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { freePort, RunningAmiflow, startAmiflow } from '../support/amiflow-processes';
import { ApiClient } from '../support/api-client';
import { LifecycleHarness } from '../support/lifecycle-harness';
import { eventually } from '../support/eventually';
import { openCampaignWithDrafts } from '../support/open-campaign';
import { tokenFor } from '../support/tokens';
import { Browser, launchBrowser, screenshot, seriousAccessibilityViolations } from './browser';

// Each step waits for what the operator would see (playwright's own waits, 10 s at most each).
jest.setTimeout(30_000);

const run = Date.now().toString(36);
const campaignId = `ami-console-${run}`;
// Not in the directory: once submitted, eligibility cannot be told and an operator decides.
const radiologie = `cnp-radiologie-${run}`;
const radiologieAddress = `secretariat@${radiologie}.example.org`;
const pediatrie = `cnp-pediatrie-${run}`;
const brouillon = `cnp-brouillon-${run}`;

/** The element's font, as drawn (run in the browser). */
const fontFamily = (element: unknown) =>
  (
    globalThis as unknown as { getComputedStyle(element: unknown): { fontFamily: string } }
  ).getComputedStyle(element).fontFamily;

/** Whether the element has the page's focus (run in the browser). */
const isFocused = (element: { ownerDocument: { activeElement: unknown } }) =>
  element.ownerDocument.activeElement === element;

describe('the console, as an operator uses it', () => {
  let amiflow: RunningAmiflow;
  let harness: LifecycleHarness;
  let browser: Browser;
  let page: Page;
  let campaignTitle: string;

  beforeAll(async () => {
    [amiflow, harness, browser] = await Promise.all([
      // The Temporal UI's address, for the dossier's link to its workflow (nothing need answer).
      startAmiflow({ env: { TEMPORAL_UI_URL: 'http://127.0.0.1:8233/' } }),
      LifecycleHarness.open(),
      launchBrowser(),
    ]);
    const operator = new ApiClient(amiflow.apiUrl, await tokenFor('operator'));
    await openCampaignWithDrafts(harness, operator, campaignId, [radiologie, pediatrie, brouillon]);
    for (const organisationId of [radiologie, pediatrie]) {
      const organisation = new ApiClient(
        amiflow.apiUrl,
        await tokenFor('organisation', { organisationId }),
      );
      const submitted = await organisation.call(
        'POST',
        `/campaigns/${campaignId}/dossiers/${organisationId}/submit`,
      );
      if (submitted.status !== 200)
        throw new Error(`submit ${organisationId}: ${JSON.stringify(submitted.body)}`);
    }
    for (const organisationId of [radiologie, pediatrie]) {
      await eventually(`${organisationId} to need a review`, async () => {
        const dossier = await operator.call(
          'GET',
          `/campaigns/${campaignId}/dossiers/${organisationId}`,
        );
        return (dossier.body as { state: string }).state === 'NEEDS_REVIEW' ? true : undefined;
      });
    }
    // Now in the directory with an address (its eligibility was decided without): the mails
    // about it from here on go there, and « Courriels » shows that address.
    const admin = new ApiClient(amiflow.apiUrl, await tokenFor('admin'));
    const entered = await admin.call('PUT', `/organisations/${radiologie}`, {
      name: `CNP ${radiologie}`,
      type: 'CNP',
      email: radiologieAddress,
    });
    if (entered.status !== 201) throw new Error(`directory: ${JSON.stringify(entered.body)}`);
    campaignTitle = (
      (await operator.call('GET', `/campaigns/${campaignId}`)).body as { title: string }
    ).title;
    page = await browser.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await amiflow?.stop();
    await harness?.close();
  });

  afterEach(async () => {
    // What the page showed last, to look at when a step failed.
    await screenshot(page, 'dernier-ecran');
    expect(browser.problems).toEqual([]);
  });

  async function expectAccessible(name: string) {
    await screenshot(page, name);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  it('se connecte comme instructeur depuis la page de connexion de développement', async () => {
    await page.goto(`${amiflow.apiUrl}/console/`);
    await page.getByRole('heading', { name: 'Connexion', level: 1 }).waitFor();
    await expectAccessible('connexion');
    await page.getByRole('button', { name: 'Instructeur' }).click();
    await page.getByRole('heading', { name: 'Campagnes', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  });

  it('a l’icône de l’État (celle du DSFR), servie sous la CSP de la console', async () => {
    const icons = (
      await page
        .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
        .evaluateAll((links: { getAttribute(name: string): string | null }[]) =>
          links.map((link) => link.getAttribute('href') ?? ''),
        )
    ).map((href) => new URL(href, amiflow.apiUrl).href);
    expect(icons).toHaveLength(3);
    for (const icon of icons) {
      const answer = await page.request.get(icon);
      expect([icon, answer.status(), answer.headers()['content-type']]).toEqual([
        icon,
        200,
        expect.stringMatching(/^image\//),
      ]);
      expect(answer.headers()['content-security-policy']).toContain("script-src 'self'");
    }
    // Where no page links one (the API's answers), the browser asks for the origin's.
    const root = await page.request.get(`${amiflow.apiUrl}/favicon.ico`);
    expect([root.status(), root.url()]).toEqual([200, icons.find((icon) => icon.endsWith('.ico'))]);
  });

  it('trouve la campagne, sa phase, son calendrier et ses dossiers par état', async () => {
    const card = page.getByRole('region', { name: campaignTitle }).filter({ hasText: campaignId });
    await card.getByText('Ouverte aux dépôts').waitFor();
    await card.getByText('Fin des inscriptions à la réunion dans 1 jour').waitFor();
    await card.getByText('À examiner : 2').waitFor();
    await expectAccessible('campagnes');
    await card.getByRole('link', { name: campaignTitle }).click();
    await page.getByRole('heading', { name: campaignTitle, level: 1 }).waitFor();
  });

  it('reçoit la page de la campagne déjà dessinée par l’API, puis la reprend telle quelle', async () => {
    const url = `${amiflow.apiUrl}/console/campagnes/${campaignId}`;
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
    });
    // The console's scripts held back: what the operator sees is what the API sent.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/console/assets/*.js', async (route) => {
      await released;
      await route.continue();
    });
    try {
      await page.goto(url, { waitUntil: 'commit' });
      const table = dossierTable(page);
      await table.getByRole('link', { name: `CNP ${brouillon}` }).waitFor();
      await page.getByRole('tab', { name: 'Tous (3)' }).waitFor();
      expect(await page.locator('html').getAttribute('data-prerendered')).toBe('');
      // Drawn styled: the DSFR's stylesheet is linked by the page, not added by the script.
      expect(await page.locator('body').evaluate(fontFamily)).toContain('Marianne');
      // Marked and focused before the console runs: taken over as it is, they stay.
      await page
        .getByRole('heading', { name: campaignTitle, level: 1 })
        .evaluate((heading: { dataset: Record<string, string> }) => {
          heading.dataset.markedBeforeScripts = 'oui';
        });
      await page.keyboard.press('Tab');
      expect(await page.getByRole('link', { name: 'Contenu' }).evaluate(isFocused)).toBe(true);
    } finally {
      release();
      await page.unrouteAll({ behavior: 'wait' });
    }
    await eventually('the console to take the page over', async () =>
      (await page.locator('#amiflow-prerendered').count()) === 0 ? true : undefined,
    );
    expect(await page.getByRole('link', { name: 'Contenu' }).evaluate(isFocused)).toBe(true);
    // Interactive: a sort button the server drew now sorts…
    await page.getByRole('button', { name: /^Trier par organisation/ }).click();
    await page.waitForURL(/tri=organisationName/);
    // …and it is the very markup the server sent: nothing differed, nothing was drawn afresh
    // (React would have said why in the console).
    const heading = page.getByRole('heading', { name: campaignTitle, level: 1 });
    expect(await heading.getAttribute('data-marked-before-scripts')).toBe('oui');
    expect(errors).toEqual([]);
  });

  it('ne dessine rien côté serveur sans session valide, et ne répond jamais par une erreur', async () => {
    const url = `${amiflow.apiUrl}/console/campagnes/${campaignId}`;
    const cookie = (token: string) => `amiflow-console-session=${encodeURIComponent(token)}`;
    // The console's plain page: nothing drawn in, nor said to be.
    for (const sent of [
      '',
      'amiflow-console-session=%E0%A4%A',
      cookie('not-a-token'),
      cookie(`${(await tokenFor('operator')).slice(0, -2)}xx`),
      cookie(await tokenFor('organisation', { organisationId: radiologie })),
    ]) {
      const answer = await fetch(url, { headers: sent ? { cookie: sent } : {} });
      const html = await answer.text();
      expect([
        sent,
        answer.status,
        /<html data-prerendered|id="amiflow-prerendered"/.test(html),
      ]).toEqual([sent, 200, false]);
    }
    // A campaign that does not exist: nothing drawn in; the console says so itself.
    const unknown = await fetch(`${url}-inconnue`, {
      headers: { cookie: cookie(await tokenFor('operator')) },
    });
    expect([unknown.status, (await unknown.text()).includes('id="amiflow-prerendered"')]).toEqual([
      200,
      false,
    ]);
  });

  it('mène au contenu de l’écran dès la première touche Tab, sans passer par les menus', async () => {
    // Freshly loaded, so that the keyboard starts from the page's top, not from the last click.
    await page.reload();
    await page.getByRole('heading', { name: campaignTitle, level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Contenu' });
    expect(await skipLink.evaluate(isFocused)).toBe(true);
    await page.keyboard.press('Enter');
    const main = page.locator('main#contenu');
    await eventually('the focus to reach the screen’s content', async () =>
      (await main.evaluate(isFocused)) ? true : undefined,
    );
  });

  it('filtre le tableau des dossiers, et le lien garde les filtres', async () => {
    const table = dossierTable(page);
    await table.getByRole('link', { name: `CNP ${brouillon}` }).waitFor();
    await page.getByLabel('État', { exact: true }).selectOption({ label: 'À examiner' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/etat=NEEDS_REVIEW/);
    await table.getByRole('link', { name: `CNP ${brouillon}` }).waitFor({ state: 'detached' });
    await table.getByRole('link', { name: `CNP ${radiologie}` }).waitFor();
    await table.getByRole('link', { name: `CNP ${pediatrie}` }).waitFor();
    await expectAccessible('campagne');

    // The link, opened in another tab (a colleague's): sign in, and the same view comes back.
    const shared = await browser.newPage();
    await shared.goto(page.url());
    await shared.getByRole('button', { name: 'Instructeur' }).click();
    await shared.waitForURL(/etat=NEEDS_REVIEW/);
    await dossierTable(shared)
      .getByRole('link', { name: `CNP ${pediatrie}` })
      .waitFor();
    expect(
      await dossierTable(shared)
        .getByRole('link', { name: `CNP ${brouillon}` })
        .count(),
    ).toBe(0);
    await shared.close();

    // A day typed as a French operator writes it, whatever the browser's language; the URL
    // carries it as YYYY-MM-DD; anything else is refused in French, in place.
    const dueBefore = page.getByLabel('Échéance avant le');
    await dueBefore.fill('2099-12-31');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByText('Date attendue au format jj/mm/aaaa').waitFor();
    await dueBefore.fill('31/12/2099');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/echeance-avant=2099-12-31/);
    expect(await page.getByLabel('Échéance avant le').inputValue()).toBe('31/12/2099');
  });

  it('choisit l’onglet « À traiter », voit son compte, et l’onglet reste dans le lien', async () => {
    await page.goto(`${amiflow.apiUrl}/console/campagnes/${campaignId}`);
    const table = dossierTable(page);
    await table.getByRole('link', { name: `CNP ${brouillon}` }).waitFor();
    await page.getByRole('tab', { name: 'Tous (3)' }).waitFor();
    await page.getByRole('tab', { name: "En attente de l'organisation (1)" }).waitFor();
    await page.getByRole('tab', { name: 'À traiter (2)' }).click();
    await page.waitForURL(/onglet=to-process/);
    await table.getByRole('link', { name: `CNP ${brouillon}` }).waitFor({ state: 'detached' });
    await table.getByRole('link', { name: `CNP ${radiologie}` }).waitFor();
    await table.getByRole('link', { name: `CNP ${pediatrie}` }).waitFor();
    expect(
      await page.getByRole('tab', { name: 'À traiter (2)' }).getAttribute('aria-selected'),
    ).toBe('true');
    await expectAccessible('campagne-onglet-a-traiter');
  });

  it('trie par temps restant, dans un sens puis dans l’autre, et le tri reste dans le lien', async () => {
    await page.getByRole('tab', { name: 'Tous (3)' }).click();
    const table = dossierTable(page);
    await table.getByRole('link', { name: `CNP ${brouillon}` }).waitFor();
    await page.getByRole('button', { name: /^Trier par prochaine échéance, croissant/ }).click();
    await page.waitForURL(/tri=nextDueAt&ordre=asc/);
    // Only the draft has something due (its submission deadline): least time left first.
    // Row 0 holds the headers.
    await table
      .getByRole('row')
      .nth(1)
      .getByRole('link', { name: `CNP ${brouillon}` })
      .waitFor();
    const sorted = page.getByRole('button', { name: /^Trier par prochaine échéance, décroissant/ });
    expect(await sorted.getAttribute('aria-pressed')).toBe('true');
    await sorted.click();
    await page.waitForURL(/tri=nextDueAt&ordre=desc/);
    await page.getByRole('button', { name: /^Trier par prochaine échéance, croissant/ }).waitFor();
    // Nothing due counts as the farthest: the draft, first before, comes last.
    await table
      .getByRole('row')
      .last()
      .getByRole('link', { name: `CNP ${brouillon}` })
      .waitFor();
  });

  it('montre les échéances des prochains jours, sans précision demandée pour l’instant', async () => {
    await page.getByLabel('Échéances à venir dans les').selectOption('14');
    await page.waitForURL(/jours=14/);
    const due = page.getByRole('table', { name: /^Échéances/ });
    await due
      .getByRole('row')
      .filter({ hasText: `CNP ${brouillon}` })
      .filter({ has: page.getByRole('cell', { name: 'Date limite de dépôt', exact: true }) })
      .waitFor();
    expect(await due.getByRole('link', { name: `CNP ${radiologie}` }).count()).toBe(0);
    await expectAccessible('campagne-echeances');
  });

  it('ouvre le dossier, décide de sa recevabilité, et l’historique le montre', async () => {
    await dossierTable(page)
      .getByRole('link', { name: `CNP ${radiologie}` })
      .click();
    await page.getByRole('heading', { name: `CNP ${radiologie}`, level: 1 }).waitFor();
    await page.getByTestId('etat-dossier').getByText('À examiner').waitFor();
    await expectAccessible('dossier');

    const form = page.getByRole('form', { name: 'Décider de la recevabilité' });
    await form.getByRole('radio', { name: 'Recevable', exact: true }).check({ force: true });
    await form
      .getByLabel('Motif')
      .fill("Le CNP de radiologie figure à l'arrêté ; l'annuaire n'est pas à jour.");
    await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
    // Nothing is sent before the operator confirms what the decision does; the sentence has the
    // focus, and Escape goes back to the form, its button focused again.
    const confirm = form.getByRole('group', { name: /^Déclarer le dossier recevable \?/ });
    await confirm.waitFor();
    expect(await confirm.getByText(/^Déclarer le dossier recevable/).evaluate(isFocused)).toBe(
      true,
    );
    await expectAccessible('dossier-confirmation');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    const submit = form.getByRole('button', { name: 'Enregistrer la décision' });
    expect(await submit.evaluate(isFocused)).toBe(true);
    const operator = new ApiClient(amiflow.apiUrl, await tokenFor('operator'));
    const unchanged = await operator.call('GET', `/campaigns/${campaignId}/dossiers/${radiologie}`);
    expect((unchanged.body as { state: string }).state).toBe('NEEDS_REVIEW');
    await page.getByTestId('etat-dossier').getByText('À examiner').waitFor();
    // « Revenir au formulaire » does the same; then the decision, confirmed.
    await submit.click();
    await confirm.getByRole('button', { name: 'Revenir au formulaire' }).click();
    await confirm.waitFor({ state: 'detached' });
    await submit.click();
    await confirm.getByRole('button', { name: 'Confirmer : enregistrer la décision' }).click();

    await page.getByTestId('etat-dossier').getByText('Recevable').waitFor();
    const history = page.getByRole('list', { name: 'Historique du dossier' });
    await history.getByText('Recevabilité décidée par un agent').waitFor();
    await history
      .getByText(/par Instructeur operator-dev/)
      .first()
      .waitFor();
  });

  it('une décision que l’API refuse est dite en place, dans ses mots', async () => {
    const form = page.getByRole('form', { name: 'Décider de la recevabilité' });
    await form.getByRole('radio', { name: 'Recevable', exact: true }).check({ force: true });
    await form.getByLabel('Motif').fill('Confirmé.');
    await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await form.getByRole('button', { name: 'Confirmer : enregistrer la décision' }).click();
    await form.getByText('Le dossier est déjà éligible.').waitFor();
    // Refused: back to the form, to correct or leave, its button focused (not the page's start).
    const submit = form.getByRole('button', { name: 'Enregistrer la décision' });
    await submit.waitFor();
    expect(await submit.evaluate(isFocused)).toBe(true);
  });

  it('demande une précision, et l’historique la montre', async () => {
    const form = page.getByRole('form', { name: 'Demander une précision' });
    await form
      .getByLabel("Question à l'organisation")
      .fill('Quels jeux de données d’imagerie partagez-vous ?');
    await form.getByLabel('Délai de réponse (jours)').fill('10');
    await form.getByRole('button', { name: 'Envoyer la demande' }).click();
    const history = page.getByRole('list', { name: 'Historique du dossier' });
    await history.getByText('Demande de précisions', { exact: true }).waitFor();
    await history.getByText(/« Quels jeux de données d’imagerie partagez-vous \? »/).waitFor();
    await expectAccessible('dossier-apres-actions');
  });

  it('voit ce que le workflow du dossier attend, son lien dans Temporal, et ses courriels', async () => {
    const operator = new ApiClient(amiflow.apiUrl, await tokenFor('operator'));
    const ledger = await eventually('the notice of the request in the ledger', async () => {
      const body = (
        await operator.call('GET', `/campaigns/${campaignId}/dossiers/${radiologie}/deliveries`)
      ).body as {
        items: { kind: string; recipient: string; address: string | null; attempts: number }[];
      };
      return body.items.some((item) => item.kind === 'ClarificationRequested') ? body : undefined;
    });
    await page.reload();
    const waits = page.getByRole('list', { name: 'Ce que le workflow attend' });
    await waits.getByText(/^Réponse à la demande de précisions — .* \(dans 10 jours\)$/).waitFor();
    await page.getByText('En cours', { exact: true }).waitFor();
    const link = page.getByRole('link', { name: 'Voir dans Temporal (nouvelle fenêtre)' });
    expect(await link.getAttribute('href')).toMatch(
      new RegExp(
        `^http://127\\.0\\.0\\.1:8233/namespaces/[^/]+/workflows/${encodeURIComponent(`dossier/${campaignId}/${radiologie}`)}/[^/]+/history$`,
      ),
    );
    // The page shows the ledger the API holds for the dossier, one row per delivery, each to the
    // address the ledger records (the directory's, not the organisation's id).
    const notice = ledger.items.find((item) => item.kind === 'ClarificationRequested');
    expect(notice).toEqual(
      expect.objectContaining({ recipient: radiologie, address: radiologieAddress }),
    );
    const mails = page.getByRole('table', { name: 'Courriels à propos du dossier' });
    await mails.getByRole('row').nth(ledger.items.length).waitFor();
    expect(await mails.getByRole('row').count()).toBe(ledger.items.length + 1);
    for (const [index, delivery] of ledger.items.entries()) {
      const row = mails.getByRole('row').nth(index + 1);
      await row
        .getByRole('cell', {
          name: delivery.address ?? `Aucune adresse (${delivery.recipient})`,
          exact: true,
        })
        .waitFor();
      await row.getByRole('cell', { name: String(delivery.attempts), exact: true }).waitFor();
    }
    // The mail telling the organisation of the request, by the event's name, to its address.
    const noticeRow = mails.getByRole('row').filter({
      has: page.getByRole('cell', { name: 'Avis : Demande de précisions', exact: true }),
    });
    await noticeRow.getByRole('cell', { name: radiologieAddress, exact: true }).waitFor();
    await expectAccessible('dossier-suivi');
  });

  it('la demande de précision apparaît dans les échéances de la campagne', async () => {
    await page.goto(`${amiflow.apiUrl}/console/campagnes/${campaignId}?jours=14`);
    const due = page.getByRole('table', { name: /^Échéances/ });
    const row = due
      .getByRole('row')
      .filter({ hasText: `CNP ${radiologie}` })
      .filter({
        has: page.getByRole('cell', { name: 'Réponse à la demande de précisions', exact: true }),
      });
    await row.waitFor();
    await row.getByText('dans 10 jours').waitFor();
    // Not there in the next 7 days (the default): it falls due in 10.
    await page.getByLabel('Échéances à venir dans les').selectOption('7');
    await row.waitFor({ state: 'detached' });
  });

  it('suit sans recharger : un dossier déposé par l’API passe dans « À traiter », les comptes suivent', async () => {
    const operator = new ApiClient(amiflow.apiUrl, await tokenFor('operator'));
    const countsPath = `/campaigns/${campaignId}/dossier-counts`;
    const before = (await operator.call('GET', countsPath)).body as {
      tabs: { toProcess: number; awaitingOrganisation: number; all: number };
    };
    await page.goto(`${amiflow.apiUrl}/console/campagnes/${campaignId}?onglet=to-process`);
    const table = dossierTable(page);
    // Still to be reviewed (the radiology one now waits on its organisation's answer).
    await table.getByRole('link', { name: `CNP ${pediatrie}` }).waitFor();
    const toProcess = (n: number) => page.getByRole('tab', { name: `À traiter (${n})` });
    const awaiting = (n: number) =>
      page.getByRole('tab', { name: `En attente de l'organisation (${n})` });
    await toProcess(before.tabs.toProcess).waitFor();
    await awaiting(before.tabs.awaitingOrganisation).waitFor();
    expect(await table.getByRole('link', { name: `CNP ${brouillon}` }).count()).toBe(0);
    // A mark on this document: a reload or a navigation would lose it.
    await page.evaluate(() => {
      (globalThis as { sansRechargement?: boolean }).sansRechargement = true;
    });

    // The organisation submits its draft through the API; not in the directory, it waits on an
    // operator once its workflow has screened it.
    const organisation = new ApiClient(
      amiflow.apiUrl,
      await tokenFor('organisation', { organisationId: brouillon }),
    );
    const submitted = await organisation.call(
      'POST',
      `/campaigns/${campaignId}/dossiers/${brouillon}/submit`,
    );
    expect(submitted.status).toBe(200);
    await eventually(`${brouillon} to need a review`, async () => {
      const dossier = await operator.call('GET', `/campaigns/${campaignId}/dossiers/${brouillon}`);
      return (dossier.body as { state: string }).state === 'NEEDS_REVIEW' ? true : undefined;
    });

    // The page follows by itself (its polling), within the 5 s it promises and playwright's wait.
    await table.getByRole('link', { name: `CNP ${brouillon}` }).waitFor();
    await toProcess(before.tabs.toProcess + 1).waitFor();
    await awaiting(before.tabs.awaitingOrganisation - 1).waitFor();
    await page.getByRole('tab', { name: `Tous (${before.tabs.all})` }).waitFor();
    expect(
      await page.evaluate(() => (globalThis as { sansRechargement?: boolean }).sansRechargement),
    ).toBe(true);
    await expectAccessible('campagne-en-direct');
  });

  it("refuse le compte d'une organisation sur chaque écran d'agent", async () => {
    const sessionCookies = async () =>
      (await browser.context.cookies()).filter(({ name }) => name === 'amiflow-console-session');
    expect(await sessionCookies()).toEqual([
      expect.objectContaining({ path: '/console/campagnes/', sameSite: 'Strict', expires: -1 }),
    ]);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    // Signed out: the API draws no page for that session any more.
    expect(await sessionCookies()).toEqual([]);
    await page.goto(`${amiflow.apiUrl}/console/connexion`);
    await page.getByLabel('Organisation à représenter').selectOption({ index: 1 });
    const chosen = await page.getByLabel('Organisation à représenter').inputValue();
    expect(chosen).not.toBe('');
    await page.getByRole('button', { name: /^Organisation / }).click();
    await page.getByRole('heading', { name: 'Accès réservé aux agents' }).waitFor();
    for (const screen of [
      '/console/',
      `/console/campagnes/${campaignId}`,
      `/console/campagnes/${campaignId}/dossiers/${radiologie}`,
    ]) {
      await page.goto(`${amiflow.apiUrl}${screen}`);
      await page.getByRole('heading', { name: 'Accès réservé aux agents' }).waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
    }
    await expectAccessible('organisation-refusee');
  });
});

describe('the console, signing in through an OpenID Connect provider', () => {
  let provider: ChildProcess;
  let amiflow: RunningAmiflow;
  let browser: Browser;
  let issuer: string;

  beforeAll(async () => {
    // The provider must know the console's redirect URI, the API its issuer: ports first.
    const providerPort = await freePort();
    issuer = `http://127.0.0.1:${providerPort}`;
    [amiflow, browser] = await Promise.all([
      // The API alone (the worker of the suite above is gone; no workflow is needed here), with
      // the provider's keys instead of the development secret: production's configuration.
      startAmiflow({
        apiOnly: true,
        env: {
          AUTH_JWT_SECRET: '',
          AUTH_JWKS_URL: `${issuer}/jwks`,
          AUTH_ISSUER: issuer,
          AUTH_AUDIENCE: 'urn:amiflow:api',
          OIDC_ISSUER_URL: issuer,
          OIDC_CLIENT_ID: 'amiflow-console',
          OIDC_SCOPE: 'openid api',
        },
      }),
      launchBrowser(),
    ]);
    provider = await startProvider(providerPort, `${amiflow.apiUrl}/console/connexion/retour`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await amiflow?.stop();
    provider?.kill('SIGTERM');
  });

  it('passe par le fournisseur, revient avec un code échangé (PKCE), et l’API accepte le jeton', async () => {
    const page = await browser.newPage();
    await page.goto(`${amiflow.apiUrl}/console/`);
    // No development buttons: the API does not sign tokens itself.
    await page.getByRole('heading', { name: 'Agents du ministère' }).waitFor();
    expect(await page.getByRole('button', { name: 'Instructeur' }).count()).toBe(0);
    expect(
      (
        await fetch(`${amiflow.apiUrl}/auth/development-token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ role: 'operator' }),
        })
      ).status,
    ).toBe(404);
    await screenshot(page, 'connexion-oidc');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: "Se connecter avec le fournisseur d'identité" }).click();
    // The provider's own pages: login, then consent.
    await page.waitForURL((url) => url.origin === issuer);
    await page.locator('input[name="login"]').fill('agent-instructeur');
    await page.locator('input[name="password"]').fill('mot-de-passe');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    // Back in the console, signed in: the campaigns come from the API, which checked the token
    // against the provider's JWKS.
    await page.waitForURL(/\/console\/?$/);
    await page.getByRole('heading', { name: 'Campagnes', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.getByRole('link', { name: 'Instructeur', exact: true }).first().waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    const stored = await page.evaluate(() =>
      (
        globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }
      ).sessionStorage.getItem('amiflow.console.session'),
    );
    const { token } = JSON.parse(stored ?? '{}') as { token?: string };
    const campaigns = await fetch(`${amiflow.apiUrl}/campaigns`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(campaigns.status).toBe(200);
    expect(browser.problems).toEqual([]);
  });
});

/** The campaign page's table of dossiers (the deadline view is another table). */
function dossierTable(page: Page) {
  return page.getByRole('table', { name: /^Dossiers de la campagne/ });
}

/** Starts test/console/oidc-provider.mjs and resolves once it listens. */
function startProvider(port: number, redirectUri: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(__dirname, 'oidc-provider.mjs'), String(port), redirectUri],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The OpenID Connect provider did not start:\n${output}`));
    }, 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready ')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The OpenID Connect provider exited (${code}):\n${output}`));
    });
  });
}
