import {
  CAMPAIGN_PHASES,
  DOSSIER_STATES,
  DOSSIER_TABS,
  DUE_KINDS,
  label,
  ORGANISATION_TYPES,
} from '@amiflow/contracts/labels';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { FormEvent, ReactNode, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, text } from '../api/client';
import { useSession } from '../auth/session';
import type { Campaign, Dossier, DossierCounts, Page } from '../api/types';
import { formatInstant, frenchDay, parseFrenchDay, startOfDayIn } from '../format/dates';
import {
  campaignListRequest,
  campaignPath,
  campaignQueryKey,
  defaultOrder,
  SORTABLE,
} from './campaign-requests';
import { CalendarTimeline, NextMilestone } from './campaign-calendar';
import { CampaignNav } from './campaign-nav';
import { apiQueryOf, chosenColumns, ColumnKey, COLUMNS, columnsParameter } from './campaign-views';
import { CampaignDue } from './campaign-due';
import { AutomaticAssignmentPanel } from './campaign-assignment';
import { StateCounts } from './campaigns';
import { Problem } from './problems';
import { SavedViews } from './saved-views';

const COLUMN_NAMES = Object.fromEntries(
  COLUMNS.map((column) => [column.key, column.name]),
) as Record<ColumnKey, string>;

/**
 * A campaign: its calendar and counts, what falls due (« Échéances »), and its dossiers in tabs
 * (who must act; « Tous » without `onglet`, as links made before the tabs), with filters (state, organisation type, profession, text, due before a day,
 * late only), a sort and cursor pages. The URL holds all of it (`onglet`, `etat`, `type`,
 * `profession`, `texte`, `echeance-avant` as YYYY-MM-DD in the campaign's zone, `en-retard`,
 * `tri`, `ordre`, `curseur`, `jours`, and the columns shown, `colonnes`), so that a view can be
 * shared as a link; the operator's saved views keep it too.
 */
export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { session } = useSession();
  const columns = chosenColumns(search.get('colonnes'));
  const campaign = useQuery({
    queryKey: campaignQueryKey(campaignId),
    queryFn: () => api<Campaign>('GET', campaignPath(campaignId)),
  });
  const zone = campaign.data?.timeZone ?? 'Europe/Paris';
  const { filters, dueBeforeDay, lateOnly, tab, sort, order, cursor, ...list } =
    campaignListRequest(campaignId, search, campaign.data?.timeZone);
  const counts = useQuery({
    queryKey: list.countsKey,
    queryFn: () => api<DossierCounts>('GET', list.countsPath),
    enabled: list.ready,
    placeholderData: keepPreviousData,
  });
  const dossiers = useQuery({
    queryKey: list.dossiersKey,
    queryFn: () => api<Page<Dossier>>('GET', list.dossiersPath),
    enabled: list.ready,
    placeholderData: keepPreviousData,
  });

  const tableDrawn = dossiers.data !== undefined || dossiers.error !== null;
  const [dueBeforeError, setDueBeforeError] = useState<string>();

  const applyFilters = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ['etat', 'type', 'profession', 'texte', 'en-retard']) {
      const value = text(form, name).trim();
      if (value) next.set(name, value);
    }
    // Typed jj/mm/aaaa (a text field: the browser's date field follows its own language), carried
    // in the URL as YYYY-MM-DD.
    const typedDay = text(form, 'echeance-avant').trim();
    const day = typedDay ? parseFrenchDay(typedDay) : undefined;
    if (typedDay && !day) {
      setDueBeforeError('Date attendue au format jj/mm/aaaa, par exemple 15/11/2019.');
      return;
    }
    setDueBeforeError(undefined);
    if (day) next.set('echeance-avant', day);
    // The tab, the sort, the days ahead and the columns stay; the page starts again.
    for (const name of ['onglet', 'tri', 'ordre', 'jours', 'colonnes']) {
      const value = search.get(name);
      if (value) next.set(name, value);
    }
    setSearch(next);
  };
  /** Changes some of the URL's parameters (null: removes it), back to the first page. */
  const change = (values: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries(values)) {
      if (value === null) next.delete(name);
      else next.set(name, value);
    }
    next.delete('curseur');
    setSearch(next);
  };
  const sortButton = (column: string) => {
    const key = SORTABLE[column];
    if (!key) return column;
    const active = key === sort;
    // A click on the sorted column turns its order round; on another, its default order.
    const nextOrder = active ? (order === 'asc' ? 'desc' : 'asc') : defaultOrder(key);
    return (
      <button
        key={column}
        type="button"
        className="console-sort"
        onClick={() => change({ tri: key, ordre: nextOrder })}
        aria-label={`Trier par ${column.toLowerCase()}, ${nextOrder === 'asc' ? 'croissant' : 'décroissant'}`}
        aria-pressed={active}
      >
        {column}
        <span aria-hidden="true">{active ? (order === 'asc' ? ' ▲' : ' ▼') : ' ⇅'}</span>
      </button>
    );
  };
  const toPage = (nextCursor: string | null) => {
    const next = new URLSearchParams(search);
    if (nextCursor) next.set('curseur', nextCursor);
    else next.delete('curseur');
    setSearch(next);
  };

  const now = campaign.dataUpdatedAt || Date.now();
  return (
    <>
      <Breadcrumb
        currentPageLabel={campaign.data?.title ?? campaignId}
        segments={[]}
        homeLinkProps={{ to: '/' }}
      />
      <h1>{campaign.data?.title ?? campaignId}</h1>
      <CampaignNav campaignId={campaignId} />
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

      {/* The deadline view and the saved views are asked for once the table's rows have come:
          the table and its counts are what the operator opened the page for. */}
      <CampaignDue campaignId={campaignId} timeZone={zone} enabled={tableDrawn} />

      {session?.role === 'operator' || session?.role === 'admin' ? (
        <AutomaticAssignmentPanel campaignId={campaignId} />
      ) : null}

      <h2>Dossiers</h2>
      <SavedViews
        campaignId={campaignId}
        timeZone={zone}
        apiQuery={apiQueryOf(search, (day) => startOfDayIn(day, zone))}
        columns={columns}
        enabled={tableDrawn}
      />
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
        <div className="fr-col-12 fr-col-md-3">
          <Input
            label="Échéance avant le"
            hintText="jj/mm/aaaa"
            state={dueBeforeError ? 'error' : 'default'}
            stateRelatedMessage={dueBeforeError}
            nativeInputProps={{
              name: 'echeance-avant',
              inputMode: 'numeric',
              defaultValue: frenchDay(dueBeforeDay),
            }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <div className="fr-checkbox-group">
            <input
              type="checkbox"
              id="filtre-en-retard"
              name="en-retard"
              value="oui"
              defaultChecked={lateOnly}
            />
            <label className="fr-label" htmlFor="filtre-en-retard">
              En retard uniquement
            </label>
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-2">
          <Button type="submit">Filtrer</Button>
        </div>
      </form>
      <Accordion label="Colonnes du tableau" className="fr-mb-3w">
        <Checkbox
          legend="Colonnes affichées (l'organisation l'est toujours)"
          orientation="horizontal"
          small
          options={COLUMNS.map((column) => ({
            // Named « Colonne État » for assistive technologies: not to be taken for the filter.
            label: (
              <>
                <span className="fr-sr-only">Colonne </span>
                {column.name}
              </>
            ),
            nativeInputProps: {
              name: 'colonnes',
              value: column.key,
              checked: columns.includes(column.key),
              // The last column shown stays: a table needs one besides the organisation.
              disabled: columns.length === 1 && columns.includes(column.key),
              onChange: (event) => {
                const next = event.target.checked
                  ? [...columns, column.key]
                  : columns.filter((key) => key !== column.key);
                // Not a new page: the same rows, other columns.
                const params = new URLSearchParams(search);
                const value = columnsParameter(next);
                if (value) params.set('colonnes', value);
                else params.delete('colonnes');
                setSearch(params, { replace: true });
              },
            },
          }))}
        />
      </Accordion>
      {counts.error ? <Problem error={counts.error} /> : null}
      <Tabs
        label="Dossiers selon qui doit agir"
        selectedTabId={tab}
        onTabChange={(tabId) => change({ onglet: tabId === 'all' ? null : tabId })}
        tabs={DOSSIER_TABS.map((t) => ({
          tabId: t.tab,
          label: `${t.name} (${counts.data ? counts.data.tabs[t.count] : '…'})`,
        }))}
      >
        {dossiers.error ? <Problem error={dossiers.error} /> : null}
        {dossiers.data ? (
          <>
            <Table
              caption={`Dossiers de la campagne${cursor ? ' (page suivante)' : ''}`}
              headers={[
                sortButton('Organisation'),
                ...columns.map((key) => sortButton(COLUMN_NAMES[key])),
              ]}
              data={dossiers.data.items.map((dossier) => {
                const cells: Record<ColumnKey, ReactNode> = {
                  type: label(ORGANISATION_TYPES, dossier.organisationType),
                  profession: dossier.profession ?? '—',
                  etat: label(DOSSIER_STATES, dossier.state),
                  completude: `${dossier.completenessPercent} %`,
                  echeance: dossier.nextDueAt ? (
                    <span key="due">
                      {formatInstant(dossier.nextDueAt, zone)}
                      <br />
                      {label(DUE_KINDS, dossier.nextDueKind)}
                      {dossier.late ? (
                        <>
                          {' '}
                          <span className="fr-badge fr-badge--error fr-badge--sm">En retard</span>
                        </>
                      ) : null}
                    </span>
                  ) : (
                    '—'
                  ),
                  changement: formatInstant(dossier.lastChangeAt, zone),
                };
                return [
                  <Link
                    key="name"
                    to={`/campagnes/${encodeURIComponent(campaignId)}/dossiers/${encodeURIComponent(dossier.organisationId)}`}
                  >
                    {dossier.organisationName}
                  </Link>,
                  ...columns.map((key) => cells[key]),
                ];
              })}
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
                  <Button
                    priority="secondary"
                    iconId="fr-icon-arrow-right-line"
                    iconPosition="right"
                    onClick={() => toPage(dossiers.data.nextCursor)}
                  >
                    Suivants
                  </Button>
                </li>
              ) : null}
            </ul>
          </>
        ) : null}
      </Tabs>
    </>
  );
}
