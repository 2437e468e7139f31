import { Table } from '@codegouvfr/react-dsfr/Table';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Synthesis } from '../api/types';
import { BarChart } from './bar-chart';

// The synthesis's sections on the demand themes and the reviews (issue 13, items 2 and 4): what
// the API computes from the tags placed or accepted and from the reviewers' scores.

const WISHED_COLOUR = '#000091';
const RETAINED_COLOUR = '#18753c';
const NO_PROFESSION = 'Sans profession déclarée';

/**
 * The API gives the dossier's page as the browser sees it (`/console/campagnes/…`); the console's
 * router works below `/console`.
 */
const inConsole = (consolePath: string) => consolePath.replace(/^\/console(?=\/)/, '');

/** « 15,5 / 20 »: French decimals, as the reviews' screens write them. */
const outOf20 = (score: number) =>
  `${score.toLocaleString('fr-FR', { maximumFractionDigits: 2 })} / 20`;

/**
 * The threshold K of the common demands, a number of professions (1 or more), kept in the URL
 * (`?professions=K`) so that a synthesis can be shared as it is read.
 */
export function ThresholdInput({
  value,
  onChange,
}: {
  value: number;
  onChange: (threshold: number) => void;
}) {
  return (
    <div className="fr-input-group fr-mb-3w" style={{ maxWidth: '24rem' }}>
      <label className="fr-label" htmlFor="seuil-demandes-communes">
        Professions pour qu'une demande soit commune
        <span className="fr-hint-text">Un nombre entier, 1 ou plus (2 par défaut).</span>
      </label>
      <input
        className="fr-input"
        id="seuil-demandes-communes"
        type="number"
        min={1}
        step={1}
        value={value}
        onChange={(event) => {
          const threshold = Number(event.target.value);
          if (Number.isInteger(threshold) && threshold >= 1) onChange(threshold);
        }}
      />
    </div>
  );
}

/** Each theme raised by at least K professions, the professions, and the quotes with their dossier. */
export function CommonDemands({ synthesis }: { synthesis: Synthesis }) {
  const { threshold, demands } = synthesis.commonDemands;
  return (
    <section aria-labelledby="themes-communs" className="fr-mb-5w">
      <h2 id="themes-communs">
        Demandes communes à au moins {threshold} profession{threshold > 1 ? 's' : ''}
      </h2>
      <p className="fr-text--sm">
        Les thèmes relevés par les instructeurs dans les réponses (étiquettes posées ou suggestions
        acceptées), avec les passages cités.
      </p>
      {demands.length === 0 ? (
        <p>Aucun thème n'est relevé pour autant de professions.</p>
      ) : (
        demands.map((demand) => (
          <article
            key={demand.themeId}
            aria-labelledby={`theme-${demand.themeId}`}
            className="fr-mb-3w"
          >
            <h3 id={`theme-${demand.themeId}`} className="fr-h5 fr-mb-1w">
              {demand.label}
            </h3>
            <p className="fr-mb-1w">
              {demand.professions.length} professions : {demand.professions.join(', ')} —{' '}
              {demand.dossiers} dossier{demand.dossiers > 1 ? 's' : ''}
            </p>
            <ul>
              {demand.quotes.map((quote) => (
                <li key={`${quote.organisationId}-${quote.sectionId}-${quote.quote}`}>
                  <blockquote className="fr-mb-0">« {quote.quote} »</blockquote>
                  <Link to={inConsole(quote.consolePath)}>{quote.organisationName}</Link>
                  {quote.profession ? ` (${quote.profession})` : null}
                </li>
              ))}
            </ul>
          </article>
        ))
      )}
    </section>
  );
}

/** Themes × professions: dossiers of each profession raising each theme. */
export function ThemeMatrix({ synthesis }: { synthesis: Synthesis }) {
  const { professions, rows } = synthesis.themeMatrix;
  return (
    <section aria-labelledby="themes-professions" className="fr-mb-5w">
      <h2 id="themes-professions">Thèmes par profession</h2>
      <Table
        caption="Thèmes × professions : dossiers relevant chaque thème"
        headers={['Thème', 'Dossiers', ...professions.map((p) => p ?? NO_PROFESSION)]}
        data={rows.map((row) => [
          row.label,
          String(row.dossiers),
          ...row.byProfession.map((cell) => String(cell.dossiers)),
        ])}
      />
    </section>
  );
}

/** Support forms wished in the answers against those the consultations retained: chart and table. */
export function SupportFormsWishedAndRetained({ synthesis }: { synthesis: Synthesis }) {
  const forms = synthesis.supportFormsWishedAndRetained;
  const categories = useMemo(() => forms.map((f) => f.label), [forms]);
  const series = useMemo(
    () => [
      { label: 'Souhaitée', values: forms.map((f) => f.wished), colour: WISHED_COLOUR },
      { label: 'Retenue', values: forms.map((f) => f.retained), colour: RETAINED_COLOUR },
    ],
    [forms],
  );
  return (
    <section aria-labelledby="formes-souhaitees" className="fr-mb-5w">
      <h2 id="formes-souhaitees">Formes de soutien souhaitées et retenues</h2>
      <p className="fr-text--sm">
        Souhaitée : l'analyse des réponses la trouve demandée ; retenue : la consultation l'a
        retenue.
      </p>
      {forms.length === 0 ? (
        <p>La campagne ne propose aucune forme de soutien.</p>
      ) : (
        // One above the other: the forms' labels are long sentences a half-width chart would cut.
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12">
            <BarChart
              categories={categories}
              series={series}
              summary="Graphique : formes de soutien souhaitées et retenues, détaillé dans le tableau suivant"
            />
          </div>
          <div className="fr-col-12">
            <Table
              caption="Formes de soutien souhaitées et retenues"
              headers={['Forme de soutien', 'Dossiers la souhaitant', 'Dossiers la retenant']}
              data={forms.map((f) => [f.label, String(f.wished), String(f.retained)])}
            />
          </div>
        </div>
      )}
    </section>
  );
}

/** The dossiers by the reviewers' weighted score, best first, with their comments. */
export function BestProposals({ synthesis }: { synthesis: Synthesis }) {
  const { available, proposals } = synthesis.bestProposals;
  return (
    <section aria-labelledby="meilleures-propositions" className="fr-mb-5w">
      <h2 id="meilleures-propositions">Meilleures propositions</h2>
      {!available ? (
        <p>La campagne n'a pas de grille d'évaluation.</p>
      ) : proposals.length === 0 ? (
        <p>Aucun dossier n'est encore noté par les évaluateurs.</p>
      ) : (
        <Table
          caption="Meilleures propositions, par note pondérée des évaluateurs"
          headers={['Rang', 'Organisation', 'Profession', 'Note', 'Commentaires des évaluateurs']}
          data={proposals.map((proposal, index) => [
            String(index + 1),
            <Link key="organisation" to={inConsole(proposal.consolePath)}>
              {proposal.organisationName}
            </Link>,
            proposal.profession ?? '—',
            outOf20(proposal.weightedScore),
            proposal.comments.length === 0 ? (
              '—'
            ) : (
              <ul key="comments" className="fr-mb-0">
                {proposal.comments.map((comment, i) => (
                  <li key={i}>{comment}</li>
                ))}
              </ul>
            ),
          ])}
        />
      )}
    </section>
  );
}
