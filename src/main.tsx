import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { loadCatalog } from './i18n';
import { usePlayer } from './store/store';

// The first paint speaks the learner's language: fetch its catalog first (English is bundled).
await loadCatalog(usePlayer.getState().language).catch(() => undefined);

const root = createRoot(document.getElementById('root')!);
// A transition: React renders the first page in slices of a few ms, so loading holds no long task for it.
startTransition(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
