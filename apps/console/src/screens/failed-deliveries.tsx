import { mailName } from '@amiflow/contracts/labels';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import type { DeliveryFailure } from '../api/types';
import { formatInstant } from '../format/dates';
import { CampaignScreenHead, campaignPath, useCampaign } from './campaign-nav';
import { Problem } from './problems';

/**
 * The mails of the campaign that did not go out: those failing (Temporal tries them again; the
 * last error says why) and those dropped for good (no longer concerning their recipient when they
 * would have gone out), each with its dossier.
 */
export function FailedDeliveriesPage() {
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  const failures = useQuery({
    queryKey: ['delivery-failures', campaignId],
    queryFn: () =>
      api<{ items: DeliveryFailure[] }>(
        'GET',
        `/campaigns/${encodeURIComponent(campaignId)}/deliveries/failures`,
      ),
  });
  const zone = campaign.data?.timeZone ?? 'Europe/Paris';
  const items = failures.data?.items ?? [];
  const failing = items.filter((item) => item.status === 'FAILED');
  const dropped = items.filter((item) => item.status === 'DROPPED');
  const dossierCell = (item: DeliveryFailure) =>
    item.organisationId ? (
      <Link
        key="dossier"
        to={`${campaignPath(campaignId)}/dossiers/${encodeURIComponent(item.organisationId)}`}
      >
        {item.organisationId}
      </Link>
    ) : (
      'Toute la campagne'
    );
  return (
    <>
      <CampaignScreenHead
        campaignId={campaignId}
        title={campaign.data?.title}
        screen="Envois en échec"
      />
      <h1>Envois en échec</h1>
      {failures.error ? <Problem error={failures.error} /> : null}
      {failures.isPending ? <p>Chargement des envois…</p> : null}
      {failures.data ? (
        <>
          <h2>En échec, nouvel essai prévu ({failing.length})</h2>
          {failing.length === 0 ? (
            <p>Aucun envoi en échec.</p>
          ) : (
            <Table
              caption="Envois en échec, du plus ancien au plus récent"
              noCaption
              headers={[
                'Dossier',
                'Courriel',
                'Destinataire',
                'Essais',
                'Dernière erreur',
                'Prévu le',
                'Dernier essai',
              ]}
              data={failing.map((item) => [
                dossierCell(item),
                mailName(item.kind),
                item.address ?? item.recipient,
                String(item.failedAttempts),
                item.lastError ?? '—',
                formatInstant(item.dueAt, zone),
                formatInstant(item.lastAttemptAt, zone),
              ])}
            />
          )}
          <h2>Abandonnés ({dropped.length})</h2>
          {dropped.length === 0 ? (
            <p>Aucun envoi abandonné.</p>
          ) : (
            <Table
              caption="Envois abandonnés, du plus ancien au plus récent"
              noCaption
              headers={[
                'Dossier',
                'Courriel',
                'Destinataire',
                'Raison',
                'Prévu le',
                'Abandonné le',
              ]}
              data={dropped.map((item) => [
                dossierCell(item),
                mailName(item.kind),
                item.address ?? item.recipient,
                item.droppedReason ?? '—',
                formatInstant(item.dueAt, zone),
                formatInstant(item.lastAttemptAt, zone),
              ])}
            />
          )}
        </>
      ) : null}
    </>
  );
}
