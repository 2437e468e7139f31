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
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link } from 'react-router';
import { App } from './app';
import { SessionProvider } from './auth/session';
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

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename="/console">
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
