import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { startEngine } from './api/engine.js';
import { App } from './App.js';
import { acceptRecordRequests } from './features/crm-links/open-record.js';
import { MessageWindow } from './features/reader/MessageWindow.js';
import { messageWindowTarget } from './features/reader/message-window.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { refreshAll, startLiveUpdates } from './stores/live-updates.js';
import './styles/base.css';
import './styles/layout.css';

// zod probes `new Function` to speed up parsing; our CSP forbids eval and Chrome reports even a caught probe.
z.config({ jitless: true });

const engine = startEngine();
startLiveUpdates(engine);
refreshAll();
acceptRecordRequests();

// A message opened in a window of its own is this same page showing only that message.
const messageId = messageWindowTarget();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>{messageId === null ? <App /> : <MessageWindow id={messageId} />}</I18nProvider>
  </StrictMode>,
);
