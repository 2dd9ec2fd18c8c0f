import { useEffect } from 'react';
import { ClusterDiagram } from './diagram/ClusterDiagram';
import { EmbedBar } from './panels/EmbedBar';
import { Header } from './panels/Header';
import { LinkNotice } from './panels/LinkNotice';
import { Narration } from './panels/Narration';
import { TransportBar } from './panels/TransportBar';
import { useTransportKeys } from './panels/keys';
import { useEmbedApi } from './panels/useEmbedApi';
import { useLinkSync } from './panels/useLinkSync';
import { usePreferencesEffect } from './panels/usePreferencesEffect';
import { EMBED } from './store/embed';
import { usePlayer } from './store/store';

export function App() {
  useTransportKeys();
  usePreferencesEffect();
  useLinkSync();
  return EMBED.options.embed ? <EmbeddedApp /> : <FullApp />;
}

function FullApp() {
  return (
    <div className="app">
      <Header />
      <main className="stage">
        <ClusterDiagram />
        <aside className="side">
          <LinkNotice />
          <Narration />
        </aside>
      </main>
      <footer className="footer">
        <TransportBar />
      </footer>
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
