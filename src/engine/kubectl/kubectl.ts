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
import type { ApiObject, ComponentId, KubectlCommand, KubectlDelete, KubectlUpdate } from '../types';
import { deleteOptions, handlePrompt, initPrompt, type PromptState } from './commands';
import { firstSelected, listSelected } from './get';

export interface KubectlState {
  manifests: unknown[];
  deletes: KubectlDelete[];
  updates: KubectlUpdate[];
  user: UserInfo;
  /** How many of the first manifests the cluster admin creates (admin.conf) before `user` takes over. */
  asAdmin?: number;
  next: number;
  inflight?: number;
  /** A `kubectl get -l …` whose first name the next delete uses. */
  listing?: { id: number; del: KubectlDelete };
  /** The manifest of the `kubectl apply` in flight, to create it if the server has none. */
  applying?: unknown;
  /** The learner's prompt: commands typed at steps (kubectl/commands.ts). */
  prompt: PromptState;
}

export function initKubectl(
  manifests: unknown[],
  user?: { name: string; groups: string[] },
  deletes: KubectlDelete[] = [],
  updates: KubectlUpdate[] = [],
  commands: KubectlCommand[] = [],
  adminManifests: unknown[] = [],
): KubectlState {
  return {
    manifests: [...adminManifests, ...manifests],
    ...(adminManifests.length ? { asAdmin: adminManifests.length } : {}),
    deletes: [...deletes].sort((a, b) => a.atMs - b.atMs),
    updates: [...updates].sort((a, b) => a.atMs - b.atMs),
    next: 0,
    user: user ? { ...user, via: 'x509' } : USERS.admin,
    prompt: initPrompt(commands),
  };
}

type KSim = Sim<{ kubectl: KubectlState }>;
const SELF: ComponentId = 'kubectl';

/** How long after the cluster is listening the learner presses Enter. */
export const KUBECTL_START_MS = 120;

export function handleKubectl(sim: KSim, _self: ComponentId, msg: Message): void {
  const st = sim.world.kubectl;
  if (handlePrompt(sim, msg)) return;
  if (msg.type === 'start') {
    sim.send({ from: SELF, to: SELF, msg: { type: 'kubectl-next' } }, KUBECTL_START_MS);
    return;
  }
  if (msg.type === 'http-response' && st.listing && msg.id === st.listing.id) {
    const { del } = st.listing;
    st.listing = undefined;
    st.inflight = undefined;
    const name = firstSelected(msg.items ?? [], del);
    if (name) st.deletes.unshift({ ...del, name });
    sim.send({ from: SELF, to: SELF, msg: { type: 'kubectl-next' } }, sim.latency(1, 5));
    return;
  }
  if (msg.type === 'http-response' && msg.id === st.inflight) {
    st.inflight = undefined;
    // `kubectl apply` of an object that is not there yet creates it (apply.go: NotFound → Create).
    const applying = st.applying;
    st.applying = undefined;
    if (applying && msg.status === 404) {
      st.next = Math.min(st.next, st.manifests.length);
      st.manifests.splice(st.next, 0, applying);
    }
    sim.send({ from: SELF, to: SELF, msg: { type: 'kubectl-next' } }, sim.latency(1, 5));
    return;
  }
  if (msg.type !== 'kubectl-next') return;
  const manifest = st.manifests[st.next++] as ApiObject | undefined;
  if (!manifest) return nextLater(sim);
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
  const byAdmin = st.next <= (st.asAdmin ?? 0);
  const name = String(manifest.metadata?.name ?? manifest.metadata?.generateName ?? '');
  st.inflight = request(sim, SELF, {
    verb: 'create',
    resource: info.resource,
    group: info.group,
    ...(namespace ? { namespace } : {}),
    body,
    user: byAdmin ? USERS.admin : st.user,
    level: 'overview',
    say: byAdmin
      ? { key: 'kubectl-create-admin', params: { kind: manifest.kind, name, user: USERS.admin.name } }
      : { key: 'kubectl-create', params: { kind: manifest.kind, name } },
  });
}

/** The learner's later commands (`kubectl apply` of a change, `kubectl delete`), each at its time. */
function nextLater(sim: KSim): void {
  const st = sim.world.kubectl;
  const u = st.updates[0];
  const d = st.deletes[0];
  const next =
    u && (!d || u.atMs <= d.atMs)
      ? { at: u.atMs, run: () => applyUpdate(sim) }
      : d
        ? { at: d.atMs, run: () => deleteNext(sim) }
        : null;
  if (!next) return;
  if (sim.now < next.at) {
    sim.send({ from: SELF, to: SELF, msg: { type: 'kubectl-next' } }, next.at - sim.now);
    return;
  }
  next.run();
}

/**
 * `kubectl apply -f` of a changed manifest: the object exists, so kubectl
 * sends a patch with the new fields (client-side apply's merge of the
 * last-applied, live and new configurations, simplified to the new spec).
 */
function applyUpdate(sim: KSim): void {
  const st = sim.world.kubectl;
  const manifest = st.updates.shift()!.manifest as ApiObject;
  const info = byKind(manifest.kind);
  if (!info) return nextLater(sim);
  st.applying = manifest;
  const namespace = info.namespaced ? (manifest.metadata?.namespace ?? 'default') : undefined;
  st.inflight = request(sim, SELF, {
    verb: 'patch',
    resource: info.resource,
    group: info.group,
    ...(namespace ? { namespace } : {}),
    name: String(manifest.metadata?.name),
    body: structuredClone(manifest),
    user: st.user,
    level: 'overview',
    say: { key: 'kubectl-apply', params: { kind: manifest.kind, name: String(manifest.metadata?.name) } },
  });
}

/** `kubectl delete <kind> <name>`. */
function deleteNext(sim: KSim): void {
  const st = sim.world.kubectl;
  const d = st.deletes.shift()!;
  const info = byKind(d.kind);
  if (!info) return nextLater(sim);
  const namespace = info.namespaced ? (d.namespace ?? 'default') : undefined;
  if (!d.name && d.selector) {
    const id = listSelected(sim, d, info.resource, namespace);
    st.listing = { id, del: d };
    st.inflight = id;
    return;
  }
  st.inflight = request(sim, SELF, {
    verb: 'delete',
    resource: info.resource,
    group: info.group,
    ...(namespace ? { namespace } : {}),
    name: d.name,
    body: deleteOptions(d.cascade ?? 'Background'),
    user: st.user,
    level: 'overview',
    say: { key: 'kubectl-delete', params: { kind: d.kind.toLowerCase(), name: d.name } },
  });
}
