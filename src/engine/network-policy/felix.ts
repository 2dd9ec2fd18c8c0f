/**
 * Calico's Felix on one node: the policy agent of a Canal-style cluster
 * (Calico's CNI plugin with host-local IPAM from the node's podCIDR, Felix
 * for policy). Felix, running in the calico-node Pod with the Kubernetes
 * datastore, watches NetworkPolicies, Pods (as workload endpoints) and
 * Namespaces (as profiles) through kube-apiserver, computes which policies
 * apply to each Pod on its node, and programs the node's filter table: a
 * `cali-tw-<iface>` chain for traffic to the Pod and `cali-fw-<iface>` for
 * traffic from it, each ending in "End of tier default. Drop if no policies passed packet" once
 * a policy selects the Pod. On the diagram it speaks from the node's CNI box.
 * Models projectcalico/calico felix/calc (the calculation graph) and
 * felix/rules/endpoints.go, with libcalico-go's conversion of a Kubernetes
 * NetworkPolicy to the Calico policy `knp.default.<name>`.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import { USERS } from '../apiserver/authz';
import { informerReceive, newInformers, startInformers, type Informers } from '../client/informer';
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId } from '../types';
import { policiesSelecting, type NamespaceLabels, type PolicyEndpoint } from './match';
import { vethNameForWorkload } from './sha1';

/** What the node's dataplane enforces: the state Felix last programmed. */
export interface PolicyDataplane {
  policies: NetworkPolicy[];
  pods: PolicyEndpoint[];
  namespaces: NamespaceLabels;
}

export interface FelixState {
  informers: Informers;
  node: string;
  dataplane: PolicyDataplane;
  /** Per local Pod key, the ingress and egress policies its chains hold now. */
  programmed: Record<string, string>;
  applyQueued: boolean;
}

export function initFelix(node: string): FelixState {
  return {
    informers: newInformers(),
    node,
    dataplane: { policies: [], pods: [], namespaces: {} },
    programmed: {},
    applyQueued: false,
  };
}

/** The name Calico gives a Kubernetes NetworkPolicy (the `knp.default.` prefix: the default tier). */
export const calicoPolicyName = (name: string): string => `knp.default.${name}`;

/** A Pod as the policy engine sees it: namespace, labels, IP and named ports. */
export function endpointOfPod(pod: Pod): PolicyEndpoint {
  return {
    pod: pod.metadata?.name ?? '',
    namespace: pod.metadata?.namespace ?? 'default',
    labels: pod.metadata?.labels ?? {},
    ...(pod.status?.podIP ? { ip: pod.status.podIP } : {}),
    ports: (pod.spec?.containers ?? []).flatMap((c) =>
      (c.ports ?? []).map((p) => ({
        containerPort: p.containerPort,
        ...(p.name ? { name: p.name } : {}),
        ...(p.protocol ? { protocol: p.protocol } : {}),
      })),
    ),
  };
}

/** The dataplane's inputs from the informer caches. */
export function dataplaneFrom(objects: Record<string, ApiObject>): PolicyDataplane {
  const policies: NetworkPolicy[] = [];
  const pods: PolicyEndpoint[] = [];
  const namespaces: NamespaceLabels = {};
  for (const [key, obj] of Object.entries(objects)) {
    if (key.startsWith('/registry/networkpolicies/')) policies.push(obj as unknown as NetworkPolicy);
    else if (key.startsWith('/registry/pods/')) {
      const pod = obj as unknown as Pod;
      if (pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed') pods.push(endpointOfPod(pod));
    } else if (key.startsWith('/registry/namespaces/')) {
      const name = String(obj.metadata.name);
      namespaces[name] = {
        'kubernetes.io/metadata.name': name,
        ...(obj.metadata.labels as Record<string, string> | undefined),
      };
    }
  }
  policies.sort((a, b) => String(a.metadata?.name).localeCompare(String(b.metadata?.name)));
  return { policies, pods, namespaces };
}

type FSim = Sim<{ felix: Record<string, FelixState> }>;

/** The Felix side of a node's CNI box: true if the message was Felix's. */
export function handleFelix(sim: FSim, self: ComponentId, msg: Message): boolean {
  const st = sim.world.felix[self.slice('cni/'.length)];
  if (!st) return false;
  if (msg.type === 'start') {
    startInformers(
      sim,
      self,
      st.informers,
      [{ resource: 'networkpolicies' }, { resource: 'pods' }, { resource: 'namespaces' }],
      USERS.calicoNode,
    );
    return true;
  }
  if (msg.type === 'felix-apply') {
    st.applyQueued = false;
    apply(sim, self, st);
    return true;
  }
  if (msg.type !== 'watch-event' && !(msg.type === 'http-response' && st.informers.lists?.[msg.id])) return false;
  const events = informerReceive(st.informers, self, msg, sim);
  if (!events) return false;
  // The first apply, once in sync, is the cluster as it was: nothing to tell.
  if (msg.type === 'http-response') {
    st.dataplane = dataplaneFrom(st.informers.cache.objects);
    return true;
  }
  if (events.length && !st.applyQueued) {
    // The calculation graph batches updates; the dataplane driver applies them together.
    st.applyQueued = true;
    sim.send({ from: self, to: self, msg: { type: 'felix-apply' } }, sim.latency(20, 80));
  }
  return true;
}

function apply(sim: FSim, self: ComponentId, st: FelixState): void {
  st.dataplane = dataplaneFrom(st.informers.cache.objects);
  const local = Object.values(st.informers.cache.objects).filter(
    (o) => o.kind === 'Pod' && (o as unknown as Pod).spec?.nodeName === st.node && (o as unknown as Pod).status?.podIP,
  ) as unknown as Pod[];
  const seen = new Set<string>();
  for (const pod of local) {
    const ep = endpointOfPod(pod);
    const key = `${ep.namespace}/${ep.pod}`;
    seen.add(key);
    const ingress = policiesSelecting(ep, st.dataplane.policies, 'Ingress').map((p) =>
      calicoPolicyName(p.metadata?.name ?? ''),
    );
    const egress = policiesSelecting(ep, st.dataplane.policies, 'Egress').map((p) =>
      calicoPolicyName(p.metadata?.name ?? ''),
    );
    const now = `${ingress.join(',')}|${egress.join(',')}`;
    const before = st.programmed[key] ?? '|';
    if (now === before) continue;
    st.programmed[key] = now;
    const iface = vethNameForWorkload(ep.namespace!, ep.pod!);
    sim.note(self, {
      kind: 'internal',
      level: 'overview',
      say: {
        key: 'felix-program',
        params: {
          node: st.node,
          pod: ep.pod!,
          ip: ep.ip ?? '',
          iface,
          ingress: ingress.join(', ') || '—',
          egress: egress.join(', ') || '—',
          rules: felixRules(iface, ingress, egress),
        },
      },
    });
  }
  for (const key of Object.keys(st.programmed)) if (!seen.has(key)) delete st.programmed[key];
}

/**
 * The endpoint's chains, told rather than printed (Felix hashes the policy
 * chains' names, which podflow does not model): each direction with policies
 * tries each policy of the tier `default` (where Kubernetes policies live)
 * in turn and ends in the rule commented "End of tier default. Drop if no
 * policies passed packet" (felix/rules/endpoints.go).
 */
export function felixRules(iface: string, ingress: string[], egress: string[]): string {
  const chain = (name: string, policies: string[]): string[] =>
    policies.length
      ? [`${name}: ${policies.join(' → ')} → DROP "End of tier default. Drop if no policies passed packet"`]
      : [];
  return [...chain(`cali-tw-${iface}`, ingress), ...chain(`cali-fw-${iface}`, egress)].join('; ') || '—';
}
