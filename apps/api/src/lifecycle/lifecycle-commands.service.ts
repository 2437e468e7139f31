import {
  Actor,
  campaignCommandUpdate,
  CampaignSnapshot,
  campaignWorkflowId,
  dossierCommandUpdate,
  DossierSnapshot,
  dossierWorkflowId,
} from '@amiflow/contracts';
import { AppConfig } from '@amiflow/config';
import { CampaignCommand, DomainError, DossierCommand, refusals } from '@amiflow/domain';
import { sendCampaignCommand, sendDossierCommand } from '@amiflow/lifecycle-client';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DossierPageCache } from '../dossiers/list-cache/dossier-page-cache';
import { resendUntilDecided } from './resend-until-decided';
import { rethrowAsDomainError } from './workflow-failure';

export interface CommandContext {
  readonly actor: Actor;
  readonly correlationId: string;
}

/**
 * Commands to the lifecycles. The first command of a lifecycle starts its workflow (update with
 * start); every later one goes to a workflow that must already run, so a mistyped key never
 * starts a lifecycle, and one that has ended answers that it has ended. Each command is sent
 * under one update ID, again after a call that timed out, for up to `COMMAND_WAIT_SECONDS`.
 * Once a command returns (decided, refused or given up), the campaign's cached list pages are
 * forgotten: this caller's next read shows what it did, before PostgreSQL's notification of the
 * write reaches this process.
 */
@Injectable()
export class LifecycleCommands {
  private readonly waitMs: number;

  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(AppConfig) config: AppConfig,
    @Inject(DossierPageCache) private readonly listCache: DossierPageCache,
  ) {
    this.waitMs = config.api.commandWaitMs;
  }

  startCampaign(
    campaignId: string,
    command: CampaignCommand,
    context: CommandContext,
  ): Promise<CampaignSnapshot> {
    return resendUntilDecided(
      (updateId) =>
        sendCampaignCommand(this.temporal, campaignId, { command, ...context }, updateId),
      this.waitMs,
    )
      .catch((error: unknown) => rethrowAsDomainError(error, refusals.campaignEnded))
      .finally(() => this.forgetPages(campaignId));
  }

  campaign(
    campaignId: string,
    command: CampaignCommand,
    context: CommandContext,
  ): Promise<CampaignSnapshot> {
    const handle = this.temporal.workflow.getHandle(campaignWorkflowId(campaignId));
    return resendUntilDecided(
      (updateId) =>
        handle.executeUpdate(campaignCommandUpdate, { args: [{ command, ...context }], updateId }),
      this.waitMs,
    )
      .catch((error: unknown) => rethrowAsDomainError(ended(error, refusals.campaignFinished())))
      .finally(() => this.forgetPages(campaignId));
  }

  startDossier(
    campaignId: string,
    organisationId: string,
    command: DossierCommand,
    context: CommandContext,
  ): Promise<DossierSnapshot> {
    return resendUntilDecided(
      (updateId) =>
        sendDossierCommand(
          this.temporal,
          campaignId,
          organisationId,
          { command, ...context },
          updateId,
        ),
      this.waitMs,
    )
      .catch((error: unknown) => rethrowAsDomainError(error))
      .finally(() => this.forgetPages(campaignId));
  }

  dossier(
    campaignId: string,
    organisationId: string,
    command: DossierCommand,
    context: CommandContext,
  ): Promise<DossierSnapshot> {
    const handle = this.temporal.workflow.getHandle(dossierWorkflowId(campaignId, organisationId));
    return resendUntilDecided(
      (updateId) =>
        handle.executeUpdate(dossierCommandUpdate, { args: [{ command, ...context }], updateId }),
      this.waitMs,
    )
      .catch((error: unknown) => rethrowAsDomainError(ended(error, refusals.dossierClosed())))
      .finally(() => this.forgetPages(campaignId));
  }

  private forgetPages(campaignId: string): void {
    this.listCache.changed([campaignId]);
  }
}

/**
 * A command to a lifecycle that has ended. Its stream in the event store still says why the
 * command comes too late (a draft expired at its deadline…): callers that can read it give that
 * reason instead of this one.
 */
export class LifecycleEndedError extends DomainError {
  constructor(refusal: DomainError) {
    super(refusal.code, refusal.message, refusal.details);
  }
}

/**
 * The callers check the read model first, so a workflow that cannot be found has ended (its
 * lifecycle reached a final state): the command comes too late.
 */
function ended(error: unknown, refusal: DomainError): unknown {
  return error instanceof WorkflowNotFoundError ? new LifecycleEndedError(refusal) : error;
}
