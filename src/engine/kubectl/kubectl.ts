/**
 * kubectl, the learner's hands: `kubectl create -f` sends each manifest to
 * kube-apiserver in order (POST to the collection) and prints what comes
 * back. It authenticates with the admin client certificate from kubeadm's
 * admin.conf.
 */
import { USERS } from '../apiserver/authz';
import { byKind } from '../apiserver/resources';
import { request } from '../client/client';
import type { Message, UserInfo } from '../core/messages';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId, KubectlDelete } from '../types';

export interface KubectlState {
  manifests: unknown[];
  deletes: KubectlDelete[];
  user: UserInfo;
  next: number;
  inflight?: number;
}

export function initKubectl(
  manifests: unknown[],
  user?: { name: string; groups: string[] },
  deletes: KubectlDelete[] = [],
): KubectlState {
  return { manifests, deletes: [...deletes], next: 0, user: user ? { ...user, via: 'x509' } : USERS.admin };
}

type KSim = Sim<{ kubectl: KubectlState }>;
const SELF: ComponentId = 'kubectl';

/** How long after the cluster is listening the learner presses Enter. */
export const KUBECTL_START_MS = 120;

export function handleKubectl(sim: KSim, _self: ComponentId, msg: Message): void {
  const st = sim.world.kubectl;
  if (msg.type === 'start') {
    sim.send({ from: SELF, to: SELF, msg: { type: 'kubectl-next' } }, KUBECTL_START_MS);
    return;
  }
  if (msg.type === 'http-response' && msg.id === st.inflight) {
    st.inflight = undefined;
    sim.send({ from: SELF, to: SELF, msg: { type: 'kubectl-next' } }, sim.latency(1, 5));
    return;
  }
  if (msg.type !== 'kubectl-next') return;
  const manifest = st.manifests[st.next++] as ApiObject | undefined;
  if (!manifest) return nextDelete(sim);
  const info = byKind(manifest.kind);
  if (!info) {
    sim.note(SELF, {
      kind: 'internal',
      level: 'overview',
      say: {
        key: 'kubectl-no-mapping',
        params: {
          name: String(manifest.metadata?.name ?? ''),
          kind: String(manifest.kind),
          apiVersion: String(manifest.apiVersion),
        },
      },
    });
    sim.send({ from: SELF, to: SELF, msg: { type: 'kubectl-next' } }, 1);
    return;
  }
  const namespace = info.namespaced ? (manifest.metadata?.namespace ?? 'default') : undefined;
  const body = structuredClone(manifest);
  if (namespace) body.metadata = { ...body.metadata, namespace };
  st.inflight = request(sim, SELF, {
    verb: 'create',
    resource: info.resource,
    group: info.group,
    ...(namespace ? { namespace } : {}),
    body,
    user: st.user,
    level: 'overview',
    say: {
      key: 'kubectl-create',
      params: { kind: manifest.kind, name: String(manifest.metadata?.name ?? manifest.metadata?.generateName ?? '') },
    },
  });
}

/** The learner's later `kubectl delete`, at its time. */
function nextDelete(sim: KSim): void {
  const st = sim.world.kubectl;
  const d = st.deletes[0];
  if (!d) return;
  if (sim.now < d.atMs) {
    sim.send({ from: SELF, to: SELF, msg: { type: 'kubectl-next' } }, d.atMs - sim.now);
    return;
  }
  st.deletes.shift();
  const info = byKind(d.kind);
  if (!info) return nextDelete(sim);
  const namespace = info.namespaced ? (d.namespace ?? 'default') : undefined;
  st.inflight = request(sim, SELF, {
    verb: 'delete',
    resource: info.resource,
    group: info.group,
    ...(namespace ? { namespace } : {}),
    name: d.name,
    user: st.user,
    level: 'overview',
    say: { key: 'kubectl-delete', params: { kind: d.kind.toLowerCase(), name: d.name } },
  });
}
