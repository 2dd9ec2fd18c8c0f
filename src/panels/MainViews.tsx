/**
 * The main area: the cluster diagram, the run as a sequence diagram, or each
 * Pod's lifecycle over time (WAI-ARIA tabs). The latter two load on demand,
 * so the first paint does not pay for them.
 */
import { lazy, Suspense, useRef, type KeyboardEvent } from 'react';
import { ClusterDiagram } from '../diagram/ClusterDiagram';
import { MAIN_VIEWS, useMainView, type MainView } from '../store/main-view';
import { PanelBoundary } from './PanelBoundary';
import { useT } from './useT';

const SequenceView = lazy(() => import('../sequence/SequenceView'));
const TimelineView = lazy(() => import('../timeline/TimelineView'));

export function MainViews() {
  const t = useT();
  const view = useMainView((s) => s.view);
  const setView = useMainView((s) => s.setView);
  const refs = useRef<Partial<Record<MainView, HTMLButtonElement | null>>>({});
  const onKey = (e: KeyboardEvent): void => {
    const i = MAIN_VIEWS.indexOf(view);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    // Arrows here move between the views, not the cursor.
    e.preventDefault();
    e.stopPropagation();
    const to = MAIN_VIEWS[(i + step + MAIN_VIEWS.length) % MAIN_VIEWS.length]!;
    setView(to);
    refs.current[to]?.focus();
  };
  return (
    <section className={`main-view main-view-${view}`}>
      <div className="main-tabs" role="tablist" aria-label={t('mainView.label')} onKeyDown={onKey}>
        {MAIN_VIEWS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              refs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`main-tab-${id}`}
            aria-selected={view === id}
            aria-controls={`main-tabpanel-${id}`}
            tabIndex={view === id ? 0 : -1}
            className="main-tab"
            data-testid={`main-tab-${id}`}
            onClick={() => setView(id)}
          >
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
