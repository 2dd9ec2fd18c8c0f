import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { loadCatalog } from './i18n';
import { usePlayer } from './store/store';

// The first paint speaks the learner's language: fetch its catalog first (English is bundled).
await loadCatalog(usePlayer.getState().language).catch(() => undefined);

// As a transition, the first render yields to the browser every few ms instead of holding it in one long task.
const root = createRoot(document.getElementById('root')!);
startTransition(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
