import { lazy, Suspense, useEffect } from 'react';
import { ClusterDiagram } from './diagram/ClusterDiagram';
import { useEditor } from './editor/draft';
import { useFileDrop } from './editor/useFileDrop';
import { EmbedBar } from './panels/EmbedBar';
import { Header } from './panels/Header';
import { LinkNotice } from './panels/LinkNotice';
import { MainViews } from './panels/MainViews';
import { Narration } from './panels/Narration';
import { PanelBoundary } from './panels/PanelBoundary';
import { SidePanel } from './panels/SidePanel';
import { TransportBar } from './panels/TransportBar';
import { useTransportKeys } from './panels/keys';
import { useEmbedApi } from './panels/useEmbedApi';
import { useLinkSync } from './panels/useLinkSync';
import { usePreferencesEffect } from './panels/usePreferencesEffect';
import { useT } from './panels/useT';
import { EMBED } from './store/embed';
import { firstRun, usePlayer } from './store/store';
import { PresenterView } from './present/PresenterView';
import { usePresenter } from './present/presenter';
import { usePresenterChannel, usePresenterKeys } from './present/usePresenterKeys';

// CodeMirror comes only with the editor: the first paint does not pay for it.
const EditorPanel = lazy(() => import('./editor/EditorPanel'));

// The speaker-notes window holds no trace: the presenting tab tells it what to show.
const NotesApp = lazy(() => import('./present/NotesApp'));
const NOTES_SESSION =
  typeof location === 'undefined'
    ? null
    : new URLSearchParams(location.search).get('notes') === '1'
      ? new URLSearchParams(location.search).get('session')
      : null;

export function App() {
  if (NOTES_SESSION) {
    return (
      <Suspense fallback={null}>
        <NotesApp session={NOTES_SESSION} />
      </Suspense>
    );
  }
  return <PlayerApp />;
}

function PlayerApp() {
  // The first run starts once the page is committed: the diagram does not wait for it.
  useEffect(() => void firstRun(), []);
  useTransportKeys();
  usePreferencesEffect();
  useLinkSync();
  return EMBED.options.embed ? <EmbeddedApp /> : <FullApp />;
}

function FullApp() {
  usePresenterKeys();
  usePresenterChannel();
  const presenting = usePresenter((s) => s.on);
  return presenting ? <PresenterView /> : <Workspace />;
}

function Workspace() {
  const t = useT();
  const dragging = useFileDrop();
  const editorOpen = useEditor((s) => s.open);
  const simulating = usePlayer((s) => s.simulating);
  return (
    <div className="app" aria-busy={simulating}>
      <PanelBoundary name="header">
        <Header />
      </PanelBoundary>
      <main className={editorOpen ? 'stage stage-with-editor' : 'stage'}>
        <MainViews />
        <SidePanel />
        {editorOpen && (
          <PanelBoundary name="editor">
            <Suspense fallback={<p className="editor-panel editor-loading">{t('editor.loading')}</p>}>
              <EditorPanel />
            </Suspense>
          </PanelBoundary>
        )}
      </main>
      <footer className="footer">
        <PanelBoundary name="transport">
          <TransportBar />
        </PanelBoundary>
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
  const simulating = usePlayer((s) => s.simulating);
  useEffect(() => {
    if (EMBED.options.autoplay) void firstRun().then(() => usePlayer.getState().play());
  }, []);
  return (
    <div className="app embed" data-testid="embed" aria-busy={simulating}>
      <EmbedBar />
      <main className="stage">
        <PanelBoundary name="diagram">
          <ClusterDiagram />
        </PanelBoundary>
        <aside className="caption">
          <LinkNotice />
          <PanelBoundary name="narration">
            <Narration />
          </PanelBoundary>
        </aside>
      </main>
      {EMBED.options.controls && (
        <footer className="footer">
          <PanelBoundary name="transport">
            <TransportBar />
          </PanelBoundary>
        </footer>
      )}
    </div>
  );
}
