import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ApiError } from '../api/client';

/** The screen an organisation's account gets on an operator's screen (the API answers 403). */
export function Refused() {
  return (
    <Alert
      severity="error"
      title="Accès réservé aux agents"
      description="Cet écran est réservé aux instructeurs et aux administrateurs du ministère. Un compte d'organisation ne peut pas y accéder : déconnectez-vous, puis connectez-vous avec un compte d'agent."
    />
  );
}

/** What a failed call says, in the API's own French words. */
export function Problem({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 403) return <Refused />;
  const message = error instanceof Error ? error.message : 'Erreur inattendue.';
  return <Alert severity="error" small description={message} />;
}
