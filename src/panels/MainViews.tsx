/**
 * The main area: the cluster diagram, the run as a sequence diagram, or each
 * Pod's lifecycle over time (WAI-ARIA tabs). The latter two load on demand,
 * so the first paint does not pay for them.
 */
import { lazy, Suspense, useEffect } from 'react';
import { ClusterDiagram } from '../diagram/ClusterDiagram';
import { diagramDrawn } from '../diagram/drawn';
import { MAIN_VIEWS, useMainView } from '../store/main-view';
import { PanelBoundary } from './PanelBoundary';
import { useTabList } from './useTabList';
import { useT } from './useT';

const SequenceView = lazy(() => import('../sequence/SequenceView'));
const TimelineView = lazy(() => import('../timeline/TimelineView'));

export function MainViews() {
  const t = useT();
  const view = useMainView((s) => s.view);
  const setView = useMainView((s) => s.setView);
  const { onKeyDown: onKey, tabProps } = useTabList(MAIN_VIEWS, view, setView, 'main-');
  // A page that opens on another view draws no diagram: its first run need not wait for one.
  useEffect(() => {
    if (view !== 'diagram') diagramDrawn();
  }, [view]);
  return (
    <section className={`main-view main-view-${view}`}>
      <div className="main-tabs" role="tablist" aria-label={t('mainView.label')} onKeyDown={onKey}>
        {MAIN_VIEWS.map((id) => (
          <button key={id} {...tabProps(id)} className="main-tab">
            {t(`mainView.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`main-tabpanel-${view}`} aria-labelledby={`main-tab-${view}`} className="main-tabpanel">
        {view === 'diagram' ? (
          <PanelBoundary name="diagram">
            <ClusterDiagram />
          </PanelBoundary>
        ) : (
          <PanelBoundary name={view}>
            <Suspense fallback={<p className="muted main-loading">{t('inspect.loading')}</p>}>
              {view === 'sequence' ? <SequenceView /> : <TimelineView />}
            </Suspense>
          </PanelBoundary>
        )}
      </div>
    </section>
  );
}
