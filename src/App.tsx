import { lazy, Suspense, useEffect } from 'react';
import { ClusterDiagram } from './diagram/ClusterDiagram';
import { useEditor } from './editor/draft';
import { useFileDrop } from './editor/useFileDrop';
import { EmbedBar } from './panels/EmbedBar';
import { Header } from './panels/Header';
import { LinkNotice } from './panels/LinkNotice';
import { Narration } from './panels/Narration';
import { SidePanel } from './panels/SidePanel';
import { TransportBar } from './panels/TransportBar';
import { useTransportKeys } from './panels/keys';
import { useEmbedApi } from './panels/useEmbedApi';
import { useLinkSync } from './panels/useLinkSync';
import { usePreferencesEffect } from './panels/usePreferencesEffect';
import { useT } from './panels/useT';
import { EMBED } from './store/embed';
import { usePlayer } from './store/store';

// CodeMirror comes only with the editor: the first paint does not pay for it.
const EditorPanel = lazy(() => import('./editor/EditorPanel'));

export function App() {
  useTransportKeys();
  usePreferencesEffect();
  useLinkSync();
  return EMBED.options.embed ? <EmbeddedApp /> : <FullApp />;
}

function FullApp() {
  const t = useT();
  const dragging = useFileDrop();
  const editorOpen = useEditor((s) => s.open);
  return (
    <div className="app">
      <Header />
      <main className={editorOpen ? 'stage stage-with-editor' : 'stage'}>
        <ClusterDiagram />
        <SidePanel />
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

/** Inside someone's page: the diagram, the narration as a caption, and the controls if asked for. */
function EmbeddedApp() {
  useEmbedApi();
  useEffect(() => {
    if (EMBED.options.autoplay) usePlayer.getState().play();
  }, []);
  return (
    <div className="app embed" data-testid="embed">
      <EmbedBar />
      <main className="stage">
        <ClusterDiagram />
        <aside className="caption">
          <LinkNotice />
          <Narration />
        </aside>
      </main>
      {EMBED.options.controls && (
        <footer className="footer">
          <TransportBar />
        </footer>
      )}
    </div>
  );
}
