/**
 * The floor: the least a page of podflow's kind can cost. A bare React Flow
 * diagram of the same size as the app's (same topology, same stack: React,
 * React Flow, motion with LazyMotion) with one packet moving edge to edge,
 * the same transport keys and the same performance marks. The benchmark
 * reports the app's figures as ratios of this page's.
 */
import { ReactFlow, ViewportPortal, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { domAnimation, LazyMotion, m } from 'motion/react';
import { StrictMode, useEffect, useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { buildTopology, center } from '../../src/diagram/topology';
import { mark, MARK } from '../../src/perf/marks';

const topology = buildTopology([
  { name: 'node-1', cpu: '4', memory: '8Gi', pods: 110, podCIDR: '10.244.1.0/24' },
  { name: 'node-2', cpu: '4', memory: '8Gi', pods: 110, podCIDR: '10.244.2.0/24' },
]);
const nodes: Node[] = [
  ...topology.groups.map((g) => ({
    id: g.id,
    position: { x: g.box.x, y: g.box.y },
    width: g.box.w,
    height: g.box.h,
    data: { label: g.id },
    zIndex: 0,
  })),
  ...topology.components.map((c) => ({
    id: c.id,
    position: { x: c.box.x, y: c.box.y },
    width: c.box.w,
    height: c.box.h,
    data: { label: c.id },
    zIndex: 2,
  })),
];
const edges: Edge[] = topology.edges.map((e) => ({
  id: e.id,
  source: e.source,
  target: e.target,
  type: 'straight',
  zIndex: 1,
}));
const box = (id: string) => topology.components.find((c) => c.id === id)!.box;
const STEPS = 16;

function Floor() {
  const [cursor, setCursor] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight') {
        mark(MARK.key);
        setCursor((c) => (c + 1) % (STEPS + 1));
      } else if (e.key === ' ') {
        e.preventDefault();
        setPlaying((p) => !p);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => setCursor((cursor + 1) % (STEPS + 1)), 1000 / speed);
    return () => clearTimeout(timer);
  }, [playing, cursor, speed]);
  useLayoutEffect(() => mark(MARK.stepCommitted, cursor), [cursor]);
  const edge = topology.edges[cursor % topology.edges.length]!;
  const a = center(box(edge.source));
  const b = center(box(edge.target));
  return (
    <div style={{ display: 'grid', gridTemplateRows: '1fr auto', height: '100vh' }}>
      <ReactFlow nodes={nodes} edges={edges} fitView onInit={() => mark(MARK.firstDiagram)} panActivationKeyCode={null}>
        <ViewportPortal>
          <m.div
            key={cursor}
            style={{
              position: 'absolute',
              width: 18,
              height: 18,
              left: -9,
              top: -9,
              borderRadius: 9,
              background: '#2357c9',
            }}
            initial={{ x: a.x, y: a.y }}
            animate={{ x: b.x, y: b.y }}
            transition={{ duration: Math.min(800 / speed, 900) / 1000 }}
          />
        </ViewportPortal>
      </ReactFlow>
      <div>
        <button type="button" onClick={() => setPlaying((p) => !p)} aria-label={playing ? 'Pause' : 'Play'}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <select data-testid="speed" value={speed} onChange={(e) => setSpeed(Number(e.currentTarget.value))}>
          {[0.25, 0.5, 1, 2, 4].map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
        <span data-testid="step-counter">
          Step {cursor} of {STEPS}
        </span>
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LazyMotion features={domAnimation} strict>
      <Floor />
    </LazyMotion>
  </StrictMode>,
);
