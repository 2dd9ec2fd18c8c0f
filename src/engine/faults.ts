/**
 * Faults: which component each kind strikes, and the step that tells it.
 * A fault is a message delivered to the component that fails, so each
 * component keeps its own failure in its plain-data state (the kubelet is
 * down, etcd is slow, host-local has no address left). A new kind is a new
 * case here and in the component that suffers it.
 */
import type { Delivery } from './core/sim';
import type { ComponentId, Fault, FaultSpec } from './types';

/** etcd-slow's default extra latency: etcd warns of slow applies past 100 ms; a struggling disk takes several times that. */
export const ETCD_SLOW_EXTRA_MS = 500;

/** The fault kinds a learner can pick, and whether one needs a node. */
export const FAULT_KINDS = [
  { kind: 'node-down', node: true },
  { kind: 'etcd-slow', node: false },
  { kind: 'ips-exhausted', node: true },
] as const satisfies readonly { kind: Fault['kind']; node: boolean }[];

/** The component a fault strikes, or undefined when the cluster has no such target (a node it lacks). */
export function faultTarget(fault: FaultSpec, nodes: readonly string[]): ComponentId | undefined {
  switch (fault.kind) {
    case 'node-down':
      return nodes.includes(fault.node) ? `kubelet/${fault.node}` : undefined;
    case 'etcd-slow':
      return 'etcd';
    case 'ips-exhausted':
      return nodes.includes(fault.node) ? `cni/${fault.node}` : undefined;
    case 'image-missing':
      return undefined; // the registry's state, not an event: containerd reads it from the start
  }
}

/** The delivery that makes a fault strike: a step of its own at the overview level. */
export function faultDelivery(fault: FaultSpec, nodes: readonly string[]): Delivery | undefined {
  const target = faultTarget(fault, nodes);
  if (!target) return undefined;
  return {
    from: target,
    to: target,
    msg: { type: 'fault', fault },
    meta: { kind: 'internal', level: 'overview', say: { key: `fault-${fault.kind}`, params: faultParams(fault) } },
  };
}

function faultParams(fault: FaultSpec): Record<string, string | number> {
  switch (fault.kind) {
    case 'node-down':
    case 'ips-exhausted':
      return { node: fault.node };
    case 'etcd-slow':
      return { ms: fault.extraMs ?? ETCD_SLOW_EXTRA_MS };
    case 'image-missing':
      return { image: fault.image };
  }
}
