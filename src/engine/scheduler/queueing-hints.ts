/**
 * QueueingHints (EventsToRegister of each plugin): which cluster event can
 * make a Pod that a plugin rejected schedulable. Node-local plugins re-run
 * their Filter on the changed node, as their isSchedulableAfterNodeChange
 * hints do; the others queue on the events they register for.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { cycleState, FILTERS, NO_LISTERS, type NodeInfo } from './plugins';
import type { ClusterEvent, Hint } from './queue';

const NODE_LOCAL = new Set([
  'NodeUnschedulable',
  'NodeName',
  'TaintToleration',
  'NodeAffinity',
  'NodePorts',
  'NodeResourcesFit',
]);
/** Plugins whose verdict depends on the Pods already assigned. */
const POD_DELETE = new Set(['NodeResourcesFit', 'NodePorts', 'PodTopologySpread', 'InterPodAffinity']);
const POD_ADD_OR_UPDATE = new Set(['PodTopologySpread', 'InterPodAffinity']);
const NODE_WIDE = new Set(['PodTopologySpread', 'InterPodAffinity']);

export interface EventDetail {
  event: ClusterEvent;
  /** For Node events: the node before (Update) and after. */
  oldNode?: NodeInfo;
  newNode?: NodeInfo;
  /** For an assigned Pod's Update: whether its labels changed (status updates change nothing here). */
  labelsChanged?: boolean;
}

function passes(plugin: string, pod: Pod, info: NodeInfo): boolean {
  const f = FILTERS.find((x) => x.name === plugin);
  return !f || f.filter(pod, info, cycleState(pod, [info], NO_LISTERS)).fit;
}

/** One plugin's hint: Queue (true) or QueueSkip. */
export function pluginHint(plugin: string, pod: Pod, d: EventDetail): boolean {
  const { resource, action } = d.event;
  if (resource === 'Node') {
    if (action === 'Delete') return false;
    if (NODE_LOCAL.has(plugin) && d.newNode) {
      if (!passes(plugin, pod, d.newNode)) return false;
      // An update helps only if it turned a rejection into a fit.
      return action === 'Add' || !d.oldNode || !passes(plugin, pod, d.oldNode);
    }
    return NODE_WIDE.has(plugin);
  }
  if (resource === 'AssignedPod') {
    if (action === 'Delete') return POD_DELETE.has(plugin);
    // Spreading and affinity match Pods by label: an update that keeps the labels cannot help.
    if (action === 'Update' && !d.labelsChanged) return false;
    return POD_ADD_OR_UPDATE.has(plugin);
  }
  return false;
}

/** The queue's hint for a Pod: any rejecting plugin says Queue; a Pod with none recorded always queues. */
export function queueingHint(podOf: (key: string) => Pod | undefined, d: EventDetail): Hint {
  return (p) => {
    const pod = podOf(p.key);
    if (!pod) return false;
    if (!p.unschedulablePlugins.length) return true;
    return p.unschedulablePlugins.some((plugin) => pluginHint(plugin, pod, d));
  };
}
