import { SCREENING_RESULTS, label } from '@amiflow/contracts/labels';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, text } from '../../api/client';
import type { CriterionScore, DossierReviews, GridCriterion } from '../../api/types';
import { useSession } from '../../auth/session';
import { formatInstant } from '../../format/dates';
import { formatScore } from '../../format/scores';
import { Problem } from '../problems';
import { parseReviewerIds } from '../reviewer-ids';
import { ActionForm, Invalid } from './action-form';

/**
 * Where reviewers are named and conflicts declared: from submission until the screening decision
 * (libs/domain REVIEW_ASSIGNMENT_STATUSES; the API refuses elsewhere, in French).
 */
const REVIEW_ASSIGNMENT_STATES = [
  'SUBMITTED',
  'NEEDS_REVIEW',
  'ELIGIBLE',
  'INELIGIBLE',
  'UNDER_SCREENING',
];

/**
 * « Évaluation », on the dossier page when its campaign has an evaluation grid
 * (`GET …/reviews`; without a grid the API answers 422 NO_EVALUATION_GRID and nothing is shown):
 * the reviewers, each review's weighted score out of 20, the dossier's mean, spread,
 * disagreement flag and what the mean speaks for, and the conflicts of interest declared; for an
 * operator who is one of its reviewers, the grid as a form (`PUT …/reviews/mine`), prefilled with
 * their last scores. From submission until the screening decision: a form to name reviewers by
 * hand (`POST …/reviewers`), and « Déclarer un conflit d'intérêts » for the signed-in operator
 * (`POST …/conflicts-of-interest`, with its reason, confirmed first: it cannot be taken back).
 * Who may score, and when, is the dossier's rule: the API's refusal shows in the form.
 */
export function DossierReviewsSection({
  base,
  zone,
  organisationName,
}: {
  base: string;
  zone: string;
  organisationName: string | undefined;
}) {
  const { session } = useSession();
  const reviews = useQuery({
    queryKey: ['dossier-reviews', base],
    queryFn: () => api<DossierReviews>('GET', `${base}/reviews`),
  });
  if (reviews.error instanceof ApiError && reviews.error.code === 'NO_EVALUATION_GRID') return null;
  const data = reviews.data;
  const grid = data?.grid;
  const mine = data?.reviews.find((review) => review.reviewerId === session?.subject);
  const isReviewer = !!session?.subject && !!data?.reviewers.includes(session.subject);
  const myConflict = data?.conflicts.find((conflict) => conflict.reviewerId === session?.subject);
  const staff = session?.role === 'operator' || session?.role === 'admin';
  const canAssign = staff && !!data && REVIEW_ASSIGNMENT_STATES.includes(data.state);
  return (
    <section aria-labelledby="evaluation-titre">
      <h2 id="evaluation-titre" className="fr-mt-4w">
        Évaluation
      </h2>
      {reviews.error ? <Problem error={reviews.error} /> : null}
      {data && grid ? (
        <>
          <dl className="fr-mb-2w" data-testid="evaluation-synthese">
            <div className="fr-mb-1w">
              <dt className="fr-text--bold fr-mb-0">Note pondérée du dossier</dt>
              <dd className="fr-ml-0">
                {data.weightedScore === null
                  ? 'Aucune évaluation complète'
                  : `${formatScore(data.weightedScore)} / 20 (moyenne de ${data.reviewCount} évaluation${data.reviewCount > 1 ? 's' : ''})`}
              </dd>
            </div>
            <div className="fr-mb-1w">
              <dt className="fr-text--bold fr-mb-0">Écart entre évaluateurs</dt>
              <dd className="fr-ml-0">
                {data.spread === null
                  ? 'Moins de deux évaluations'
                  : `${formatScore(data.spread)} point${data.spread >= 2 ? 's' : ''}`}{' '}
                {data.disagreement ? (
                  <Badge severity="warning" small>
                    {`Désaccord : écart au-delà de ${formatScore(grid.disagreementThreshold)} points`}
                  </Badge>
                ) : null}
              </dd>
            </div>
            <div className="fr-mb-1w">
              <dt className="fr-text--bold fr-mb-0">Recommandation des notes</dt>
              <dd className="fr-ml-0">
                {data.recommendation
                  ? `${label(SCREENING_RESULTS, data.recommendation)} (seuil : ${formatScore(grid.shortlistThreshold)} / 20)`
                  : '—'}
              </dd>
            </div>
          </dl>
          <h3 className="fr-h6 fr-mb-1w">Évaluateurs</h3>
          {data.reviewers.length === 0 ? <p>Aucun évaluateur désigné.</p> : null}
          <ul>
            {data.reviewers.map((reviewerId) => {
              const review = data.reviews.find((one) => one.reviewerId === reviewerId);
              return (
                <li key={reviewerId}>
                  {reviewerId}
                  {reviewerId === session?.subject ? ' (vous)' : ''} —{' '}
                  {review
                    ? `${review.weightedScore === null ? 'incomplète' : `${formatScore(review.weightedScore)} / 20`}, notée le ${formatInstant(review.scoredAt, zone)}`
                    : 'pas encore noté'}
                </li>
              );
            })}
          </ul>
          {data.conflicts.length > 0 ? (
            <>
              <h3 className="fr-h6 fr-mb-1w">Conflits d'intérêts déclarés</h3>
              <ul aria-label="Conflits d'intérêts déclarés">
                {data.conflicts.map((conflict) => (
                  <li key={conflict.reviewerId}>
                    {conflict.reviewerId}
                    {conflict.reviewerId === session?.subject ? ' (vous)' : ''}, le{' '}
                    {formatInstant(conflict.declaredAt, zone)} : « {conflict.reason} »
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {canAssign ? <AssignReviewersForm base={base} /> : null}
          {isReviewer ? (
            <ScoreForm
              // Anew after each review: the fields start from the scores last sent.
              key={mine?.scoredAt ?? 'premiere'}
              base={base}
              criteria={grid.criteria}
              last={mine?.scores ?? []}
            />
          ) : null}
          {canAssign && session?.subject && !myConflict ? (
            <DeclareConflictForm
              base={base}
              organisationName={organisationName}
              reviewer={isReviewer}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** Names reviewers by hand, added to those already named (the API says who is conflicted). */
function AssignReviewersForm({ base }: { base: string }) {
  return (
    <ActionForm
      id="titre-designer-evaluateurs"
      title="Désigner des évaluateurs"
      path={`${base}/reviewers`}
      submitLabel="Désigner"
      body={(form) => {
        const ids = parseReviewerIds(text(form, 'evaluateurs'));
        return typeof ids === 'string' ? new Invalid(ids) : { reviewerIds: ids };
      }}
    >
      <Input
        label="Identifiants des évaluateurs"
        hintText="L'identifiant de connexion de chaque instructeur, séparés par des virgules ou des espaces. Ils s'ajoutent aux évaluateurs déjà désignés."
        nativeInputProps={{ name: 'evaluateurs', autoComplete: 'off', required: true }}
      />
    </ActionForm>
  );
}

/**
 * The signed-in operator steps aside for good: named reviewer or not, the dossier can no longer
 * be given to them, and their scores, if any, no longer count.
 */
function DeclareConflictForm({
  base,
  organisationName,
  reviewer,
}: {
  base: string;
  organisationName: string | undefined;
  reviewer: boolean;
}) {
  const who = organisationName ? `avec ${organisationName}` : 'avec cette organisation';
  return (
    <ActionForm
      id="titre-conflit-interets"
      title="Déclarer un conflit d'intérêts"
      path={`${base}/conflicts-of-interest`}
      submitLabel="Déclarer le conflit d'intérêts"
      body={(form) => {
        const reason = text(form, 'raison').trim();
        if (!reason) return new Invalid("Dites en quoi consiste le conflit d'intérêts.");
        return { reason };
      }}
      confirmation={() =>
        `Déclarer un conflit d'intérêts ${who} ? ` +
        (reviewer
          ? "Vous ne serez plus évaluateur de ce dossier, vos notes n'y compteront plus et il ne pourra plus vous être confié."
          : 'Ce dossier ne pourra plus vous être confié.') +
        ' La déclaration est définitive.'
      }
    >
      <p className="fr-text--sm">
        Si un lien avec cette organisation pourrait influencer votre évaluation, déclarez-le : vous
        vous retirez de son évaluation, définitivement.
      </p>
      <Input
        label="En quoi consiste le conflit d'intérêts"
        textArea
        nativeTextAreaProps={{ name: 'raison', required: true, maxLength: 2000 }}
      />
    </ActionForm>
  );
}

/** The grid as a form: each criterion's score on its scale, with a comment. */
function ScoreForm({
  base,
  criteria,
  last,
}: {
  base: string;
  criteria: GridCriterion[];
  last: CriterionScore[];
}) {
  return (
    <ActionForm
      id="titre-evaluation"
      title="Noter le dossier sur la grille"
      method="PUT"
      path={`${base}/reviews/mine`}
      submitLabel="Enregistrer mes notes"
      body={(form) => {
        const missing = criteria.filter((criterion) => !text(form, `note-${criterion.id}`));
        if (missing.length) {
          return new Invalid(
            `Notez chaque critère : ${missing.map((criterion) => criterion.label).join(', ')}.`,
          );
        }
        // The domain's rule (libs/domain review.ts), said before sending: the API's validation
        // of the body would only answer « La requête est invalide. » for an empty comment.
        const uncommented = criteria.filter(
          (criterion) => !text(form, `commentaire-${criterion.id}`).trim(),
        );
        if (uncommented.length) {
          return new Invalid(
            `Chaque note a besoin d'un commentaire qui la justifie : ${uncommented.map((criterion) => `« ${criterion.label} »`).join(', ')}.`,
          );
        }
        return {
          scores: criteria.map((criterion) => ({
            criterionId: criterion.id,
            score: Number(text(form, `note-${criterion.id}`)),
            comment: text(form, `commentaire-${criterion.id}`),
          })),
        };
      }}
    >
      {criteria.map((criterion) => {
        const previous = last.find((score) => score.criterionId === criterion.id);
        const values = Array.from(
          { length: criterion.scale.max - criterion.scale.min + 1 },
          (_, index) => criterion.scale.min + index,
        );
        return (
          <div key={criterion.id} className="fr-mb-3w">
            <RadioButtons
              legend={`${criterion.label} : note de ${criterion.scale.min} à ${criterion.scale.max} (coefficient ${criterion.weight})`}
              hintText={criterion.description}
              name={`note-${criterion.id}`}
              orientation="horizontal"
              options={values.map((value) => ({
                label: String(value),
                nativeInputProps: {
                  value: String(value),
                  defaultChecked: previous?.score === value,
                },
              }))}
            />
            <Input
              label={`Commentaire sur « ${criterion.label} »`}
              textArea
              nativeTextAreaProps={{
                name: `commentaire-${criterion.id}`,
                required: true,
                maxLength: 2000,
                defaultValue: previous?.comment,
              }}
            />
          </div>
        );
      })}
    </ActionForm>
  );
}
