/**
 * The side column: the narration first, then the inspector, the kubectl views
 * and the transcript as tabs (WAI-ARIA tabs pattern). The three latter load on
 * demand, so the first paint does not pay for them.
 */
import { lazy, Suspense } from 'react';
import { loadYamlReader } from '../manifest/reader';
import { SIDE_TABS, useInspect } from '../store/inspect';
import { LinkNotice } from './LinkNotice';
import { PredictPanel } from '../predict/PredictPanel';
import { Narration } from './Narration';
import { PanelBoundary } from './PanelBoundary';
import { WhatIfBar } from './WhatIf';
import { useTabList } from './useTabList';
import { useT } from './useT';

// The kubectl prompt reads YAML (`-f`, edits): the reader comes with it.
const InspectTabs = lazy(() => Promise.all([import('../inspect/InspectTabs'), loadYamlReader()]).then(([m]) => m));

export function SidePanel() {
  const t = useT();
  const tab = useInspect((s) => s.tab);
  const setTab = useInspect((s) => s.setTab);
  const { onKeyDown: onKey, tabProps } = useTabList(SIDE_TABS, tab, setTab);
  return (
    <aside className={`side side-${tab}`}>
      <div className="side-tabs" role="tablist" aria-label={t('inspect.tabs')} onKeyDown={onKey}>
        {SIDE_TABS.map((id) => (
          <button key={id} {...tabProps(id)} className="side-tab">
            {t(`inspect.tab.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="side-panel" tabIndex={-1}>
        {tab === 'narration' ? (
          <>
            <LinkNotice />
            <WhatIfBar />
            <PredictPanel />
            <PanelBoundary name="narration">
              <Narration />
            </PanelBoundary>
          </>
        ) : (
          <PanelBoundary name="inspector">
            <Suspense fallback={<p className="muted">{t('inspect.loading')}</p>}>
              <InspectTabs tab={tab} />
            </Suspense>
          </PanelBoundary>
        )}
      </div>
    </aside>
  );
}
