import { ClusterDiagram } from './diagram/ClusterDiagram';
import { Header } from './panels/Header';
import { Narration } from './panels/Narration';
import { TransportBar } from './panels/TransportBar';
import { useTransportKeys } from './panels/keys';
import { usePreferencesEffect } from './panels/usePreferencesEffect';

export function App() {
  useTransportKeys();
  usePreferencesEffect();
  return (
    <div className="app">
      <Header />
      <main className="stage">
        <ClusterDiagram />
        <aside className="side">
          <Narration />
        </aside>
      </main>
      <footer className="footer">
        <TransportBar />
      </footer>
    </div>
  );
}
