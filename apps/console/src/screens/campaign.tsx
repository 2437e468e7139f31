import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, queryString, text } from '../api/client';
import type { Campaign, Dossier, Page } from '../api/types';
import { formatInstant } from '../format/dates';
import { CAMPAIGN_PHASES, DOSSIER_STATES, label, ORGANISATION_TYPES } from '../labels';
import { CalendarTimeline, NextMilestone } from './campaign-calendar';
import { StateCounts } from './campaigns';
import { Problem } from './problems';

const PAGE_SIZE = 50;

/**
 * A campaign: its calendar and counts, and its dossiers with filters (state, organisation type,
 * profession, text) and cursor pages. The URL holds the filters and the page (`etat`, `type`,
 * `profession`, `texte`, `curseur`), so that a view can be shared as a link.
 */
export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const filters = {
    state: search.get('etat') ?? '',
    organisationType: search.get('type') ?? '',
    profession: search.get('profession') ?? '',
    text: search.get('texte') ?? '',
  };
  const cursor = search.get('curseur') ?? '';
  const campaign = useQuery({
    queryKey: ['campaign', campaignId],
    queryFn: () => api<Campaign>('GET', `/campaigns/${encodeURIComponent(campaignId)}`),
  });
  const dossiers = useQuery({
    queryKey: ['dossiers', campaignId, filters, cursor],
    queryFn: () =>
      api<Page<Dossier>>(
        'GET',
        `/campaigns/${encodeURIComponent(campaignId)}/dossiers${queryString({ ...filters, cursor, limit: PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });

  const applyFilters = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ['etat', 'type', 'profession', 'texte']) {
      const value = text(form, name).trim();
      if (value) next.set(name, value);
    }
    setSearch(next);
  };
  const toPage = (nextCursor: string | null) => {
    const next = new URLSearchParams(search);
    if (nextCursor) next.set('curseur', nextCursor);
    else next.delete('curseur');
    setSearch(next);
  };

  const zone = campaign.data?.timeZone ?? 'Europe/Paris';
  const now = campaign.dataUpdatedAt || Date.now();
  return (
    <>
      <Breadcrumb
        currentPageLabel={campaign.data?.title ?? campaignId}
        segments={[]}
        homeLinkProps={{ to: '/' }}
      />
      <h1>{campaign.data?.title ?? campaignId}</h1>
      {campaign.error ? <Problem error={campaign.error} /> : null}
      {campaign.data ? (
        <section className="fr-mb-4w">
          <p>
            Phase : <strong>{label(CAMPAIGN_PHASES, campaign.data.phase)}</strong>
          </p>
          <NextMilestone calendar={campaign.data.calendar} timeZone={zone} now={now} />
          <CalendarTimeline calendar={campaign.data.calendar} timeZone={zone} now={now} />
          <StateCounts counts={campaign.data.dossierCounts} />
        </section>
      ) : null}

      <h2>Dossiers</h2>
      <form
        onSubmit={applyFilters}
        className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-3w"
        key={search.toString()}
      >
        <div className="fr-col-12 fr-col-md-3">
          <Select label="État" nativeSelectProps={{ name: 'etat', defaultValue: filters.state }}>
            <option value="">Tous les états</option>
            {Object.entries(DOSSIER_STATES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Select
            label="Type d'organisation"
            nativeSelectProps={{ name: 'type', defaultValue: filters.organisationType }}
          >
            <option value="">Tous les types</option>
            {Object.entries(ORGANISATION_TYPES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-2">
          <Input
            label="Profession"
            nativeInputProps={{
              name: 'profession',
              defaultValue: filters.profession,
              maxLength: 200,
            }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-2">
          <Input
            label="Recherche"
            nativeInputProps={{
              name: 'texte',
              type: 'search',
              defaultValue: filters.text,
              maxLength: 200,
            }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-2">
          <Button type="submit">Filtrer</Button>
        </div>
      </form>
      {dossiers.error ? <Problem error={dossiers.error} /> : null}
      {dossiers.data ? (
        <>
          <Table
            caption={`Dossiers de la campagne${cursor ? ' (page suivante)' : ''}`}
            headers={[
              'Organisation',
              'Type',
              'Profession',
              'État',
              'Complétude',
              'Prochaine échéance',
              'Dernier changement',
            ]}
            data={dossiers.data.items.map((dossier) => [
              <Link
                key="name"
                to={`/campagnes/${encodeURIComponent(campaignId)}/dossiers/${encodeURIComponent(dossier.organisationId)}`}
              >
                {dossier.organisationName}
              </Link>,
              label(ORGANISATION_TYPES, dossier.organisationType),
              dossier.profession ?? '—',
              label(DOSSIER_STATES, dossier.state),
              `${dossier.completenessPercent} %`,
              dossier.nextDeadline ? formatInstant(dossier.nextDeadline, zone) : '—',
              formatInstant(dossier.lastChangeAt, zone),
            ])}
          />
          {dossiers.data.items.length === 0 ? (
            <p>Aucun dossier ne correspond à ces filtres.</p>
          ) : null}
          <ul className="fr-btns-group fr-btns-group--inline-sm">
            {cursor ? (
              <li>
                <Button priority="secondary" onClick={() => toPage(null)}>
                  Première page
                </Button>
              </li>
            ) : null}
            {dossiers.data.nextCursor ? (
              <li>
                <Button priority="secondary" onClick={() => toPage(dossiers.data.nextCursor)}>
                  Page suivante
                </Button>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
    </>
  );
}
