/**
 * The cluster as a React Flow diagram: nodes are built once per topology;
 * the step at the cursor decides which edge is lit and where the packet goes.
 */
import { actorOf, usePredict } from '../predict/predict';
import { ReactFlow, useReactFlow, useStore, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { usePlayer } from '../store/store';
import { useInspect } from '../store/inspect';
import type { ComponentId } from '../engine';
import { useT } from '../panels/useT';
import { EDGE_TYPES } from './FlowEdge';
import { NODE_TYPES, type ComponentNodeData, type GroupNodeData } from './nodes';
import { mark, MARK } from '../perf/marks';
import { diagramDrawn } from './drawn';
import { StepCommitMark } from '../perf/StepCommitMark';
import { FailureCaption } from './FailureCaption';
import { Packets } from './Packets';
import { buildTopology, optionalPartsOf, type Topology } from './topology';

function flowNodes(topology: Topology): Node[] {
  const groups: Node<GroupNodeData>[] = topology.groups.map((g) => {
    const area = topology.podAreas[g.node ?? (g.kind === 'unscheduled' ? 'unscheduled' : '')];
    return {
      id: g.id,
      type: 'box',
      position: { x: g.box.x, y: g.box.y },
      width: g.box.w,
      height: g.box.h,
      data: {
        kind: g.kind,
        ...(g.node ? { node: g.node } : {}),
        ...(area ? { podArea: { x: area.x - g.box.x, y: area.y - g.box.y, w: area.w, h: area.h } } : {}),
      },
      draggable: false,
      selectable: false,
      focusable: false,
      zIndex: 0,
    };
  });
  const components: Node<ComponentNodeData>[] = topology.components.map((c) => ({
    id: c.id,
    type: 'component',
    position: { x: c.box.x, y: c.box.y },
    width: c.box.w,
    height: c.box.h,
    data: { id: c.id, kind: c.kind },
    // A button that opens the component's inspector (Enter, or a click); its text is its name.
    ariaRole: 'button',
    draggable: false,
    selectable: false,
    zIndex: 2,
  }));
  return [...groups, ...components];
}

/** A new cluster (another scenario) is shown whole, as the first one was. */
function FitOnTopology({ topology }: { topology: Topology }) {
  const { fitBounds } = useReactFlow();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const { x, y, w, h } = topology.bounds;
    const frame = requestAnimationFrame(() => void fitBounds({ x, y, width: w, height: h }, { padding: FIT_PADDING }));
    return () => cancelAnimationFrame(frame);
  }, [topology, fitBounds]);
  return null;
}

/** When the diagram's room changes (the YAML editor opens beside it, the window resizes), show it whole again. */
function FitOnResize({ topology }: { topology: Topology }) {
  const { fitBounds } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const seen = useRef(false);
  useEffect(() => {
    if (!width || !height) return;
    if (!seen.current) {
      seen.current = true;
      return;
    }
    const { x, y, w, h } = topology.bounds;
    const frame = requestAnimationFrame(() => void fitBounds({ x, y, width: w, height: h }, { padding: FIT_PADDING }));
    return () => cancelAnimationFrame(frame);
  }, [width, height, topology, fitBounds]);
  return null;
}

const FIT_PADDING = 0.04;

export const ClusterDiagram = memo(function ClusterDiagram() {
  const t = useT();
  // Element by element: the first run, made after the diagram is drawn, has the same nodes as the empty trace before it.
  const nodesSpec = usePlayer(useShallow((s) => s.trace.nodes));
  const theme = usePlayer((s) => s.theme);
  // Add-on parts (ingress-nginx, policy agents) are drawn only when the run uses them.
  const optional = usePlayer((s) => optionalPartsOf(s.trace.steps));
  const topology = useMemo(() => buildTopology(nodesSpec, optional), [nodesSpec, optional]);
  const nodes = useMemo(() => flowNodes(topology), [topology]);
  const inspect = useInspect((s) => s.inspect);
  // In predict mode a component clicked (or Enter) is the learner's guess of who acts next; otherwise it opens its inspector.
  const pick = (id: ComponentId): void => {
    const predict = usePredict.getState();
    if (predict.on) predict.guess(actorOf(id));
    else inspect({ component: id });
  };
  const edges: Edge[] = useMemo(
    () =>
      topology.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        type: 'flow',
        focusable: false,
        selectable: false,
        // Above the group boxes, below the components.
        zIndex: 1,
      })),
    [topology],
  );

  return (
    <div
      className="diagram"
      role="region"
      aria-label={t('diagram.label')}
      data-testid="diagram"
      onKeyDown={(e) => {
        // React Flow's node wrapper has the focus; Enter on a component opens its inspector.
        if (e.key !== 'Enter') return;
        const id = (e.target as HTMLElement).closest?.('.react-flow__node-component')?.getAttribute('data-id');
        if (!id) return;
        e.preventDefault();
        pick(id as ComponentId);
      }}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        colorMode={theme}
        fitView
        fitViewOptions={{ padding: FIT_PADDING }}
        minZoom={0.2}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        // The transport owns Space and the arrows; the diagram claims no keys.
        panActivationKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        deleteKeyCode={null}
        zoomActivationKeyCode={null}
        proOptions={{ hideAttribution: false }}
        onInit={() => {
          mark(MARK.firstDiagram);
          diagramDrawn();
        }}
        onNodeClick={(_, node) => node.type === 'component' && pick(node.id as ComponentId)}
      >
        <Packets topology={topology} />
        <StepCommitMark />
        <FitOnTopology topology={topology} />
        <FitOnResize topology={topology} />
      </ReactFlow>
      <FailureCaption />
      <p className="visually-hidden">{t('inspect.textAlternative')}</p>
    </div>
  );
});
