import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { startEngine } from './api/engine.js';
import { App } from './App.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { refreshAll, startLiveUpdates } from './stores/live-updates.js';
import './styles/base.css';
import './styles/layout.css';

// zod probes `new Function` to speed up parsing; our CSP forbids eval and Chrome reports even a caught probe.
z.config({ jitless: true });

const engine = startEngine();
startLiveUpdates(engine);
refreshAll();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
