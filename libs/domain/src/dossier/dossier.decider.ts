import { DomainError } from '../errors/domain-error';
import { DomainErrorCode } from '../errors/domain-error-code';
import { DossierCommand } from './dossier.commands';
import { DossierEvent } from './dossier.events';
import { DossierState } from './dossier.state';

export function decideDossier(
  command: DossierCommand,
  state: DossierState,
  now: Date,
): DossierEvent[] {
  switch (command.type) {
    case 'CreateDossierDraft': {
      if (state.status !== 'NONE') {
        throw new DomainError(
          DomainErrorCode.DOSSIER_ALREADY_EXISTS,
          `L'organisation ${command.organisationId} a déjà un dossier pour cette campagne.`,
        );
      }
      const organisationName = command.organisationName.trim();
      if (organisationName === '') {
        throw new DomainError(
          DomainErrorCode.INVALID_COMMAND,
          "Le nom de l'organisation ne peut pas être vide.",
        );
      }
      return [
        {
          type: 'DossierDraftCreated',
          data: {
            campaignId: command.campaignId,
            organisationId: command.organisationId,
            organisationName,
            createdAt: now.toISOString(),
          },
        },
      ];
    }
    default:
      return assertNever(command.type);
  }
}

export function evolveDossier(_state: DossierState, event: DossierEvent): DossierState {
  switch (event.type) {
    case 'DossierDraftCreated':
      return { status: 'DRAFT', ...event.data };
    default:
      return assertNever(event.type);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
