import { ROLE_NAMES } from '@amiflow/contracts/labels';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { lazy, ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './auth/session';
import { CampaignPage } from './screens/campaign';
import { CampaignsPage } from './screens/campaigns';
import { Refused } from './screens/problems';
import { SignInCallbackPage, SignInPage } from './screens/sign-in';

// The dossier page (its forms, workflow and mails) is fetched when first opened: the campaign
// page, the one opened first, does not need it (npm run bench:console counts its bytes).
const DossierPage = lazy(() =>
  import('./screens/dossier').then((module) => ({ default: module.DossierPage })),
);

// The other screens likewise, each its own chunk (the synthesis brings Chart.js along).
const MeetingPage = lazy(() =>
  import('./screens/meeting').then((module) => ({ default: module.MeetingPage })),
);
const SynthesisPage = lazy(() =>
  import('./screens/synthesis').then((module) => ({ default: module.SynthesisPage })),
);
const FailedDeliveriesPage = lazy(() =>
  import('./screens/failed-deliveries').then((module) => ({
    default: module.FailedDeliveriesPage,
  })),
);
const ReviewQueuePage = lazy(() =>
  import('./screens/review-queue').then((module) => ({ default: module.ReviewQueuePage })),
);
const DirectoryPage = lazy(() =>
  import('./screens/directory').then((module) => ({ default: module.DirectoryPage })),
);
const OrganisationPage = lazy(() =>
  import('./screens/directory').then((module) => ({ default: module.OrganisationPage })),
);

export function App() {
  const { session, signOut } = useSession();
  const location = useLocation();
  return (
    <>
      {/* The first stop of the keyboard: past the header and menus, to the screen itself. */}
      <SkipLinks links={[{ label: 'Contenu', anchor: '#contenu' }]} />
      <Header
        brandTop={
          <>
            République
            <br />
            Française
          </>
        }
        serviceTitle="amiflow"
        serviceTagline="Console des appels à manifestation d'intérêt"
        homeLinkProps={{
          to: '/',
          title: "Accueil — amiflow, console des appels à manifestation d'intérêt",
        }}
        navigation={
          session && session.role !== 'organisation'
            ? [
                {
                  text: 'Campagnes',
                  linkProps: { to: '/' },
                  isActive:
                    !location.pathname.startsWith('/annuaire') &&
                    !location.pathname.startsWith('/a-evaluer'),
                },
                {
                  text: 'Mes dossiers à évaluer',
                  linkProps: { to: '/a-evaluer' },
                  isActive: location.pathname.startsWith('/a-evaluer'),
                },
                {
                  text: 'Annuaire',
                  linkProps: { to: '/annuaire' },
                  isActive: location.pathname.startsWith('/annuaire'),
                },
              ]
            : undefined
        }
        quickAccessItems={
          session
            ? [
                {
                  iconId: 'fr-icon-account-circle-line',
                  text: `${session.role ? ROLE_NAMES[session.role] : 'Connecté'}${session.organisationId ? ` ${session.organisationId}` : ''}`,
                  linkProps: { to: '/' },
                },
                {
                  iconId: 'fr-icon-logout-box-r-line',
                  text: 'Se déconnecter',
                  buttonProps: { onClick: signOut },
                },
              ]
            : []
        }
      />
      <main id="contenu" className="fr-container fr-py-4w" tabIndex={-1}>
        <Routes>
          <Route path="/connexion" element={<SignInPage />} />
          <Route path="/connexion/retour" element={<SignInCallbackPage />} />
          <Route
            path="/"
            element={
              <Staff>
                <CampaignsPage />
              </Staff>
            }
          />
          <Route
            path="/campagnes/:campaignId"
            element={
              <Staff>
                <CampaignPage />
              </Staff>
            }
          />
          <Route
            path="/campagnes/:campaignId/dossiers/:organisationId"
            element={
              <Staff>
                <Suspense fallback={<p>Chargement du dossier…</p>}>
                  <DossierPage />
                </Suspense>
              </Staff>
            }
          />
          {(
            [
              ['/campagnes/:campaignId/reunion', <MeetingPage key="reunion" />],
              ['/campagnes/:campaignId/synthese', <SynthesisPage key="synthese" />],
              ['/campagnes/:campaignId/envois-en-echec', <FailedDeliveriesPage key="envois" />],
              ['/a-evaluer', <ReviewQueuePage key="a-evaluer" />],
              ['/annuaire', <DirectoryPage key="annuaire" />],
              ['/annuaire/:organisationId', <OrganisationPage key="organisation" />],
            ] as const
          ).map(([path, screen]) => (
            <Route
              key={path}
              path={path}
              element={
                <Staff>
                  <Suspense fallback={<p>Chargement…</p>}>{screen}</Suspense>
                </Staff>
              }
            />
          ))}
          <Route path="*" element={<p>Cette page n'existe pas.</p>} />
        </Routes>
      </main>
    </>
  );
}

/**
 * The operators' screens: signed in, and not as an organisation. The API refuses organisations
 * the operator routes (403) on its own; the console says so before asking.
 */
function Staff({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) {
    return (
      <Navigate to="/connexion" replace state={{ returnTo: location.pathname + location.search }} />
    );
  }
  if (session.role === 'organisation') return <Refused />;
  return <>{children}</>;
}
