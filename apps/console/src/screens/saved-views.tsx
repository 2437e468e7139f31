import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent } from 'react';
import { Link } from 'react-router';
import { api, text } from '../api/client';
import type { SavedView } from '../api/types';
import { chosenColumns, urlOfView, viewIdOf } from './campaign-views';
import { campaignPath } from './campaign-nav';
import { Problem } from './problems';

/**
 * The operator's saved views of this campaign's dossiers (GET/PUT/DELETE /me/views): each opens
 * the page on its tab, filters, sort and columns; the form saves what the page shows now under a
 * name (the same name again: replaced).
 */
export function SavedViews({
  campaignId,
  timeZone,
  apiQuery,
  columns,
  enabled = true,
}: {
  /** False until the page's table is drawn: its requests go first. */
  enabled?: boolean;
  campaignId: string;
  timeZone: string;
  /** The list's API query for what the page shows now. */
  apiQuery: string;
  columns: readonly string[];
}) {
  const queryClient = useQueryClient();
  const views = useQuery({
    queryKey: ['saved-views'],
    queryFn: () => api<{ items: SavedView[] }>('GET', '/me/views'),
    refetchInterval: false,
    enabled,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['saved-views'] });
  const save = useMutation({
    mutationFn: (name: string) =>
      api<SavedView>('PUT', `/me/views/${viewIdOf(name)}`, {
        name,
        campaignId,
        query: apiQuery,
        columns: chosenColumns(columns.join(',')),
      }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (viewId: string) => api<void>('DELETE', `/me/views/${viewId}`),
    onSuccess: refresh,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = text(new FormData(event.currentTarget), 'nom-de-vue').trim();
    if (name) save.mutate(name);
  };
  const mine = (views.data?.items ?? []).filter((view) => view.campaignId === campaignId);
  return (
    <section aria-labelledby="vues-enregistrees" className="fr-mb-3w">
      <h3 id="vues-enregistrees" className="fr-h6 fr-mb-1w">
        Mes vues enregistrées
      </h3>
      {views.error ? <Problem error={views.error} /> : null}
      {views.data && mine.length === 0 ? (
        <p className="fr-text--sm fr-mb-1w">Aucune vue enregistrée pour cette campagne.</p>
      ) : null}
      {mine.length > 0 ? (
        <ul className="fr-mb-1w">
          {mine.map((view) => (
            <li key={view.viewId}>
              <Link to={`${campaignPath(campaignId)}?${urlOfView(view, timeZone).toString()}`}>
                {view.name}
              </Link>{' '}
              <Button
                priority="tertiary no outline"
                size="small"
                iconId="fr-icon-delete-line"
                nativeButtonProps={{ 'aria-label': `Supprimer la vue « ${view.name} »` }}
                onClick={() => remove.mutate(view.viewId)}
                disabled={remove.isPending}
              >
                Supprimer
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={submit} className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-5">
          <Input
            label="Nom de la vue"
            hintText="Le même nom remplace la vue qui le porte."
            nativeInputProps={{ name: 'nom-de-vue', required: true, maxLength: 100 }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Button type="submit" priority="secondary" disabled={save.isPending}>
            Enregistrer la vue actuelle
          </Button>
        </div>
      </form>
      {save.error ? <Problem error={save.error} /> : null}
      {remove.error ? <Problem error={remove.error} /> : null}
      {save.isSuccess ? (
        <p className="fr-text--sm fr-mt-1w" role="status">
          Vue « {save.data.name} » enregistrée.
        </p>
      ) : null}
    </section>
  );
}
