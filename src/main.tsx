import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { loadCatalog } from './i18n';
import { holdFirstRun, usePlayer } from './store/store';
import { firstDiagramDrawn } from './diagram/drawn';

const FIRST_RUN_WAIT_MS = 5000;

// The first paint speaks the learner's language: fetch its catalog first (English is bundled).
await loadCatalog(usePlayer.getState().language).catch(() => undefined);

// The first run waits for the first diagram (or 5 s, if the page is hidden and React Flow cannot measure it: a loaded machine draws well within that).
holdFirstRun(Promise.race([firstDiagramDrawn, new Promise((later) => setTimeout(later, FIRST_RUN_WAIT_MS))]));

const root = createRoot(document.getElementById('root')!);
root.render(
  <StrictMode>
    <App />
  </StrictMode>,
);
