/**
 * The VolumeBinding plugin: a Pod's claims must be bound, or bindable on the
 * node. PreFilter reads the claims (a missing claim or an unbound claim of an
 * Immediate class makes the Pod unschedulable); Filter checks a bound
 * volume's node affinity and that a delayed claim can be provisioned there;
 * PreBind writes volume.kubernetes.io/selected-node on the claims to
 * provision and waits until the PV controller has bound them. Score is off
 * in v1.33 (StorageCapacityScoring is alpha). Models
 * pkg/scheduler/framework/plugins/volumebinding (volume_binding.go, binder.go).
 */
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { ApiObject } from '../types';
import { HOSTPATH_TOPOLOGY_KEY } from '../storage/csi-provisioner';

export interface VolumeBindingState {
  /** PreFilter's verdict for every node (UnschedulableAndUnresolvable). */
  error?: string;
  /** Claims already bound, with their volumes. */
  bound: { claim: string; pv?: PersistentVolume }[];
  /** Claim keys of delayed (WaitForFirstConsumer) claims to provision on the chosen node. */
  toProvision: string[];
}

export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
export const ERR_NODE_CONFLICT = 'node(s) had volume node affinity conflict';

type Lookup = (key: string) => ApiObject | undefined;

export function volumeBindingPreFilter(pod: Pod, lookup: Lookup): VolumeBindingState {
  const ns = pod.metadata?.namespace ?? 'default';
  const state: VolumeBindingState = { bound: [], toProvision: [] };
  for (const v of pod.spec?.volumes ?? []) {
    const name = v.persistentVolumeClaim?.claimName;
    if (!name) continue;
    const key = `/registry/persistentvolumeclaims/${ns}/${name}`;
    const pvc = lookup(key) as unknown as PersistentVolumeClaim | undefined;
    // The lister's NotFound names the resource in the singular.
    if (!pvc) return { ...state, error: `persistentvolumeclaim "${name}" not found` };
    if (pvc.metadata?.deletionTimestamp) return { ...state, error: `persistentvolumeclaim "${name}" is being deleted` };
    if (pvc.spec?.volumeName) {
      const pv = lookup(`/registry/persistentvolumes/${pvc.spec.volumeName}`) as unknown as
        PersistentVolume | undefined;
      state.bound.push({ claim: key, ...(pv ? { pv } : {}) });
      continue;
    }
    const sc = lookup(`/registry/storageclasses/${pvc.spec?.storageClassName ?? ''}`) as unknown as
      StorageClass | undefined;
    if (sc?.volumeBindingMode !== 'WaitForFirstConsumer') return { ...state, error: ERR_UNBOUND_IMMEDIATE };
    state.toProvision.push(key);
  }
  return state;
}

/** A volume's required node affinity against the node (the hostpath driver labels each node with its topology key). */
function volumeFits(pv: PersistentVolume, node: Node): boolean {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms?.length) return true;
  const name = node.metadata?.name ?? '';
  const labels: Record<string, string> = { [HOSTPATH_TOPOLOGY_KEY]: name, ...node.metadata?.labels };
  return terms.some((t) =>
    (t.matchExpressions ?? []).every((e) => {
      const value = labels[e.key];
      if (e.operator === 'In') return value !== undefined && (e.values ?? []).includes(value);
      if (e.operator === 'NotIn') return value === undefined || !(e.values ?? []).includes(value);
      if (e.operator === 'Exists') return value !== undefined;
      return value === undefined;
    }),
  );
}

/** The one "fits" answer, shared: Filter runs for every node in every cycle, most Pods have no claims. */
const FIT = { fit: true } as const;

export function volumeBindingFilter(
  state: VolumeBindingState | undefined,
  node: Node,
): { fit: true } | { fit: false; reasons: string[]; unresolvable: boolean } {
  if (!state) return FIT;
  if (state.error) return { fit: false, reasons: [state.error], unresolvable: true };
  // A loop, not some(): no closure per node.
  for (const b of state.bound)
    if (b.pv && !volumeFits(b.pv, node)) return { fit: false, reasons: [ERR_NODE_CONFLICT], unresolvable: true };
  return FIT;
}

/** checkBindings: every claim the Pod needs is bound by the PV controller. */
export function claimsBound(keys: string[], lookup: Lookup): boolean {
  return keys.every((k) => {
    const pvc = lookup(k) as unknown as PersistentVolumeClaim | undefined;
    return !!pvc?.spec?.volumeName && pvc.status?.phase === 'Bound';
  });
}
