// The console itself, loaded by main.tsx: styles, React, every screen (most of the bytes).
// The DSFR's styles: its core and the components the console draws, in the DSFR's own order
// (dsfr.min.css holds every component, and the legacy browsers' rules: 600 KB the campaign page,
// the first opened, had to parse before drawing anything).
import '@codegouvfr/react-dsfr/dsfr/core/core.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/accordion/accordion.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/link/link.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/badge/badge.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/logo/logo.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/button/button.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/breadcrumb/breadcrumb.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/form/form.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/tab/tab.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/tag/tag.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/alert/alert.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/radio/radio.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/card/card.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/checkbox/checkbox.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/input/input.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/skiplink/skiplink.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/select/select.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/modal/modal.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/navigation/navigation.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/table/table.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/component/header/header.main.min.css';
import '@codegouvfr/react-dsfr/dsfr/scheme/scheme.min.css';
import './icons.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import {
  type DehydratedState,
  hydrate,
  QueryClient,
  QueryClientProvider,
} from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter, Link } from 'react-router';
import { App } from './app';
import { SessionProvider } from './auth/session';
import { forgetOthersCookie, restoreSession, sessionCookieToken } from './auth/stored-session';
import './console.css';

startReactDsfr({ defaultColorScheme: 'light', Link });

declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

// Server state: every list and dossier is polled, so that the screens follow the workflows
// without a reload (liveness); a refused call is not retried (the API said why).
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchInterval: 5_000,
      refetchIntervalInBackground: false,
      retry: (failures, error) => failures < 2 && (error as { status?: number }).status === 0,
      staleTime: 2_000,
    },
  },
});

const tree = (
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename="/console">
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>
);

// A page the API prerendered (apps/api/src/operations/console/prerender-console-page.ts) holds the
// screens' markup and the answers it was drawn from. When it was drawn with this tab's token (the
// cookie's), the screens start from those answers and take the markup over as it is (hydration:
// what the operator has focused or typed meanwhile stays); should a date or a « dans 3 jours »
// drawn on the server differ by a character from the browser's, React draws the page afresh (a
// recoverable error, logged). Otherwise (drawn for another tab's session) it is drawn afresh at once.
const root = document.getElementById('root') as HTMLElement;
const prerendered = document.getElementById('amiflow-prerendered');
const state = JSON.parse(prerendered?.textContent || 'null') as DehydratedState | null;
prerendered?.remove();
const session = restoreSession();
forgetOthersCookie();
if (state && session && session.token === sessionCookieToken()) {
  hydrate(queryClient, state);
  hydrateRoot(root, tree);
} else {
  root.replaceChildren();
  createRoot(root).render(tree);
}
