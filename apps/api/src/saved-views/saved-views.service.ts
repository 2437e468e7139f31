import { SavedView, SavedViewStore } from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../errors/api-error';
import { SavedViewInput } from './dtos/saved-view.input';
import { SavedViewOutput, SavedViewsOutput } from './dtos/saved-view.output';
import { checkSavedViewQuery } from './saved-view-query';

/** A bound per user, so that one account cannot fill the table. */
export const MAX_SAVED_VIEWS = 50;

/** The console's saved views of the dossier list, each user's own (keyed by token subject). */
@Injectable()
export class SavedViewsService {
  constructor(@Inject(SavedViewStore) private readonly views: SavedViewStore) {}

  async list(subject: string): Promise<SavedViewsOutput> {
    return { items: (await this.views.list(subject)).map(toOutput) };
  }

  async put(subject: string, viewId: string, input: SavedViewInput): Promise<SavedViewOutput> {
    const saved = await this.views.put(
      subject,
      {
        viewId,
        name: input.name,
        campaignId: input.campaignId,
        query: checkSavedViewQuery(input.query),
        columns: input.columns ?? [],
      },
      MAX_SAVED_VIEWS,
    );
    if (!saved) {
      throw new ApiError(
        409,
        'TOO_MANY_SAVED_VIEWS',
        `Vous avez déjà ${MAX_SAVED_VIEWS} vues enregistrées : supprimez-en une d'abord.`,
      );
    }
    return toOutput(saved);
  }

  async delete(subject: string, viewId: string): Promise<void> {
    if (!(await this.views.delete(subject, viewId))) {
      throw new ApiError(404, 'SAVED_VIEW_NOT_FOUND', 'Vue enregistrée introuvable.');
    }
  }
}

function toOutput(view: SavedView): SavedViewOutput {
  return {
    viewId: view.viewId,
    name: view.name,
    campaignId: view.campaignId,
    query: view.query,
    columns: [...view.columns],
    updatedAt: view.updatedAt.toISOString(),
  };
}
