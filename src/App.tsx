import { ClusterDiagram } from './diagram/ClusterDiagram';
import { Header } from './panels/Header';
import { LinkNotice } from './panels/LinkNotice';
import { Narration } from './panels/Narration';
import { TransportBar } from './panels/TransportBar';
import { useTransportKeys } from './panels/keys';
import { useLinkSync } from './panels/useLinkSync';
import { usePreferencesEffect } from './panels/usePreferencesEffect';

export function App() {
  useTransportKeys();
  usePreferencesEffect();
  useLinkSync();
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
