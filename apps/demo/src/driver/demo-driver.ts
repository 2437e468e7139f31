import { CampaignDefinition, referenceCampaign } from '@amiflow/domain';
import { compressCampaign, CompressedCampaign } from '../calendar/compress-campaign';
import { toRunTime } from '../calendar/time-scale';
import { castDemoOrganisations, DemoOrganisation, DemoRole } from '../scenario/demo-cast';
import { DemoStep, planDemoSteps } from '../scenario/demo-steps';
import { DEMO_REVIEWERS, DemoGateway, DemoRefusal } from '../actors/demo-gateway';
import { DemoReadModels } from '../read-models/demo-read-models';
import { chooseDemoThemes, demoTagId } from '../scenario/demo-theme-review';
import { calendarMoment, narrate, narrateThemeReview } from './demo-narration';

/** Time to create and publish the campaign before it opens. */
const DEFAULT_LEAD_MS = 5_000;
/** How long the operator waits for a dossier to reach screening before giving up on it. */
const SCREENING_WAIT_MS = 30_000;
const POLL_MS = 200;

export interface DemoOptions {
  readonly campaignId: string;
  readonly speed: number;
  readonly leadMs?: number;
}

export interface ScheduledStep extends DemoStep {
  /** When it happens in the run, ms since 1970. */
  readonly runAt: number;
}

/** The demo campaign, who plays in it and what each does when, in the run's time. */
export interface DemoPlan {
  readonly campaignId: string;
  readonly speed: number;
  readonly compressed: CompressedCampaign;
  readonly definition: CampaignDefinition;
  readonly roles: readonly DemoRole[];
  readonly steps: readonly ScheduledStep[];
}

export interface DemoOutcome {
  readonly consultationsScheduled: number;
  /** What did not go as the scenario says (an unexpected refusal, a failure): empty when all did. */
  readonly problems: readonly string[];
}

/**
 * The reference campaign compressed to open `leadMs` from `now`, cast from the directory, its
 * steps written in the 2019 calendar and placed in the run.
 */
export function planDemo(
  directory: readonly DemoOrganisation[],
  options: DemoOptions,
  now: number,
): DemoPlan {
  const original = referenceCampaign.definition;
  const compressed = compressCampaign(original, {
    speed: options.speed,
    opensAt: new Date(now + (options.leadMs ?? DEFAULT_LEAD_MS)),
  });
  // Every mail and screen says it: this campaign is a rehearsal, not the 2019 call itself.
  const definition = { ...compressed.definition, title: `${original.title} (démonstration)` };
  const roles = castDemoOrganisations(directory, original.eligibility);
  const steps = planDemoSteps(roles, original).map((step) => ({
    ...step,
    runAt: toRunTime(compressed.scale, step.at).getTime(),
  }));
  return {
    campaignId: options.campaignId,
    speed: options.speed,
    compressed,
    definition,
    roles,
    steps,
  };
}

/**
 * Plays the plan against amiflow: creates and publishes the campaign, then has each organisation
 * (and the operator) act at its steps' times, one after the other for each of them, all of them
 * side by side. Resolves once the campaign has started its consultations and planned them.
 */
export async function runDemo(
  plan: DemoPlan,
  gateway: DemoGateway,
  readModels: DemoReadModels,
  log: (line: string) => void,
): Promise<DemoOutcome> {
  const { campaignId, definition } = plan;
  const zone = definition.timeZone;
  const problems: string[] = [];
  const span =
    Date.parse(definition.calendar.consultationsStartAt) - Date.parse(definition.calendar.opensAt);
  log(
    `Creating ${campaignId}: the 2019 calendar ${plan.speed.toLocaleString('en')} times faster ` +
      `(opening to consultations in ${duration(span)}), ${plan.roles.length} organisations, ` +
      `through ${gateway.route}`,
  );
  for (const { ruleId, reason } of plan.compressed.droppedReminders) {
    log(`Reminder ${ruleId} left out of the demo: ${reason}`);
  }
  await gateway.createCampaign(campaignId, definition).catch((error: unknown) => {
    if (!(error instanceof DemoRefusal)) throw error;
    // The database is empty but Temporal remembers the campaign: its state outlived the database.
    throw new Error(
      `could not create ${campaignId} (${error.code}: « ${error.message} »); if Temporal still ` +
        'holds it from an earlier run, delete .data/ too or set DEMO_CAMPAIGN_ID',
    );
  });
  await gateway.publishCampaign(campaignId);
  const opensIn = Math.round((Date.parse(definition.calendar.opensAt) - Date.now()) / 1000);
  log(
    `Published; it opens in ${opensIn} s, as ${calendarMoment(referenceCampaign.definition.calendar.opensAt, zone)} ` +
      'did in 2019 (the times shown below are the 2019 calendar’s)',
  );

  const perform = async (step: ScheduledStep): Promise<void> => {
    const { organisation } = step.role;
    const { action } = step;
    switch (action.type) {
      case 'RegisterForMeeting':
        return gateway.registerForMeeting(campaignId, organisation);
      case 'CreateDraft':
        return gateway.createDraft(campaignId, organisation);
      case 'SaveAnswers':
        return gateway.saveAnswers(campaignId, organisation.organisationId, action.answers);
      case 'Submit':
        return gateway.submit(campaignId, organisation.organisationId);
      case 'RecordScreeningResult': {
        const state = await awaitScreening(readModels, campaignId, organisation.organisationId);
        if (state !== 'UNDER_SCREENING') {
          throw new Error(
            `${organisation.organisationId} is ${state ?? 'missing'}, not under screening`,
          );
        }
        await reviewBeforeDeciding(gateway, plan, organisation.organisationId, action.result);
        log(await tagThemesBeforeDeciding(gateway, plan, step));
        return gateway.recordScreeningResult(
          campaignId,
          organisation.organisationId,
          action.result,
          action.note,
        );
      }
    }
  };

  const play = async (step: ScheduledStep): Promise<void> => {
    await sleep(step.runAt - Date.now());
    const expectsRefusal = step.action.type === 'Submit' && step.action.late;
    try {
      await perform(step);
      log(narrate(step, zone));
      if (expectsRefusal) problems.push(`${narrate(step, zone)}: accepted, though late`);
    } catch (error) {
      if (!(error instanceof DemoRefusal)) {
        const line = `${narrate(step, zone)} -> failed: ${(error as Error).message}`;
        log(line);
        problems.push(line);
        return;
      }
      log(narrate(step, zone, error));
      if (!expectsRefusal) problems.push(narrate(step, zone, error));
    }
  };

  const chains = new Map<string, ScheduledStep[]>();
  for (const step of plan.steps) {
    const actor = step.actor === 'operator' ? 'operator' : step.role.organisation.organisationId;
    chains.set(actor, [...(chains.get(actor) ?? []), step]);
  }
  await Promise.all(
    [...chains.values()].map(async (chain) => {
      for (const step of chain) await play(step);
    }),
  );

  const consultationsScheduled = await awaitConsultations(plan, readModels);
  if (consultationsScheduled === 0) problems.push('no consultation was scheduled');
  return { consultationsScheduled, problems };
}

/**
 * The demo's two reviewers are named on the dossier and score it on the campaign's grid before the
 * operator decides, in the direction of the decision (high for a shortlisted dossier, low
 * otherwise) and a point apart, so that the best proposals and the weighted scores fill as the
 * demo plays. Nothing when the campaign has no grid.
 */
async function reviewBeforeDeciding(
  gateway: DemoGateway,
  plan: DemoPlan,
  organisationId: string,
  result: 'SHORTLISTED' | 'NOT_RETAINED',
): Promise<void> {
  const grid = plan.definition.evaluationGrid;
  if (!grid) return;
  await gateway.assignReviewers(plan.campaignId, organisationId, DEMO_REVIEWERS);
  for (const [index, reviewerId] of DEMO_REVIEWERS.entries()) {
    const scores = grid.criteria.map((criterion) => {
      const { min, max } = criterion.scale;
      const score = result === 'SHORTLISTED' ? max - index : min + index;
      return {
        criterionId: criterion.id,
        score: Math.min(max, Math.max(min, score)),
        comment:
          result === 'SHORTLISTED'
            ? `« ${criterion.label} » : réponse solide, à approfondir en entretien.`
            : `« ${criterion.label} » : réponse trop générale à ce stade.`,
      };
    });
    await gateway.scoreDossier(plan.campaignId, organisationId, reviewerId, scores);
  }
}

/**
 * The demo's first reviewer reads the dossier's theme suggestions and accepts the good ones,
 * rejecting the weakest (chooseDemoThemes), before the operator decides (a dossier not retained
 * takes no more tags), so that the synthesis's themes and common demands fill as the demo plays.
 * A tag that exists already (`THEME_TAG_ALREADY_EXISTS`, a restart) is no failure: the demo
 * wanted it there. The log line says what was accepted and rejected.
 */
async function tagThemesBeforeDeciding(
  gateway: DemoGateway,
  plan: DemoPlan,
  step: ScheduledStep,
): Promise<string> {
  const { campaignId } = plan;
  const { organisationId } = step.role.organisation;
  const [reviewerId] = DEMO_REVIEWERS;
  const suggestions = await gateway.themeSuggestions(campaignId, organisationId, reviewerId);
  const { accepted, rejected } = chooseDemoThemes(suggestions);
  for (const suggestion of accepted) {
    await gateway
      .acceptThemeSuggestion(
        campaignId,
        organisationId,
        reviewerId,
        demoTagId(suggestion),
        suggestion,
      )
      .catch((error: unknown) => {
        if (error instanceof DemoRefusal && error.code === 'THEME_TAG_ALREADY_EXISTS') return;
        throw error;
      });
  }
  for (const suggestion of rejected) {
    await gateway.rejectThemeSuggestion(campaignId, organisationId, reviewerId, suggestion);
  }
  return narrateThemeReview(step, plan.definition.timeZone, reviewerId, accepted, rejected);
}

/** The dossier's state once screening has begun for it, or as it stands after the wait. */
async function awaitScreening(
  readModels: DemoReadModels,
  campaignId: string,
  organisationId: string,
): Promise<string | undefined> {
  const deadline = Date.now() + SCREENING_WAIT_MS;
  for (;;) {
    const state = await readModels.dossierState(campaignId, organisationId);
    if (state === 'UNDER_SCREENING' || Date.now() > deadline) return state;
    await sleep(POLL_MS);
  }
}

/** Waits for the consultations phase and its planning; how many consultations it scheduled. */
async function awaitConsultations(plan: DemoPlan, readModels: DemoReadModels): Promise<number> {
  const { campaignId, definition } = plan;
  const deadline = Date.parse(definition.calendar.consultationsStartAt) + 60_000;
  for (;;) {
    const progress = await readModels.progress(campaignId);
    const planned =
      progress.phase === 'CONSULTATIONS' && (progress.dossiersByState.SHORTLISTED ?? 0) === 0;
    if (planned || Date.now() > deadline) {
      return progress.dossiersByState.CONSULTATION_SCHEDULED ?? 0;
    }
    await sleep(POLL_MS);
  }
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
