import { label, ORGANISATION_TYPES } from '@amiflow/contracts/labels';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ApiError, queryString, text } from '../api/client';
import type { Organisation, Page } from '../api/types';
import { useSession } from '../auth/session';
import { formatInstant } from '../format/dates';
import { Problem } from './problems';

const PAGE_SIZE = 50;
const ZONE = 'Europe/Paris';
const organisationPath = (organisationId: string) =>
  `/annuaire/${encodeURIComponent(organisationId)}`;

/**
 * The directory: every organisation in identifier order, optionally of one type (`type` in the
 * URL), by pages (`curseur`). Operators read it; administrators open an entry to change it.
 */
export function DirectoryPage() {
  const [search, setSearch] = useSearchParams();
  const type = ORGANISATION_TYPES[search.get('type') ?? ''] ? search.get('type') : null;
  const cursor = search.get('curseur');
  const organisations = useQuery({
    queryKey: ['organisations', type, cursor],
    queryFn: () =>
      api<Page<Organisation>>(
        'GET',
        `/organisations${queryString({ type, cursor, limit: PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const change = (values: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries(values)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setSearch(next);
  };
  return (
    <>
      <h1>Annuaire des organisations</h1>
      <div className="fr-grid-row fr-mb-2w">
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Type d'organisation"
            nativeSelectProps={{
              value: type ?? '',
              onChange: (event) => change({ type: event.target.value || null, curseur: null }),
            }}
          >
            <option value="">Tous les types</option>
            {Object.entries(ORGANISATION_TYPES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {organisations.error ? <Problem error={organisations.error} /> : null}
      {organisations.isPending ? <p>Chargement de l'annuaire…</p> : null}
      {organisations.data ? (
        <>
          <Table
            caption={`Organisations${cursor ? ' (page suivante)' : ''}`}
            headers={[
              'Organisation',
              'Identifiant',
              'Type',
              'Profession',
              'Courriel',
              'Fédération',
            ]}
            data={organisations.data.items.map((organisation) => [
              <Link key="name" to={organisationPath(organisation.organisationId)}>
                {organisation.name}
              </Link>,
              organisation.organisationId,
              label(ORGANISATION_TYPES, organisation.type),
              organisation.profession ?? '—',
              organisation.email ?? '—',
              organisation.parentFederationId ?? '—',
            ])}
          />
          {organisations.data.items.length === 0 ? <p>Aucune organisation.</p> : null}
          <ul className="fr-btns-group fr-btns-group--inline-sm">
            {cursor ? (
              <li>
                <Button priority="secondary" onClick={() => change({ curseur: null })}>
                  Première page
                </Button>
              </li>
            ) : null}
            {organisations.data.nextCursor ? (
              <li>
                <Button
                  priority="secondary"
                  onClick={() => change({ curseur: organisations.data.nextCursor })}
                >
                  Suivants
                </Button>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** One entry of the directory; an administrator changes it here (PUT replaces the whole entry). */
export function OrganisationPage() {
  const { organisationId = '' } = useParams();
  const { session } = useSession();
  const organisation = useQuery({
    queryKey: ['organisation', organisationId],
    queryFn: () => api<Organisation>('GET', `/organisations/${encodeURIComponent(organisationId)}`),
    // Not polled: an administrator may be typing in the form below.
    refetchInterval: false,
  });
  const data = organisation.data;
  return (
    <>
      <Breadcrumb
        currentPageLabel={data?.name ?? organisationId}
        segments={[{ label: 'Annuaire', linkProps: { to: '/annuaire' } }]}
        homeLinkProps={{ to: '/' }}
      />
      <h1>{data?.name ?? organisationId}</h1>
      {organisation.error ? <Problem error={organisation.error} /> : null}
      {data ? (
        <>
          <dl className="console-facts">
            <dt>Identifiant</dt>
            <dd>{data.organisationId}</dd>
            <dt>Type</dt>
            <dd>{label(ORGANISATION_TYPES, data.type)}</dd>
            <dt>Profession</dt>
            <dd>{data.profession ?? '—'}</dd>
            <dt>Profession dotée d'un CNP</dt>
            <dd>
              {data.professionHasCnp === null
                ? 'Non renseigné'
                : data.professionHasCnp
                  ? 'Oui'
                  : 'Non'}
            </dd>
            <dt>Fédération</dt>
            <dd>{data.parentFederationId ?? '—'}</dd>
            <dt>Courriel</dt>
            <dd>{data.email ?? '—'}</dd>
            <dt>Immatriculations</dt>
            <dd>
              {Object.entries(data.identifiers)
                .map(([registry, value]) => `${registry} : ${value}`)
                .join(', ') || '—'}
            </dd>
            <dt>Dernière modification</dt>
            <dd>{formatInstant(data.updatedAt, ZONE)}</dd>
          </dl>
          {session?.role === 'admin' ? <OrganisationForm organisation={data} /> : null}
        </>
      ) : null}
    </>
  );
}

function OrganisationForm({ organisation }: { organisation: Organisation }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<Organisation>(
        'PUT',
        `/organisations/${encodeURIComponent(organisation.organisationId)}`,
        body,
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(['organisation', organisation.organisationId], saved);
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const optional = (name: string) => text(form, name).trim() || undefined;
    const hasCnp = text(form, 'professionHasCnp');
    save.mutate({
      name: text(form, 'name').trim(),
      type: text(form, 'type'),
      profession: optional('profession'),
      email: optional('email'),
      parentFederationId: optional('parentFederationId'),
      professionHasCnp: hasCnp === '' ? undefined : hasCnp === 'oui',
      // The form does not edit the registry numbers: they are sent back as they are.
      identifiers: organisation.identifiers,
    });
  };
  const error = save.error instanceof ApiError ? save.error : undefined;
  return (
    <form onSubmit={submit} className="fr-mt-4w" key={organisation.updatedAt}>
      <h2>Modifier l'entrée</h2>
      <Input
        label="Nom"
        nativeInputProps={{
          name: 'name',
          defaultValue: organisation.name,
          required: true,
          maxLength: 300,
        }}
      />
      <Select label="Type" nativeSelectProps={{ name: 'type', defaultValue: organisation.type }}>
        {Object.entries(ORGANISATION_TYPES).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </Select>
      <Input
        label="Profession"
        nativeInputProps={{
          name: 'profession',
          defaultValue: organisation.profession ?? '',
          maxLength: 200,
        }}
      />
      <Select
        label="Profession dotée d'un CNP"
        hint="Pour un collège professionnel : sert à la recevabilité."
        nativeSelectProps={{
          name: 'professionHasCnp',
          defaultValue:
            organisation.professionHasCnp === null
              ? ''
              : organisation.professionHasCnp
                ? 'oui'
                : 'non',
        }}
      >
        <option value="">Non renseigné</option>
        <option value="oui">Oui</option>
        <option value="non">Non</option>
      </Select>
      <Input
        label="Fédération (identifiant)"
        nativeInputProps={{
          name: 'parentFederationId',
          defaultValue: organisation.parentFederationId ?? '',
          maxLength: 64,
        }}
      />
      <Input
        label="Courriel"
        nativeInputProps={{
          name: 'email',
          type: 'email',
          defaultValue: organisation.email ?? '',
          maxLength: 254,
        }}
      />
      {save.isError ? (
        <Alert
          severity="error"
          small
          description={
            <>
              {save.error.message}
              {error && error.details.length > 0 ? (
                <ul>
                  {error.details.map((detail) => (
                    <li key={detail}>{detail}</li>
                  ))}
                </ul>
              ) : null}
            </>
          }
        />
      ) : null}
      {save.isSuccess ? <Alert severity="success" small description="Entrée enregistrée." /> : null}
      <Button type="submit" className="fr-mt-2w" disabled={save.isPending}>
        Enregistrer
      </Button>
    </form>
  );
}
