import { DOSSIER_STATES, label } from '@amiflow/contracts/labels';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Campaign, Page, ReviewQueueItem } from '../api/types';
import { formatInstant } from '../format/dates';
import { formatScore } from '../format/scores';
import { Problem } from './problems';

/**
 * « Mes dossiers à évaluer »: the dossiers the signed-in operator reviews (`GET /me/review-queue`,
 * not yet decided), in two parts: those still to score, then those scored (their weighted score
 * out of 20, which they may still change until the screening decision). Each row leads to the
 * dossier page, where the grid is. Dates in each dossier's campaign's zone.
 */
export function ReviewQueuePage() {
  const queue = useQuery({
    queryKey: ['review-queue'],
    queryFn: () => api<{ items: ReviewQueueItem[] }>('GET', '/me/review-queue'),
  });
  // The campaigns' titles and zones (the same query as the home page's).
  const campaigns = useQuery({
    queryKey: ['campaigns'],
    queryFn: () => api<Page<Campaign>>('GET', '/campaigns?limit=100'),
  });
  const campaignOf = (campaignId: string) =>
    campaigns.data?.items.find((campaign) => campaign.campaignId === campaignId);
  const items = queue.data?.items ?? [];
  const toScore = items.filter((item) => item.scoredAt === null);
  const scored = items.filter((item) => item.scoredAt !== null);
  const row = (item: ReviewQueueItem) => {
    const campaign = campaignOf(item.campaignId);
    const zone = campaign?.timeZone ?? 'Europe/Paris';
    return [
      <Link
        key="dossier"
        to={`/campagnes/${encodeURIComponent(item.campaignId)}/dossiers/${encodeURIComponent(item.organisationId)}`}
      >
        {item.organisationName}
      </Link>,
      campaign?.title ?? item.campaignId,
      item.profession ?? '—',
      label(DOSSIER_STATES, item.state),
      formatInstant(item.assignedAt, zone),
      ...(item.scoredAt
        ? [
            formatInstant(item.scoredAt, zone),
            // Non-breaking spaces: « 18,13 / 20 » on one line in a narrow column.
            item.weightedScore === null ? '—' : `${formatScore(item.weightedScore)}\u00a0/\u00a020`,
          ]
        : []),
    ];
  };
  return (
    <>
      <h1>Mes dossiers à évaluer</h1>
      <p>
        Les dossiers dont vous êtes évaluateur ou évaluatrice, tant que l'instruction n'est pas
        décidée. Ouvrez un dossier pour le noter sur la grille de sa campagne.
      </p>
      {queue.error ? <Problem error={queue.error} /> : null}
      {queue.isPending ? <p>Chargement…</p> : null}
      <h2 className="fr-mt-4w">À évaluer ({toScore.length})</h2>
      {queue.data && toScore.length === 0 ? <p>Aucun dossier ne vous attend.</p> : null}
      {toScore.length ? (
        <Table
          caption="Dossiers à évaluer"
          noCaption
          headers={['Organisation', 'Campagne', 'Profession', 'État', 'Confié le']}
          data={toScore.map(row)}
        />
      ) : null}
      <h2 className="fr-mt-4w">Déjà notés ({scored.length})</h2>
      {queue.data && scored.length === 0 ? <p>Aucun pour l'instant.</p> : null}
      {scored.length ? (
        <Table
          caption="Dossiers déjà notés"
          noCaption
          headers={[
            'Organisation',
            'Campagne',
            'Profession',
            'État',
            'Confié le',
            'Noté le',
            'Votre note',
          ]}
          data={scored.map(row)}
        />
      ) : null}
    </>
  );
}
