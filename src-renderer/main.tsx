import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { startEngine } from './api/engine.js';
import { App } from './App.js';
import { composeWindowTarget } from './features/compose/compose-window.js';
import { acceptRecordRequests } from './features/crm-links/open-record.js';
import { MessageWindow } from './features/reader/MessageWindow.js';
import { messageWindowTarget } from './features/reader/message-window.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { refreshAll, startLiveUpdates } from './stores/live-updates.js';
import './styles/base.css';
import './styles/layout.css';

// zod probes `new Function` to speed up parsing; our CSP forbids eval and Chrome reports even a caught probe.
z.config({ jitless: true });

// The composer's editor (Lexical) is loaded only by the windows that write mail.
const ComposeWindow = lazy(() => import('./features/compose/ComposeWindow.js').then((m) => ({ default: m.ComposeWindow })));

const engine = startEngine();
startLiveUpdates(engine);
refreshAll();
acceptRecordRequests();

// A message opened in a window of its own, or the composer, is this same page showing only that.
const messageId = messageWindowTarget();
const composeTarget = composeWindowTarget();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
let page;
if (composeTarget) {
  page = (
    <Suspense fallback={null}>
      <ComposeWindow target={composeTarget} />
    </Suspense>
  );
}
else if (messageId !== null) page = <MessageWindow id={messageId} />;
else page = <App />;
createRoot(root).render(
  <StrictMode>
    <I18nProvider>{page}</I18nProvider>
  </StrictMode>,
);
