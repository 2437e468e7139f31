import { DOSSIER_STATES, label, ORGANISATION_TYPES } from '@amiflow/contracts/labels';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../api/client';
import type { Synthesis } from '../api/types';
import { BarChart } from './bar-chart';
import { CampaignScreenHead, useCampaign } from './campaign-nav';
import { Problem } from './problems';
import { SynthesisReportDownloads } from './synthesis-report';
import {
  BestProposals,
  CommonDemands,
  SupportFormsWishedAndRetained,
  ThemeMatrix,
  ThresholdInput,
} from './synthesis-themes';

// DSFR colours: blue France (dossiers), and a green for those submitted.
const DOSSIERS_COLOUR = '#000091';
const SUBMITTED_COLOUR = '#18753c';

interface Group {
  readonly name: string;
  readonly dossiers: number;
  readonly submitted: number;
}

/**
 * The campaign's synthesis as the API computes it: dossiers by state, profession and organisation
 * type (all of them, and those submitted), and the demands shared by several professions (the
 * support forms consultations retained for two professions or more); the demand themes raised by
 * at least K professions (K in the URL) with their quotes, the themes × professions matrix, the
 * best proposals by the reviewers' weighted score, the support forms wished and retained. Each
 * chart has its table.
 */
export function SynthesisPage() {
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  // K, the professions a theme needs to be a common demand: in the URL, 2 when absent or wrong.
  const [search, setSearch] = useSearchParams();
  const asked = Number(search.get('professions'));
  const threshold = Number.isInteger(asked) && asked >= 1 ? asked : 2;
  const synthesis = useQuery({
    queryKey: ['synthesis', campaignId, threshold],
    queryFn: () =>
      api<Synthesis>(
        'GET',
        `/campaigns/${encodeURIComponent(campaignId)}/synthesis?commonThreshold=${threshold}`,
      ),
    // Keeps the screen while another K is read, rather than a flash of « Chargement ».
    placeholderData: (previous) => previous,
  });
  const data = synthesis.data;
  return (
    <>
      <CampaignScreenHead campaignId={campaignId} title={campaign.data?.title} screen="Synthèse" />
      <h1>Synthèse</h1>
      <SynthesisReportDownloads campaignId={campaignId} />
      {synthesis.error ? <Problem error={synthesis.error} /> : null}
      {synthesis.isPending ? <p>Chargement de la synthèse…</p> : null}
      {data ? (
        <>
          <p>
            Dossiers de la campagne : <strong>{data.totalDossiers}</strong>
          </p>
          <GroupSection
            id="par-etat"
            title="Par état"
            column="État"
            groups={data.byState.map((g) => ({ ...g, name: label(DOSSIER_STATES, g.state) }))}
          />
          <GroupSection
            id="par-profession"
            title="Par profession"
            column="Profession"
            groups={data.byProfession.map((g) => ({
              ...g,
              name: g.profession ?? 'Sans profession déclarée',
            }))}
          />
          <GroupSection
            id="par-type"
            title="Par type d'organisation"
            column="Type d'organisation"
            groups={data.byOrganisationType.map((g) => ({
              ...g,
              name: label(ORGANISATION_TYPES, g.organisationType),
            }))}
          />
          <ThresholdInput
            value={threshold}
            onChange={(k) =>
              setSearch(
                (previous) => {
                  const next = new URLSearchParams(previous);
                  next.set('professions', String(k));
                  return next;
                },
                { replace: true },
              )
            }
          />
          <CommonDemands synthesis={data} />
          <ThemeMatrix synthesis={data} />
          <BestProposals synthesis={data} />
          <SupportFormsWishedAndRetained synthesis={data} />
          <SharedDemands synthesis={data} />
        </>
      ) : null}
    </>
  );
}

function GroupSection({
  id,
  title,
  column,
  groups,
}: {
  id: string;
  title: string;
  column: string;
  groups: readonly Group[];
}) {
  const categories = useMemo(() => groups.map((g) => g.name), [groups]);
  const series = useMemo(
    () => [
      { label: 'Dossiers', values: groups.map((g) => g.dossiers), colour: DOSSIERS_COLOUR },
      { label: 'Déposés', values: groups.map((g) => g.submitted), colour: SUBMITTED_COLOUR },
    ],
    [groups],
  );
  return (
    <section aria-labelledby={id} className="fr-mb-5w">
      <h2 id={id}>{title}</h2>
      {groups.length === 0 ? (
        <p>Aucun dossier.</p>
      ) : (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-lg-7">
            <BarChart
              categories={categories}
              series={series}
              summary={`Graphique : dossiers ${title.toLowerCase()}, détaillé dans le tableau suivant`}
            />
          </div>
          <div className="fr-col-12 fr-col-lg-5">
            <Table
              caption={`Dossiers ${title.toLowerCase()}`}
              headers={[column, 'Dossiers', 'Dont déposés']}
              data={groups.map((g) => [g.name, String(g.dossiers), String(g.submitted)])}
            />
          </div>
        </div>
      )}
    </section>
  );
}

function SharedDemands({ synthesis }: { synthesis: Synthesis }) {
  const shared = synthesis.sharedDemands;
  const categories = useMemo(() => shared.map((d) => d.label), [shared]);
  const series = useMemo(
    () => [
      {
        label: 'Professions',
        values: shared.map((d) => d.professions.length),
        colour: DOSSIERS_COLOUR,
      },
      { label: 'Dossiers', values: shared.map((d) => d.dossiers), colour: SUBMITTED_COLOUR },
    ],
    [shared],
  );
  return (
    <section aria-labelledby="demandes-communes" className="fr-mb-5w">
      <h2 id="demandes-communes">Formes de soutien retenues pour plusieurs professions</h2>
      <p className="fr-text--sm">
        Les formes de soutien retenues à l'issue des auditions pour des dossiers d'au moins deux
        professions différentes.
      </p>
      {shared.length === 0 ? (
        <p>Aucune forme de soutien n'est encore retenue pour plusieurs professions.</p>
      ) : (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-lg-6">
            <BarChart
              categories={categories}
              series={series}
              summary="Graphique : formes de soutien retenues pour plusieurs professions, détaillé dans le tableau suivant"
            />
          </div>
          <div className="fr-col-12 fr-col-lg-6">
            <Table
              caption="Formes de soutien retenues pour plusieurs professions"
              headers={['Forme de soutien', 'Professions', 'Dossiers']}
              data={shared.map((d) => [
                d.label,
                `${d.professions.length} : ${d.professions.join(', ')}`,
                String(d.dossiers),
              ])}
            />
          </div>
        </div>
      )}
      <Table
        caption="Toutes les formes de soutien de la campagne"
        headers={['Forme de soutien', 'Dossiers', 'Professions']}
        data={synthesis.bySupportForm.map((d) => [
          d.label,
          String(d.dossiers),
          d.professions.join(', ') || '—',
        ])}
      />
    </section>
  );
}
