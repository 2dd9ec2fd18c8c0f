import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { loadCatalog } from './i18n';
import { usePlayer } from './store/store';

// The first paint speaks the learner's language: fetch its catalog first (English is bundled).
await loadCatalog(usePlayer.getState().language).catch(() => undefined);

const root = createRoot(document.getElementById('root')!);
root.render(
  <StrictMode>
    <App />
  </StrictMode>,
);
