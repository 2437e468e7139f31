import { actorName } from '@amiflow/contracts/labels';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { DossierThemes } from '../../api/types';
import { formatInstant } from '../../format/dates';
import { Problem } from '../problems';

type Suggestion = DossierThemes['suggestions'][number];

/**
 * « Thèmes des demandes »: the passages of the answers tagged with the campaign's demand themes,
 * and the text analysis's suggestions (a theme, its score, the passage and the words that
 * matched), each to accept — it becomes a tag — or reject (`GET …/themes`, `POST
 * …/themes/suggestions/accept|reject`). The API refuses tags on a draft and on a dossier whose
 * workflow has ended: its French refusal shows above the suggestions.
 */
export function DossierThemesSection({
  base,
  zone,
  sectionTitle,
}: {
  base: string;
  zone: string;
  /** A section's title from its id (the campaign's questionnaire). */
  sectionTitle: (sectionId: string) => string;
}) {
  const client = useQueryClient();
  const themes = useQuery({
    queryKey: ['dossier-themes', base],
    queryFn: () => api<DossierThemes>('GET', `${base}/themes`),
  });
  const decide = useMutation({
    mutationFn: ({ suggestion, accept }: { suggestion: Suggestion; accept: boolean }) =>
      accept
        ? api<DossierThemes>('POST', `${base}/themes/suggestions/accept`, {
            // The same suggestion accepted twice is the same tag (the API changes nothing).
            tagId: `suggestion-${suggestion.sectionId}-${suggestion.themeId}-${suggestion.passage.start}-${suggestion.passage.end}`,
            sectionId: suggestion.sectionId,
            start: suggestion.passage.start,
            end: suggestion.passage.end,
            themeId: suggestion.themeId,
            score: suggestion.score,
          })
        : api<DossierThemes>('POST', `${base}/themes/suggestions/reject`, {
            sectionId: suggestion.sectionId,
            themeId: suggestion.themeId,
          }),
    onSuccess: (answer) => client.setQueryData(['dossier-themes', base], answer),
  });
  const data = themes.data;
  const themeLabel = (themeId: string) =>
    data?.themes.find((theme) => theme.themeId === themeId)?.label ?? themeId;
  return (
    <section aria-labelledby="themes-titre">
      <h2 id="themes-titre" className="fr-mt-4w">
        Thèmes des demandes
      </h2>
      {themes.error ? <Problem error={themes.error} /> : null}
      {decide.error ? <Problem error={decide.error} /> : null}
      {data ? (
        <>
          <h3 className="fr-h6 fr-mb-1w">Passages étiquetés</h3>
          {data.tags.length === 0 ? <p>Aucun passage étiqueté.</p> : null}
          <ul aria-label="Passages étiquetés">
            {data.tags.map((tag) => (
              <li key={tag.tagId} className="fr-mb-1w">
                {tag.themeIds.map((themeId) => (
                  <Tag key={themeId} small className="fr-mr-1w">
                    {themeLabel(themeId)}
                  </Tag>
                ))}
                <q>{tag.quote}</q> — {sectionTitle(tag.sectionId)}, par {actorName(tag.by)}, le{' '}
                {formatInstant(tag.taggedAt, zone)}
              </li>
            ))}
          </ul>
          <h3 className="fr-h6 fr-mb-1w">Suggestions de l'analyse des réponses</h3>
          {data.suggestions.length === 0 ? <p>Aucune suggestion.</p> : null}
          <ul aria-label="Suggestions de thèmes">
            {data.suggestions.map((suggestion) => (
              <li
                key={`${suggestion.sectionId}-${suggestion.themeId}-${suggestion.passage.start}`}
                className="fr-mb-2w"
              >
                <strong>{suggestion.label}</strong> (score{' '}
                {suggestion.score.toLocaleString('fr-FR', { maximumFractionDigits: 2 })}) —{' '}
                {sectionTitle(suggestion.sectionId)} : <q>{suggestion.passage.text}</q>
                {suggestion.words.length ? (
                  <div className="fr-text--sm fr-mb-1w">
                    Mots reconnus : {suggestion.words.map((word) => word.text).join(', ')}
                  </div>
                ) : null}
                <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                  <Button
                    size="small"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ suggestion, accept: true })}
                    title={`Accepter « ${suggestion.label} » pour ce passage`}
                  >
                    Accepter
                  </Button>
                  <Button
                    size="small"
                    priority="secondary"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ suggestion, accept: false })}
                    title={`Rejeter « ${suggestion.label} » pour cette réponse`}
                  >
                    Rejeter
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
