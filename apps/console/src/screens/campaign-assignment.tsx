import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState } from 'react';
import { Link } from 'react-router';
import { text } from '../api/client';
import type { AutomaticAssignment } from '../api/types';
import { ActionForm, Invalid } from './dossier/action-form';
import { loadByReviewer, parseReviewerIds } from './reviewer-ids';

/**
 * « Répartir automatiquement », on the campaign page: gives every eligible dossier, and every
 * dossier under screening, N reviewers among those typed (`POST …/reviewer-assignments`): the
 * least loaded first, never one who declared a conflict of interest with the organisation,
 * reviewers already named kept and counted. Confirmed first (it names reviewers on many
 * dossiers at once); then what it did: how many dossiers it considered and completed, and how
 * many dossiers it gave each reviewer. Run again, it only completes what is missing. Without an
 * evaluation grid, the API's refusal shows in the form.
 */
export function AutomaticAssignmentPanel({ campaignId }: { campaignId: string }) {
  const [done, setDone] = useState<{ asked: string[]; result: AutomaticAssignment }>();
  const campaignPath = `/campagnes/${encodeURIComponent(campaignId)}`;
  return (
    <Accordion label="Répartir automatiquement les évaluations" className="fr-mb-3w">
      <p>
        Chaque dossier recevable ou en instruction reçoit le nombre d'évaluateurs demandé, choisis
        parmi ceux indiqués : les moins chargés d'abord, jamais un évaluateur qui a déclaré un
        conflit d'intérêts avec l'organisation. Les évaluateurs déjà désignés restent et comptent.
      </p>
      <ActionForm
        id="titre-repartition"
        title="Répartir automatiquement"
        path={`/campaigns/${encodeURIComponent(campaignId)}/reviewer-assignments`}
        submitLabel="Répartir les dossiers"
        body={(form) => {
          const perDossier = Number(text(form, 'par-dossier'));
          if (!Number.isInteger(perDossier) || perDossier < 1 || perDossier > 10) {
            return new Invalid("Le nombre d'évaluateurs par dossier est un entier de 1 à 10.");
          }
          const ids = parseReviewerIds(text(form, 'evaluateurs'));
          if (typeof ids === 'string') return new Invalid(ids);
          return { reviewerIds: ids, reviewersPerDossier: perDossier };
        }}
        confirmation={(body) => {
          const { reviewerIds, reviewersPerDossier: n } = body as {
            reviewerIds: string[];
            reviewersPerDossier: number;
          };
          return (
            `Donner ${n} évaluateur${n > 1 ? 's' : ''} à chaque dossier recevable ou en instruction, ` +
            `parmi ${reviewerIds.join(', ')} ?` +
            (reviewerIds.length < n
              ? ` Avec ${reviewerIds.length} évaluateur${reviewerIds.length > 1 ? 's' : ''} seulement, un dossier en recevra ${reviewerIds.length} au plus.`
              : '')
          );
        }}
        onDone={(result, sent) =>
          setDone({
            asked: (sent as { reviewerIds: string[] }).reviewerIds,
            result: result as AutomaticAssignment,
          })
        }
      >
        <Input
          label="Évaluateurs par dossier"
          hintText="De 1 à 10"
          nativeInputProps={{
            name: 'par-dossier',
            type: 'number',
            min: 1,
            max: 10,
            defaultValue: 2,
            required: true,
          }}
        />
        <Input
          label="Identifiants des évaluateurs"
          hintText="L'identifiant de connexion de chaque instructeur, séparés par des virgules, des espaces ou des retours à la ligne."
          textArea
          nativeTextAreaProps={{ name: 'evaluateurs', required: true, rows: 3 }}
        />
      </ActionForm>
      {done ? (
        <div data-testid="resultat-repartition">
          <div role="status">
            <Alert severity="success" small description={assignmentSummary(done.result)} />
          </div>
          <Table
            caption="Dossiers confiés par cette répartition, par évaluateur"
            headers={['Évaluateur', 'Dossiers confiés']}
            data={loadByReviewer(done.asked, done.result.assignments).map((one) => [
              one.reviewerId,
              String(one.dossiers),
            ])}
          />
          {done.result.assignments.length > 0 ? (
            <Table
              caption="Évaluateurs ajoutés, par dossier"
              headers={['Dossier', 'Évaluateurs ajoutés']}
              data={done.result.assignments.map((one) => [
                <Link
                  key="dossier"
                  to={`${campaignPath}/dossiers/${encodeURIComponent(one.organisationId)}`}
                >
                  {one.organisationId}
                </Link>,
                one.reviewerIds.join(', '),
              ])}
            />
          ) : null}
        </div>
      ) : null}
    </Accordion>
  );
}

/** « 3 dossiers à répartir : 2 ont reçu des évaluateurs, 4 désignations en tout. » */
export function assignmentSummary({ dossierCount, assignments }: AutomaticAssignment): string {
  const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
  const named = assignments.reduce((sum, one) => sum + one.reviewerIds.length, 0);
  const given =
    assignments.length === 0
      ? "aucun n'a reçu d'évaluateur de plus (chacun en avait assez, ou aucun n'était possible)"
      : `${assignments.length} ${assignments.length > 1 ? 'ont' : 'a'} reçu des évaluateurs, ${plural(named, 'désignation')} en tout`;
  return `${plural(dossierCount, 'dossier')} à répartir : ${given}.`;
}
