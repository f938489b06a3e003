// The font the Utrecht tokens name, served from our own files (the CSP allows no remote fonts).
import '@fontsource-variable/noto-sans/index.css';
import '@utrecht/design-tokens/dist/theme.css';
import '@utrecht/component-library-css/dist/index.css';
import './styles/app.css';
import './styles/signals.css';
import './styles/dossiers.css';
import './styles/subjects.css';
import './styles/attachments.css';
import './styles/search.css';
import './styles/bundles.css';
import './styles/documents.css';
import './styles/meetings.css';
import './styles/reports.css';
import './styles/print.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { reportActivityWhile } from './activity';
import { App } from './App';
import { connectBridge } from './bridge';
import { setBridge, setVaultLockedErrorHandler, subscribeToCoreEvents } from './core-client';
import { initI18n } from './i18n';
import { useJobs } from './store/jobs';
import { useNavigation } from './store/navigation';
import { useSession } from './store/session';

document.documentElement.lang = initI18n().language;

// Lock events sent while the event stream was down are lost: ask the core where it stands.
const bridge = connectBridge({ onEventsResumed: () => void useSession.getState().checkStillUnlocked() });
if (bridge) {
  setBridge(bridge);
  setVaultLockedErrorHandler(() => useSession.getState().handleLocked('unknown'));
  subscribeToCoreEvents((event) => {
    if (event.type === 'vault.locked') useSession.getState().handleLocked(event.reason);
    else if (event.type === 'job.progress') useJobs.getState().record(event);
  });
  reportActivityWhile(() => useSession.getState().status.state === 'unlocked');
  void useSession.getState().start();
} else {
  useNavigation.getState().go({ name: 'no-access' });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
