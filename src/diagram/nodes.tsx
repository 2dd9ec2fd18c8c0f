/**
 * Custom React Flow nodes, defined once outside any component and memoized.
 * Each reads only the slice of the store it draws.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ComponentId } from '../engine';
import { currentSeq, currentStep, usePlayer } from '../store/store';
import { useT } from '../panels/useT';
import { PodCard } from './PodCard';
import { failureOfStep, failuresAt, podFailuresIn, type Failure } from './failures';
import { nodeReadyAt, podsAt, type PodView } from './pods';

export type ComponentNodeData = { id: ComponentId; kind: string; node?: string };
export type GroupNodeData = {
  kind: 'control-plane' | 'worker' | 'unscheduled';
  node?: string;
  /** Where Pod cards go, relative to the group. */
  podArea?: { x: number; y: number; w: number; h: number };
};

/** 'from' acts, 'to' receives, 'self' works alone; null when not part of the step. */
function useRole(id: ComponentId): 'from' | 'to' | 'self' | null {
  return usePlayer((s) => {
    const step = currentStep(s);
    if (!step) return null;
    if (step.from === id && step.to === id) return 'self';
    if (step.from === id) return 'from';
    if (step.to === id || step.fanout?.includes(id)) return 'to';
    return null;
  });
}

/** The failure that holds on this component at the cursor, and whether it happens at this very step. */
function useFailure(id: ComponentId): { failure: Failure | undefined; now: boolean } {
  const failure = usePlayer((s) => failuresAt(s.trace, currentSeq(s)).get(id));
  const now = usePlayer((s) => failureOfStep(s.trace, currentSeq(s))?.component === id);
  return { failure, now };
}

const hidden = { opacity: 0, top: '50%', left: '50%', width: 1, height: 1, minWidth: 0, minHeight: 0, border: 0 };

export const ComponentNode = memo(function ComponentNode({ data }: NodeProps<Node<ComponentNodeData>>) {
  const t = useT();
  const role = useRole(data.id);
  const { failure, now } = useFailure(data.id);
  return (
    <div
      className={`component component-${data.kind}${role ? ` is-${role}` : ''}${failure ? ' is-failed' : ''}${now ? ' is-failing-now' : ''}`}
      data-testid={`component-${data.id}`}
      data-role={role ?? ''}
      data-failure={failure?.reason}
    >
      <Handle type="target" position={Position.Top} style={hidden} isConnectable={false} />
      <Handle type="source" position={Position.Top} style={hidden} isConnectable={false} />
      <div className="component-name">{t(`component.${data.kind}`)}</div>
      <div className="component-role">{t(`role.${data.kind}`)}</div>
      {data.id.includes('/') && (
        <span className="visually-hidden"> ({t('diagram.node', { name: data.id.split('/')[1]! })})</span>
      )}
      {failure && (
        <div className="failure-badge" data-testid="failure-badge" title={failure.message}>
          <span aria-hidden="true">✕ </span>
          <span className="visually-hidden">{t('failure.badge')} </span>
          {failure.reason}
        </div>
      )}
    </div>
  );
});

/** False when the Node's Ready condition is not True at this step (the node lifecycle controller marked it). */
function useNodeReady(node: string | undefined): boolean {
  return usePlayer((s) => !node || nodeReadyAt(s.trace, node, currentSeq(s)));
}

/** Pod name → the reason of the failure that holds against it here (FailedCreatePodSandBox, FailedScheduling, …). */
function usePodFailures(node: string | undefined): Map<string, string> {
  const lines = usePlayer((s) => podFailuresIn(s.trace, currentSeq(s), node));
  return useMemo(() => new Map(lines ? lines.split('\n').map((l) => l.split('=') as [string, string]) : []), [lines]);
}

function usePods(node: string) {
  return usePlayer(useShallow((s) => podsAt(s.trace, currentSeq(s)).get(node) ?? []));
}

/** The failing Pods first, each group in its own order (a stable partition). */
function failingFirst(pods: readonly PodView[], failing: ReadonlyMap<string, string>): PodView[] {
  const bad = (p: PodView): boolean => p.health === 'failed' || failing.has(p.name);
  return [...pods.filter(bad), ...pods.filter((p) => !bad(p))];
}

/** Cards that fit in a node (fewer in the unscheduled tray, where they are compact); the rest are counted. */
const MAX_CARDS = { worker: 3, unscheduled: 3 } as const;

export const GroupNode = memo(function GroupNode({ data }: NodeProps<Node<GroupNodeData>>) {
  const t = useT();
  const pods = usePods(data.kind === 'worker' ? data.node! : '');
  const ready = useNodeReady(data.kind === 'worker' ? data.node : undefined);
  const failing = usePodFailures(data.kind === 'worker' ? data.node : undefined);
  if (data.kind === 'control-plane') {
    return (
      <div className="group group-control-plane">
        <div className="group-label">{t('diagram.controlPlane')}</div>
      </div>
    );
  }
  const label = data.kind === 'worker' ? t('diagram.node', { name: data.node! }) : t('diagram.unscheduled');
  const max = MAX_CARDS[data.kind];
  // When not all fit, one card's room goes to the count of the rest, and failing Pods get the cards first.
  const shown = pods.length > max ? max - 1 : pods.length;
  const cards = pods.length > shown ? failingFirst(pods, failing) : pods;
  return (
    <div
      className={`group group-${data.kind}${ready ? '' : ' group-notready'}`}
      data-testid={data.kind === 'worker' ? `node-${data.node}` : 'unscheduled'}
      data-ready={data.kind === 'worker' ? String(ready) : undefined}
    >
      <div className="group-label" title={data.kind === 'unscheduled' ? t('diagram.unscheduledHint') : undefined}>
        {label}
        {!ready && <span className="node-notready"> · {t('diagram.nodeNotReady')}</span>}
      </div>
      <div
        className={`pod-area pod-area-${data.kind}`}
        style={data.podArea ? { left: data.podArea.x, top: data.podArea.y, width: data.podArea.w } : undefined}
      >
        {cards.slice(0, shown).map((p) => (
          <PodCard key={p.key} pod={p} compact={data.kind === 'unscheduled'} failure={failing.get(p.name)} />
        ))}
        {pods.length > shown && (
          <div className="pod-more" data-testid="pod-more">
            {t('diagram.morePods', {
              count: pods.length - shown,
              running: cards.slice(shown).filter((p) => p.status === 'Running').length,
            })}
          </div>
        )}
      </div>
    </div>
  );
});

export const NODE_TYPES = { component: ComponentNode, box: GroupNode };
