/**
 * MutatingAdmissionWebhook and ValidatingAdmissionWebhook inside
 * kube-apiserver: the webhook configurations come from the apiserver's own
 * informers (its watch cache), each matching webhook is called with an
 * AdmissionReview over HTTPS, mutating webhooks one after another (each sees
 * the last one's patch), validating webhooks all at once. A call that fails
 * follows the webhook's failurePolicy (Fail unless it says Ignore).
 * Models admission/plugin/webhook/mutating/dispatcher.go and
 * validating/dispatcher.go (v1.33), generic/webhook.go Dispatch.
 */
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import type { EtcdState } from '../etcd/etcd';
import type { ApiObject, ComponentId } from '../types';
import type { ApiserverState } from './apiserver';
import { byResource } from './resources';
import { STRATEGIES } from './strategy';
import { uuid } from './names';
import {
  applyJsonPatch,
  callingErrorMessage,
  DEADLINE_EXCEEDED,
  DEFAULT_TIMEOUT_SECONDS,
  deniedMessage,
  matchingWebhooks,
  resolveService,
  webhookURL,
  type AdmissionAttributes,
  type Invocation,
  type ReviewResponse,
  type WebhookKind,
} from './admission/webhooks';

type World = { apiserver: ApiserverState; etcd: EtcdState };
type ApiSim = Sim<World>;
const SELF: ComponentId = 'kube-apiserver';

/**
 * The webhook servers the simulation runs, by the Service in front of them.
 * A Service whose endpoints run none of these answers no AdmissionReview.
 */
export const WEBHOOK_SERVERS: Record<string, ComponentId> = {
  'istio-system/istiod': 'istiod',
  'kyverno/kyverno-svc': 'kyverno',
};

/** One request's webhook round, kept as plain data on its in-flight record. */
export interface WebhookRound {
  kind: WebhookKind;
  invocations: Invocation[];
  /** Mutating: the next to call. */
  next: number;
  /** Calls on the wire: call id → invocation index. */
  calls: Record<number, { index: number; sentAt: number }>;
  /** Validating: each invocation's failure (status + message), once answered. */
  failures: Record<number, { status: number; message: string; plugin: string }>;
  answered: number;
  /** What each webhook did, for the stage's verdict line. */
  verdicts: string[];
}

/** What the apiserver does when a round ends. */
export interface RoundEnd {
  next(sim: ApiSim, id: number): void;
  fail(sim: ApiSim, id: number, status: number, message: string, plugin: string): void;
}

interface Flight {
  req: { verb: string; resource: string; namespace?: string; subresource?: string; user: { name: string } };
  obj?: ApiObject;
  webhooks?: WebhookRound;
}

function configs(st: ApiserverState, kind: WebhookKind): ApiObject[] {
  const dir = `/registry/${kind}webhookconfigurations/`;
  return Object.keys(st.dirs[dir] ?? {}).map((k) => st.cache[k]!);
}

function hasAny(dir: Record<string, true> | undefined): boolean {
  for (const key in dir) if (dir[key]) return true;
  return false;
}

function attributesOf(flight: Flight): AdmissionAttributes {
  const info = byResource(flight.req.resource);
  return {
    operation: 'CREATE',
    group: info.group,
    version: info.version,
    resource: info.resource,
    ...(flight.req.subresource ? { subresource: flight.req.subresource } : {}),
    ...(info.namespaced && flight.req.namespace ? { namespace: flight.req.namespace } : {}),
    object: flight.obj!,
  };
}

/** The webhooks this request calls now, from the apiserver's informer view. */
export function webhooksFor(st: ApiserverState, flight: Flight, kind: WebhookKind): Invocation[] {
  // No configuration of this kind (most clusters): nothing to match, asked three times for every Pod.
  if (!hasAny(st.dirs[`/registry/${kind}webhookconfigurations/`])) return [];
  const attrs = attributesOf(flight);
  const ns = attrs.namespace ? st.cache[`/registry/namespaces/${attrs.namespace}`] : undefined;
  return matchingWebhooks(configs(st, kind), attrs, (ns?.metadata.labels ?? {}) as Record<string, string>);
}

/** Start the round; false when no webhook matches (the plugin has nothing to do). */
export function startWebhooks(sim: ApiSim, id: number, kind: WebhookKind, end: RoundEnd): boolean {
  const st = sim.world.apiserver;
  const flight = st.inflight[id] as unknown as Flight;
  const invocations = webhooksFor(st, flight, kind);
  if (!invocations.length) return false;
  flight.webhooks = { kind, invocations, next: 0, calls: {}, failures: {}, answered: 0, verdicts: [] };
  if (kind === 'mutating') callNext(sim, id, end);
  // Validating webhooks are called in parallel (validating/dispatcher.go: one goroutine each).
  else invocations.forEach((_, i) => call(sim, id, i, end));
  return true;
}

function callNext(sim: ApiSim, id: number, end: RoundEnd): void {
  const round = (sim.world.apiserver.inflight[id] as unknown as Flight).webhooks!;
  if (round.next >= round.invocations.length) return end.next(sim, id);
  call(sim, id, round.next++, end);
}

/** Resolve the Service and post the AdmissionReview, or fail the call at once. */
function call(sim: ApiSim, id: number, index: number, end: RoundEnd): void {
  const st = sim.world.apiserver;
  const flight = st.inflight[id] as unknown as Flight;
  const round = flight.webhooks!;
  const { webhook, configuration } = round.invocations[index]!;
  const ref = webhook.clientConfig.service;
  if (!ref) return callFailed(sim, id, index, 'no such host', end);
  const service = st.cache[`/registry/services/specs/${ref.namespace}/${ref.name}`];
  const slices = Object.keys(st.dirs[`/registry/endpointslices/${ref.namespace}/`] ?? {})
    .map((k) => st.cache[k]!)
    .filter(
      (s) => (s.metadata.labels as Record<string, string> | undefined)?.['kubernetes.io/service-name'] === ref.name,
    );
  const where = resolveService(service, slices, ref, (n) => sim.int(0, n - 1));
  if (!where.ok) return callFailed(sim, id, index, where.error, end);
  const server = WEBHOOK_SERVERS[`${ref.namespace}/${ref.name}`];
  if (!server) return callFailed(sim, id, index, `dial tcp ${where.dial}: connect: connection refused`, end);
  const callId = sim.id();
  round.calls[callId] = { index, sentAt: sim.now };
  st.webhookCalls[callId] = id;
  const info = byResource(flight.req.resource);
  const obj = flight.obj!;
  sim.send(
    {
      from: SELF,
      to: server,
      msg: {
        type: 'admission-review',
        id: callId,
        path: ref.path ?? '/',
        webhook: webhook.name,
        request: {
          uid: uuid(sim),
          kind: { group: info.group, version: info.version, kind: info.kind },
          resource: { group: info.group, version: info.version, resource: info.resource },
          ...(obj.metadata.name ? { name: String(obj.metadata.name) } : {}),
          ...(flight.req.namespace ? { namespace: flight.req.namespace } : {}),
          operation: 'CREATE',
          object: structuredClone(obj),
          userInfo: { username: flight.req.user.name },
          dryRun: false,
        },
      },
      meta: {
        kind: 'request',
        level: 'standard',
        verb: 'POST',
        path: webhookURL(webhook),
        say: {
          key: round.kind === 'mutating' ? 'apiserver-webhook-call' : 'apiserver-validating-webhook-call',
          params: {
            webhook: webhook.name,
            configuration,
            kind: round.kind,
            url: webhookURL(webhook),
            dial: where.dial,
            endpoint: where.endpointIP,
            object: `${info.kind} ${flight.req.namespace ? flight.req.namespace + '/' : ''}${String(obj.metadata.name ?? obj.metadata.generateName ?? '')}`,
          },
        },
      },
    },
    sim.latency(0.5, 2),
  );
}

/** The call failed (could not connect, timed out, a patch that does not apply): failurePolicy decides. */
function callFailed(sim: ApiSim, id: number, index: number, reason: string, end: RoundEnd): void {
  const round = (sim.world.apiserver.inflight[id] as unknown as Flight).webhooks!;
  const { webhook } = round.invocations[index]!;
  const message = callingErrorMessage(webhook, reason);
  const plugin = round.kind === 'mutating' ? 'MutatingAdmissionWebhook' : 'ValidatingAdmissionWebhook';
  if (webhook.failurePolicy === 'Ignore') {
    // "Failed calling webhook, failing open": the request goes on without this webhook.
    sim.note(SELF, {
      kind: 'internal',
      level: 'standard',
      say: { key: 'apiserver-webhook-fail-open', params: { webhook: webhook.name, message } },
    });
    round.verdicts.push(`${webhook.name} failed open`);
    return settle(sim, id, index, end);
  }
  if (round.kind === 'mutating') return end.fail(sim, id, 500, message, plugin);
  round.failures[index] = { status: 500, message, plugin };
  return settle(sim, id, index, end);
}

/** One call is over: the mutating chain moves on; a validating round waits for all. */
function settle(sim: ApiSim, id: number, index: number, end: RoundEnd): void {
  const round = (sim.world.apiserver.inflight[id] as unknown as Flight).webhooks!;
  if (round.kind === 'mutating') return callNext(sim, id, end);
  round.answered++;
  if (round.answered < round.invocations.length) return;
  // validating/dispatcher.go returns the first error collected; the lowest index stands for it here.
  const first = Object.keys(round.failures)
    .map(Number)
    .sort((a, b) => a - b)[0];
  if (first !== undefined) {
    const f = round.failures[first]!;
    return end.fail(sim, id, f.status, f.message, f.plugin);
  }
  void index;
  end.next(sim, id);
}

/** An AdmissionReview came back from a webhook server. */
export function webhookAnswered(
  sim: ApiSim,
  msg: Extract<Message, { type: 'admission-review-response' }>,
  end: RoundEnd,
): void {
  const st = sim.world.apiserver;
  const id = st.webhookCalls[msg.id];
  if (id === undefined) return;
  delete st.webhookCalls[msg.id];
  const flight = st.inflight[id] as unknown as Flight | undefined;
  const round = flight?.webhooks;
  const sent = round?.calls[msg.id];
  if (!flight || !round || !sent) return;
  delete round.calls[msg.id];
  const { webhook } = round.invocations[sent.index]!;
  // The client's context ends timeoutSeconds after the POST left.
  if (sim.now - sent.sentAt > (webhook.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000)
    return callFailed(sim, id, sent.index, DEADLINE_EXCEEDED, end);
  const r: ReviewResponse = msg.response;
  if (!r.allowed) {
    const d = deniedMessage(webhook.name, r.status);
    const plugin = round.kind === 'mutating' ? 'MutatingAdmissionWebhook' : 'ValidatingAdmissionWebhook';
    if (round.kind === 'mutating') return end.fail(sim, id, d.status, d.message, plugin);
    round.failures[sent.index] = { ...d, plugin };
    return settle(sim, id, sent.index, end);
  }
  if (r.warnings?.length)
    (st.inflight[id] as { warnings?: string[] }).warnings = [
      ...((st.inflight[id] as { warnings?: string[] }).warnings ?? []),
      ...r.warnings,
    ];
  if (round.kind === 'mutating' && r.patch?.length) {
    const patched = applyJsonPatch(flight.obj!, r.patch);
    // A patch that does not apply is an internal error, whatever the failurePolicy (dispatcher.go).
    if (!patched.ok)
      return end.fail(sim, id, 500, `Internal error occurred: ${patched.error}`, 'MutatingAdmissionWebhook');
    flight.obj = patched.value;
    // The patched object is decoded and defaulted again (o.GetObjectDefaulter().Default).
    STRATEGIES[flight.req.resource]?.mutate?.(flight.obj, sim);
    sim.note(SELF, {
      kind: 'internal',
      level: 'deep',
      say: {
        key: 'apiserver-webhook-patched',
        params: {
          webhook: webhook.name,
          count: r.patch.length,
          paths: [...new Set(r.patch.map((p) => `${p.op} ${p.path}`))].join(', '),
        },
      },
    });
    round.verdicts.push(`${webhook.name} patched (${r.patch.length} ops)`);
  } else round.verdicts.push(`${webhook.name} allowed`);
  settle(sim, id, sent.index, end);
}

/** The verdict the chain's step shows for the plugin once its round is over. */
export function roundVerdict(flight: { webhooks?: WebhookRound }, kind: WebhookKind): string | undefined {
  const round = flight.webhooks;
  if (!round || round.kind !== kind) return undefined;
  return round.verdicts.join('; ') || `${round.invocations.length} webhook(s)`;
}
