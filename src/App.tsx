import { lazy, Suspense } from 'react';
import { ClusterDiagram } from './diagram/ClusterDiagram';
import { useEditor } from './editor/draft';
import { useFileDrop } from './editor/useFileDrop';
import { Header } from './panels/Header';
import { Narration } from './panels/Narration';
import { TransportBar } from './panels/TransportBar';
import { useTransportKeys } from './panels/keys';
import { usePreferencesEffect } from './panels/usePreferencesEffect';
import { useT } from './panels/useT';

// CodeMirror comes only with the editor: the first paint does not pay for it.
const EditorPanel = lazy(() => import('./editor/EditorPanel'));

export function App() {
  useTransportKeys();
  usePreferencesEffect();
  const t = useT();
  const dragging = useFileDrop();
  const editorOpen = useEditor((s) => s.open);
  return (
    <div className="app">
      <Header />
      <main className={editorOpen ? 'stage stage-with-editor' : 'stage'}>
        <ClusterDiagram />
        <aside className="side">
          <Narration />
        </aside>
        {editorOpen && (
          <Suspense fallback={<p className="editor-panel editor-loading">{t('editor.loading')}</p>}>
            <EditorPanel />
          </Suspense>
        )}
      </main>
      <footer className="footer">
        <TransportBar />
      </footer>
      {dragging && (
        <div className="drop-hint" aria-hidden="true">
          {t('editor.drop')}
        </div>
      )}
    </div>
  );
}
