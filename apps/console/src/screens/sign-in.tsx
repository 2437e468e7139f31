import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import type { SignInOptions } from '../api/types';
import { Role, useSession } from '../auth/session';
import { Problem } from './problems';

function useSignInOptions() {
  return useQuery({
    queryKey: ['sign-in-options'],
    queryFn: () => api<SignInOptions>('GET', '/auth/sign-in-options'),
    refetchInterval: false,
    staleTime: Infinity,
  });
}

/**
 * Sign-in: with the ministry's identity provider (OpenID Connect) when one is configured, and in
 * development a button per role, which gets a one-hour token from the API.
 */
export function SignInPage() {
  const options = useSignInOptions();
  const { signInForDevelopment, signInWithProvider } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const returnTo = (location.state as { returnTo?: string } | null)?.returnTo ?? '/';
  const [organisationId, setOrganisationId] = useState('');
  const [error, setError] = useState<unknown>();

  const asRole = async (role: Role, organisation?: string) => {
    setError(undefined);
    try {
      await signInForDevelopment(role, organisation);
      void navigate(returnTo, { replace: true });
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <h1>Connexion</h1>
      {options.error ? <Problem error={options.error} /> : null}
      {error ? <Problem error={error} /> : null}
      {options.data?.oidc ? (
        <section className="fr-mb-6w">
          <h2>Agents du ministère</h2>
          <Button
            iconId="fr-icon-lock-line"
            onClick={() => void signInWithProvider(options.data.oidc!, returnTo).catch(setError)}
          >
            Se connecter avec le fournisseur d'identité
          </Button>
        </section>
      ) : null}
      {options.data?.development ? (
        <section>
          <h2>Connexion de développement</h2>
          <Alert
            severity="warning"
            small
            className="fr-mb-3w"
            description="Cette API signe ses propres jetons (secret de développement) : choisissez un rôle. Cette page n'existe pas en production."
          />
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button onClick={() => void asRole('operator')}>Instructeur</Button>
            </li>
            <li>
              <Button onClick={() => void asRole('admin')} priority="secondary">
                Administrateur
              </Button>
            </li>
          </ul>
          <Select
            label="Organisation à représenter"
            nativeSelectProps={{
              value: organisationId,
              onChange: (event) => setOrganisationId(event.target.value),
            }}
          >
            <option value="">Choisir une organisation</option>
            {options.data.organisations.map((organisation) => (
              <option key={organisation.organisationId} value={organisation.organisationId}>
                {organisation.name}
              </option>
            ))}
          </Select>
          <Button
            priority="secondary"
            disabled={!organisationId}
            onClick={() => void asRole('organisation', organisationId)}
          >
            {`Organisation ${options.data.organisations.find((o) => o.organisationId === organisationId)?.name ?? ''}`.trim()}
          </Button>
        </section>
      ) : null}
      {options.data && !options.data.development && !options.data.oidc ? (
        <Alert
          severity="error"
          title="Aucun moyen de connexion"
          description="L'API n'a ni fournisseur d'identité (OIDC_ISSUER_URL, OIDC_CLIENT_ID) ni secret de développement."
        />
      ) : null}
    </>
  );
}

/** Where the identity provider sends the operator back with a code, exchanged here (PKCE). */
export function SignInCallbackPage() {
  const options = useSignInOptions();
  const { completeProviderSignIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const started = useRef(false);
  useEffect(() => {
    if (!options.data?.oidc || started.current) return;
    started.current = true;
    completeProviderSignIn(options.data.oidc).then(
      (returnTo) => void navigate(returnTo, { replace: true }),
      setError,
    );
  }, [options.data, completeProviderSignIn, navigate]);
  return (
    <>
      <h1>Connexion en cours…</h1>
      {error ? <Problem error={error} /> : null}
    </>
  );
}
