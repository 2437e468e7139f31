import { Table } from '@codegouvfr/react-dsfr/Table';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import type { MeetingRegistration, MeetingRegistrations } from '../api/types';
import { formatInstant } from '../format/dates';
import { CampaignScreenHead, campaignPath, useCampaign } from './campaign-nav';
import { Problem } from './problems';

/**
 * The information meeting: when and where, its capacity and the seats taken, the confirmed
 * registrations in order, then the waiting list in the order it moves up.
 */
export function MeetingPage() {
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  const registrations = useQuery({
    queryKey: ['meeting-registrations', campaignId],
    queryFn: () =>
      api<MeetingRegistrations>(
        'GET',
        `/campaigns/${encodeURIComponent(campaignId)}/meeting/registrations`,
      ),
  });
  const zone = campaign.data?.timeZone ?? 'Europe/Paris';
  const calendar = campaign.data?.calendar;
  const meeting = campaign.data?.meeting;
  const data = registrations.data;
  const free = data ? Math.max(0, data.capacity - data.confirmed.length) : undefined;
  const rows = (items: MeetingRegistration[], withPosition: boolean) =>
    items.map((registration) => [
      ...(withPosition ? [String(registration.waitingListPosition ?? '—')] : []),
      <Link
        key="name"
        to={`${campaignPath(campaignId)}/dossiers/${encodeURIComponent(registration.organisationId)}`}
      >
        {registration.organisationName}
      </Link>,
      registration.organisationId,
      formatInstant(registration.registeredAt, zone),
    ]);
  return (
    <>
      <CampaignScreenHead
        campaignId={campaignId}
        title={campaign.data?.title}
        screen="Réunion d'information"
      />
      <h1>Réunion d'information</h1>
      {campaign.error ? <Problem error={campaign.error} /> : null}
      {registrations.error ? <Problem error={registrations.error} /> : null}
      {campaign.data && !meeting ? <p>Cette campagne n'a pas de réunion d'information.</p> : null}
      {meeting && calendar ? (
        <ul>
          {calendar.meetingStartsAt ? (
            <li>Début : {formatInstant(calendar.meetingStartsAt, zone)}</li>
          ) : null}
          {calendar.meetingEndsAt ? (
            <li>Fin : {formatInstant(calendar.meetingEndsAt, zone)}</li>
          ) : null}
          {calendar.meetingRegistrationDeadline ? (
            <li>
              Fin des inscriptions : {formatInstant(calendar.meetingRegistrationDeadline, zone)}
            </li>
          ) : null}
          <li>Lieu : {meeting.place}</li>
        </ul>
      ) : null}
      {data ? (
        <>
          <ul className="fr-tags-group fr-mb-2w" aria-label="Places">
            <li>
              <p className="fr-tag">Capacité : {data.capacity}</p>
            </li>
            <li>
              <p className="fr-tag">Inscrits : {data.confirmed.length}</p>
            </li>
            <li>
              <p className="fr-tag">Places libres : {free}</p>
            </li>
            <li>
              <p className="fr-tag">Liste d'attente : {data.waitingList.length}</p>
            </li>
          </ul>
          <RowsOrNone
            caption={`Inscriptions confirmées (${data.confirmed.length} sur ${data.capacity} places)`}
            headers={['Organisation', 'Identifiant', 'Inscrite le']}
            rows={rows(data.confirmed, false)}
            none="Aucune inscription confirmée."
          />
          <RowsOrNone
            caption={`Liste d'attente (${data.waitingList.length})`}
            headers={['Rang', 'Organisation', 'Identifiant', 'Inscrite le']}
            rows={rows(data.waitingList, true)}
            none="La liste d'attente est vide."
          />
        </>
      ) : null}
      {registrations.isPending ? <p>Chargement des inscriptions…</p> : null}
    </>
  );
}

/** A table of its rows, or, when there are none, its title and a sentence instead of empty headers. */
function RowsOrNone(props: {
  caption: string;
  headers: string[];
  rows: ReactNode[][];
  none: string;
}): ReactNode {
  if (props.rows.length > 0) {
    return <Table caption={props.caption} headers={props.headers} data={props.rows} />;
  }
  return (
    <>
      <h2 className="fr-h6 fr-mt-4w">{props.caption}</h2>
      <p>{props.none}</p>
    </>
  );
}
