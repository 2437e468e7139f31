import { fromLocalDateTime } from '@amiflow/domain';
import { openCampaignDefinition } from '@amiflow/domain/testing';
import { Page } from 'playwright-core';
import { RunningAmiflow, startAmiflow } from '../support/amiflow-processes';
import { ApiClient } from '../support/api-client';
import {
  addressOf,
  admin,
  eventually,
  LifecycleHarness,
  until,
} from '../support/lifecycle-harness';
import { tokenFor } from '../support/tokens';
import { Browser, launchBrowser, screenshot, seriousAccessibilityViolations } from './browser';

// Each step waits for what the operator would see; the page's own polling brings the workflow's
// moves (every 5 s), so the steps that wait on time or on the workflow wait longer.
jest.setTimeout(60_000);

const SECOND = 1000;
const ZONE = 'Europe/Paris';
const run = Date.now().toString(36);
const campaignId = `ami-decisions-${run}`;
// In the directory as a CNP: the automatic check finds it eligible.
const organisationId = `cnp-dermatologie-${run}`;
const organisationName = `CNP de dermatologie ${run}`;
const dossierPath = `/campaigns/${campaignId}/dossiers/${organisationId}`;

/** The calendar day in Paris `days` from now (`YYYY-MM-DD`). */
function parisDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(
    new Date(Date.now() + days * 24 * 3600 * SECOND),
  );
}

/** That day as a French operator types it: jj/mm/aaaa. */
function typed(day: string): string {
  const [year, month, dayOfMonth] = day.split('-');
  return `${dayOfMonth}/${month}/${year}`;
}

/** « 3 décembre 2026 », « 1er décembre 2026 »: the way the page writes that day. */
function frenchDay(day: string): string {
  const written = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${day}T12:00:00Z`));
  return written.replace(/^1 /, '1er ');
}

describe('the dossier page, as an operator takes it from screening to closing', () => {
  let amiflow: RunningAmiflow;
  let harness: LifecycleHarness;
  let browser: Browser;
  let page: Page;
  let operator: ApiClient;
  let organisation: ApiClient;
  let deadline: number;
  let consultationsStartAt: number;
  const tomorrow = parisDay(1);

  beforeAll(async () => {
    [amiflow, harness, browser] = await Promise.all([
      startAmiflow(),
      LifecycleHarness.open(),
      launchBrowser(),
    ]);
    operator = new ApiClient(amiflow.apiUrl, await tokenFor('operator'));
    organisation = new ApiClient(
      amiflow.apiUrl,
      await tokenFor('organisation', { organisationId }),
    );
    // Deadline in 45 s: time to submit and look at the dossier before its screening starts.
    // Consultations by hand only (no planner settings), from 5 s after the deadline.
    const now = new Date();
    deadline = now.getTime() + 45 * SECOND;
    consultationsStartAt = deadline + 5 * SECOND;
    const definition = {
      ...openCampaignDefinition(now, {
        meetingRegistrationDeadline: 4 * SECOND,
        meetingStartsAt: 4 * SECOND,
        meetingEndsAt: 5 * SECOND,
        submissionDeadline: 45 * SECOND,
        consultationsStartAt: 50 * SECOND,
      }),
      reminders: [],
      consultations: undefined,
    };
    await harness.campaign(campaignId, {
      type: 'CreateCampaign',
      campaignId,
      definition,
      actor: admin,
    });
    await harness.campaign(campaignId, { type: 'PublishCampaign', actor: admin });
    await eventually('the campaign to open', async () =>
      (await harness.campaignPhase(campaignId)) === 'OPEN' ? true : undefined,
    );
    await harness.register({
      organisationId,
      name: organisationName,
      type: 'CNP',
      email: addressOf(organisationId),
    });
    const steps = [
      await organisation.call('POST', `/campaigns/${campaignId}/dossiers`, {
        organisationId,
        organisationName,
        organisationType: 'CNP',
        profession: 'dermatologie',
      }),
      await organisation.call('PUT', `${dossierPath}/answers`, {
        answers: {
          organisation: 'Conseil national professionnel de dermatologie.',
          freins: 'Les images de peau sont peu partagées.\nEt rarement annotées.',
        },
      }),
      await organisation.call('POST', `${dossierPath}/submit`),
    ];
    for (const step of steps) {
      if (step.status >= 300) throw new Error(`${step.status} ${JSON.stringify(step.body)}`);
    }
    await eventually('the dossier to be eligible', async () =>
      (await harness.dossierState(campaignId, organisationId)) === 'ELIGIBLE' ? true : undefined,
    );
    page = await browser.newPage();
    await page.goto(`${amiflow.apiUrl}/console/`);
    await page.getByRole('button', { name: 'Instructeur' }).click();
    await page.getByRole('heading', { name: 'Campagnes', level: 1 }).waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await amiflow?.stop();
    await harness?.close();
  });

  afterEach(async () => {
    // What the page showed at the end of each step, to look at when one failed.
    const step = expect.getState().currentTestName ?? 'étape';
    await screenshot(page, `dossier-fin-${step.slice(-40).replace(/[^a-zà-ÿ0-9]+/gi, '-')}`);
    expect(browser.problems).toEqual([]);
  });

  async function expectAccessible(name: string) {
    await screenshot(page, name);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  const state = () => page.getByTestId('etat-dossier');
  const history = () => page.getByRole('list', { name: 'Historique du dossier' });
  const decisions = () => page.getByRole('navigation', { name: 'Décisions possibles' });

  it('ouvre le dossier : les réponses par section, les sans-réponse marqués, pas encore d’instruction', async () => {
    await page.goto(`${amiflow.apiUrl}/console/campagnes/${campaignId}/dossiers/${organisationId}`);
    await page.getByRole('heading', { name: organisationName, level: 1 }).waitFor();
    await state().getByText('Recevable').waitFor();
    const answers = page.getByRole('region', { name: 'Réponses au questionnaire' });
    const { sections } = openCampaignDefinition(new Date());
    // Every section of the questionnaire, in its order, numbered.
    const headings = answers.getByRole('heading', { level: 3 });
    await headings.nth(sections.length - 1).waitFor();
    expect(await headings.allTextContents()).toEqual(
      sections.map(
        (section, index) =>
          `${index + 1}. ${section.title}${section.required ? ' (obligatoire)' : ''}`,
      ),
    );
    await answers.getByText('Les images de peau sont peu partagées.').waitFor();
    expect(await answers.getByText('Sans réponse').count()).toBe(sections.length - 2);
    // Before the deadline the organisation may still amend: no screening yet.
    expect(await decisions().getByRole('link').allTextContents()).toEqual([
      'Décider de la recevabilité',
      'Demander une précision',
    ]);
    expect(
      await page.getByRole('form', { name: "Enregistrer le résultat de l'instruction" }).count(),
    ).toBe(0);
    await expectAccessible('dossier-reponses');
  });

  it('sans recharger, voit le dossier passer en instruction à la date limite', async () => {
    await state()
      .getByText('En instruction')
      .waitFor({ timeout: deadline - Date.now() + 30 * SECOND });
    await page.getByRole('form', { name: "Enregistrer le résultat de l'instruction" }).waitFor();
    await history().getByText('Instruction commencée').waitFor();
  });

  it('demande une précision ; la réponse de l’organisation apparaît sans recharger', async () => {
    const form = page.getByRole('form', { name: 'Demander une précision' });
    await form
      .getByLabel("Question à l'organisation")
      .fill('Combien de dermatologues représentez-vous ?');
    await form.getByRole('button', { name: 'Envoyer la demande' }).click();
    await history()
      .getByText(/« Combien de dermatologues représentez-vous \? »/)
      .waitFor();
    // One question at a time: the form goes until it is answered.
    await form.waitFor({ state: 'detached' });

    const answered = await organisation.call(
      'POST',
      `${dossierPath}/clarifications/precisions-1/answer`,
      { answer: 'Quatre mille deux cents.' },
    );
    expect(answered.status).toBe(200);
    await history()
      .getByText('Précisions apportées')
      .waitFor({ timeout: 15 * SECOND });
    await page
      .getByText(/« Quatre mille deux cents\. »/)
      .first()
      .waitFor();
    await page.getByRole('form', { name: 'Demander une précision' }).waitFor();
  });

  it('enregistre le résultat de l’instruction : retenu pour une audition', async () => {
    const form = page.getByRole('form', { name: "Enregistrer le résultat de l'instruction" });
    await form.getByRole('radio', { name: 'Retenu pour une audition' }).check({ force: true });
    await form.getByLabel('Note interne (facultative)').fill('Très pertinent.');
    await expectAccessible('dossier-instruction-formulaires-ouverts');
    await form.getByRole('button', { name: 'Enregistrer le résultat' }).click();
    await form
      .getByRole('group', { name: /^Enregistrer « Retenu pour une audition » \?/ })
      .getByRole('button', { name: 'Confirmer : enregistrer le résultat' })
      .click();
    await state().getByText('Retenu pour audition').waitFor();
    await page.getByTestId('resultat-instruction').getByText('Retenu pour une audition').waitFor();
    await history().getByText("Résultat de l'instruction").waitFor();
    await page.getByRole('form', { name: "Fixer l'audition" }).waitFor();
  });

  it('une audition fixée dans le passé : le refus de l’API est dit en place, dans ses mots', async () => {
    const form = page.getByRole('form', { name: "Fixer l'audition" });
    // A day typed the American way is not sent: what to correct is said in French.
    await form.getByLabel("Jour de l'audition").fill('12/31/2026');
    await form.getByLabel('Heure de début (heure de Paris)').fill('10:00');
    await form.getByLabel('Heure de fin (heure de Paris)').fill('11:00');
    await form.getByLabel('Lieu').fill('Ministère, salle Ségur');
    await form.getByRole('button', { name: "Fixer l'audition" }).click();
    await form
      .getByText('Début : indiquez un jour (jj/mm/aaaa) et une heure (hh:mm) qui existent.')
      .waitFor();
    // Yesterday, the French way: sent, and refused by the API in its own words.
    await form.getByLabel("Jour de l'audition").fill(typed(parisDay(-1)));
    await form.getByRole('button', { name: "Fixer l'audition" }).click();
    await form.getByText('La consultation doit être fixée dans le futur.').waitFor();
    await expectAccessible('dossier-refus-en-place');
  });

  it('fixe l’audition demain à 10 h, heure de Paris, puis la déplace à 14 h', async () => {
    await until(consultationsStartAt);
    const form = page.getByRole('form', { name: "Fixer l'audition" });
    await form.getByLabel("Jour de l'audition").fill(typed(tomorrow));
    await form.getByLabel('Heure de début (heure de Paris)').fill('10:00');
    await form.getByLabel('Heure de fin (heure de Paris)').fill('11:00');
    await form.getByLabel('Lieu').fill('Ministère, salle Ségur');
    await form.getByRole('button', { name: "Fixer l'audition" }).click();
    await state().getByText('Audition fixée').waitFor();
    await page
      .getByTestId('audition')
      .getByText(`${frenchDay(tomorrow)} de 10 h 00 à 11 h 00, heure de Paris`)
      .waitFor();
    // What was typed in Paris time reached the API as the UTC instant it means.
    const read = (await operator.call('GET', dossierPath)).body as {
      consultation: { startsAt: string; endsAt: string };
    };
    expect(read.consultation).toMatchObject({
      startsAt: fromLocalDateTime(`${tomorrow}T10:00`, ZONE).toISOString(),
      endsAt: fromLocalDateTime(`${tomorrow}T11:00`, ZONE).toISOString(),
    });

    const move = page.getByRole('form', { name: "Déplacer l'audition" });
    // The form holds the consultation as it stands, in Paris time.
    expect(await move.getByLabel("Jour de l'audition").inputValue()).toBe(typed(tomorrow));
    expect(await move.getByLabel('Heure de début (heure de Paris)').inputValue()).toBe('10:00');
    // Typed the French way, « 14h00 », it is understood too.
    await move.getByLabel('Heure de début (heure de Paris)').fill('14h00');
    await move.getByLabel('Heure de fin (heure de Paris)').fill('15:00');
    await move.getByRole('button', { name: "Déplacer l'audition" }).click();
    const followed = page.getByRole('list', { name: 'Suivi des auditions' });
    await followed
      .getByText(new RegExp(`^Déplacée au ${frenchDay(tomorrow)} de 14 h 00`))
      .waitFor();
    await followed.getByText(new RegExp(`^Fixée au ${frenchDay(tomorrow)} de 10 h 00`)).waitFor();
    expect(await history().getByText('Audition fixée', { exact: true }).count()).toBe(2);
  });

  it('annule l’audition avec son motif, puis en fixe une autre', async () => {
    const cancel = page.getByRole('form', { name: "Annuler l'audition" });
    await cancel.getByLabel("Motif de l'annulation").fill('Salle indisponible.');
    await cancel.getByRole('button', { name: "Annuler l'audition" }).click();
    await cancel.getByRole('button', { name: "Confirmer : annuler l'audition" }).click();
    await state().getByText('Retenu pour audition').waitFor();
    await page
      .getByRole('list', { name: 'Suivi des auditions' })
      .getByText(/^Annulée .*« Salle indisponible\. »/)
      .waitFor();
    await history().getByText('Audition annulée').waitFor();

    const form = page.getByRole('form', { name: "Fixer l'audition" });
    await form.getByLabel("Jour de l'audition").fill(typed(tomorrow));
    await form.getByLabel('Heure de début (heure de Paris)').fill('16:00');
    await form.getByLabel('Heure de fin (heure de Paris)').fill('17:00');
    await form.getByLabel('Lieu').fill('Ministère, salle Laroque');
    await form.getByRole('button', { name: "Fixer l'audition" }).click();
    await state().getByText('Audition fixée').waitFor();
  });

  it('une collègue avance l’audition à maintenant : la page suit, et le compte rendu s’enregistre', async () => {
    const { consultation } = (await operator.call('GET', dossierPath)).body as {
      consultation: { consultationId: string; place: string };
    };
    const startsAt = Date.now() + 3 * SECOND;
    const moved = await operator.call('PUT', `${dossierPath}/consultation`, {
      consultationId: consultation.consultationId,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 3600 * SECOND).toISOString(),
      place: consultation.place,
    });
    expect(moved.status).toBe(200);
    // No outcome before it begins; the form comes by itself once it has.
    const form = page.getByRole('form', { name: "Enregistrer le compte rendu de l'audition" });
    await form.waitFor({ timeout: 20 * SECOND });
    await form.getByLabel('Compte rendu').fill('Besoin d’une base d’images annotées.');
    await form
      .getByRole('checkbox', {
        name: /^Investissement pour constituer des bases de données ouvertes/,
      })
      .check({ force: true });
    await expectAccessible('dossier-audition-formulaires-ouverts');
    await form.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    await form.getByRole('button', { name: 'Confirmer : enregistrer le compte rendu' }).click();
    await state().getByText('Auditionné').waitFor();
    await page.getByText('Besoin d’une base d’images annotées.', { exact: true }).waitFor();
    await page
      .getByRole('list', { name: 'Formes de soutien retenues' })
      .getByText(/^Investissement pour constituer des bases de données ouvertes/)
      .waitFor();
    await history().getByText('Audition tenue').waitFor();
  });

  it('prévoit une suite, la marque faite, puis clôt le dossier', async () => {
    // Nothing to close yet? It can be closed now, but a follow-up comes first.
    const plan = page.getByRole('form', { name: 'Prévoir une suite' });
    await plan.getByLabel('Intitulé').fill('Préparer la convention de données');
    await plan.getByLabel('Responsable').fill('Bureau de la e-santé');
    await plan.getByLabel(/^Échéance/).fill(typed(parisDay(7)));
    await plan.getByRole('button', { name: 'Prévoir la suite' }).click();
    await state().getByText('Suivi').waitFor();
    const table = page.getByRole('table', { name: 'Suites à donner' });
    await table.getByRole('cell', { name: 'Bureau de la e-santé' }).waitFor();
    await table.getByText(`${frenchDay(parisDay(7))} à 18 h 00, heure de Paris`).waitFor();
    await history().getByText('Suite prévue').waitFor();
    // Closing waits for the follow-up.
    expect(await page.getByRole('form', { name: 'Clore le dossier' }).count()).toBe(0);

    await table
      .getByRole('button', { name: 'Marquer comme faite : Préparer la convention de données' })
      .click();
    await table.getByRole('button', { name: 'Confirmer : marquer comme faite' }).click();
    await table.getByText(/^Faite le /).waitFor();
    await history().getByText('Suite réalisée').waitFor();

    const close = page.getByRole('form', { name: 'Clore le dossier' });
    await close.getByRole('button', { name: 'Clore le dossier' }).click();
    await close
      .getByRole('group', { name: "Clore le dossier ? Il n'acceptera plus aucune décision." })
      .waitFor();
    await expectAccessible('dossier-clore-confirmation');
    await close.getByRole('button', { name: 'Confirmer : clore le dossier' }).click();
    await state().getByText('Clos').waitFor();
    await history().getByText('Dossier clos').waitFor();
    await decisions()
      .getByText("Aucune : le dossier n'attend pas de décision d'un agent.")
      .waitFor();
    expect(await page.getByRole('form').count()).toBe(0);
    await expectAccessible('dossier-clos');
  });
});
