/**
 * kube-apiserver: the only component that talks to etcd. A write passes the
 * handler chain (authentication, authorization), then for creates defaulting,
 * mutating admission, validation and validating admission, and is stored in
 * etcd; the watch cache then tells every informer whose watch matches.
 * Models staging/src/k8s.io/apiserver/pkg/server/config.go DefaultBuildHandlerChain
 * and endpoints/handlers/create.go.
 */
import {
  deleteDuringUpdate,
  deletionFinalizers,
  ownerReferenceDeletes,
  type DeleteOptionsBody,
} from './deletion-finalizers';
import { dict } from '../core/dict';
import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import type { ApiRequest, Message, WatchEventType, WatchSpec } from '../core/messages';
import { cloneData } from '../core/clone';
import { remembering } from '../core/memo';
import type { Sim, StepMeta } from '../core/sim';
import type { EtcdState } from '../etcd/etcd';
import type { ApiObject, ComponentId, DetailLevel, Say } from '../types';
import { authorize } from './authz';
import { rbacStoreFromCache } from './rbac/store';
import { invalidMessage } from './pod-validation';
import { STRATEGIES, validateMeta } from './strategy';
import { byKind, byResource, etcdKey, resourceOfDir, resourceOfKey } from './resources';
import { generateNameSuffix, isoTime, uuid } from './names';
import {
  forbiddenMessage,
  mutatePod,
  validate,
  validateResourceQuota,
  verdictLine,
  type AdmissionLookup,
  type ValidatingResult,
} from './admission/chain';
import type { ResourceList } from './admission/resource-list';
import { request } from '../client/client';
import { USERS } from './authz';
import { eventToStorage } from './event-conversion';
import { SERVICE_CIDR } from './service-strategy';
import {
  roundVerdict,
  startWebhooks,
  webhookAnswered,
  webhooksFor,
  type RoundEnd,
  type WebhookRound,
} from './webhook-dispatch';

interface Inflight {
  req: ApiRequest;
  client: ComponentId;
  obj?: ApiObject;
  key?: string;
  /** Live lookups the ServiceAccount plugin has made for a default ServiceAccount not yet created. */
  saLookups?: number;
  /** Its wait between lookups: 100–200 ms, drawn once per request as the plugin does. */
  saRetryMs?: number;
  /** Admission warnings, sent back as `Warning:` headers. */
  warnings?: string[];
  /** Quota status writes still travelling before the object may be stored. */
  waiting?: number;
  /** The admission webhooks' round in progress (webhook-dispatch.ts). */
  webhooks?: WebhookRound;
}

/**
 * A request in flight with every field from the start, in one shape: each stage reads it, and
 * objects that grow field by field (a create's object, its etcd key, warnings) take several.
 */
function newFlight(req: ApiRequest, client: ComponentId): Inflight {
  return {
    req,
    client,
    obj: undefined,
    key: undefined,
    saLookups: undefined,
    saRetryMs: undefined,
    warnings: undefined,
    waiting: undefined,
    webhooks: undefined,
  };
}

export interface ApiserverState {
  inflight: Record<number, Inflight>;
  /** The open watches by resource: every write fans out to its resource's watchers only (hundreds on a big cluster). */
  watchers: Record<string, WatcherList>;
  /** The watch cache: what kube-apiserver last saw from etcd's watch. */
  cache: Record<string, ApiObject>;
  /**
   * The watch cache's keys again by resource, in the cache's own order, so a
   * LIST or a WATCH's replay reads its resource's objects only (hundreds of
   * informers start at once on a big cluster, each would otherwise scan every
   * object). Keys, not objects: an update changes the cache alone.
   */
  byResource: Record<string, Set<string>>;
  /** The newest resourceVersion in the watch cache (a LIST's); `stale` when the object holding it went. */
  newest: { revision: number; stale: boolean };
  /** The watch cache's keys by directory (`/registry/limitranges/default/`), so a namespace's few objects of a kind are found without a scan. */
  dirs: Record<string, Record<string, true>>;
  /**
   * The quota evaluator's own record of the usage it charged, by quota key,
   * newer than the cache until its write comes back through the watch.
   */
  quotaUsed: Record<string, ResourceList>;
  /** Loopback quota status writes in flight → the request waiting on them. */
  loopback: Record<number, number>;
  /** The plugins' live lookups, kept 30 s (their liveLookupCache with liveTTL). */
  liveLookups: Record<string, { expiry: number; items: ApiObject[] }>;
  /** AdmissionReviews on the wire → the request waiting on them. */
  webhookCalls: Record<number, number>;
}

export function initApiserver(): ApiserverState {
  return {
    inflight: {},
    watchers: {},
    cache: dict(),
    byResource: {},
    newest: { revision: 0, stale: false },
    dirs: dict(),
    quotaUsed: dict(),
    loopback: {},
    liveLookups: dict(),
    webhookCalls: {},
  };
}

/**
 * One resource's open watches, in the order they were opened (which is the
 * order their events are listed in). Most Pod watches are kubelets' with a
 * `spec.nodeName` selector: indexed by that node, a Pod's write looks at the
 * watches of its own node only instead of every node's.
 */
export interface WatcherList {
  all: { component: ComponentId; spec: WatchSpec }[];
  /** Positions in `all` of the watches without a node selector. */
  anyNode: number[];
  /** Positions in `all` of the watches for one node's Pods, by node name. */
  byNode: Map<string, number[]>;
}

type World = { apiserver: ApiserverState; etcd: EtcdState };
type ApiSim = Sim<World>;

const SELF: ComponentId = 'kube-apiserver';

/** Stages a request passes, in order: creates run admission and validation; the user's get a summary. */
function stagesFor({ req, client }: Inflight): readonly ApiRequestStage[] {
  if (isCreate(req)) return client === 'kubectl' ? USER_CREATE_STAGES : CREATE_STAGES;
  return OTHER_STAGES;
}
const CREATE_STAGES: readonly ApiRequestStage[] = [
  'authentication',
  'authorization',
  'mutating-admission',
  'validation',
  'validating-admission',
  'storage',
];
const USER_CREATE_STAGES: readonly ApiRequestStage[] = [...CREATE_STAGES.slice(0, -1), 'summary', 'storage'];
const OTHER_STAGES: readonly ApiRequestStage[] = ['authentication', 'authorization', 'storage'];
type ApiRequestStage = Extract<Message, { type: 'apiserver-stage' }>['stage'];
type WatchEvent = Extract<Message, { type: 'watch-event' }>;
type HttpResponse = Extract<Message, { type: 'http-response' }>;

function isCreate(req: ApiRequest): boolean {
  return req.verb === 'create' && !req.subresource && req.resource !== 'events';
}

/** How much the steps of a request tell: a user's create is the story; the rest is detail. */
function detailOf({ req, client }: Inflight): DetailLevel {
  if (req.resource === 'leases' || req.resource === 'events') return 'deep';
  return isCreate(req) && client === 'kubectl' ? 'standard' : 'deep';
}

export function handleApiserver(sim: ApiSim, self: ComponentId, msg: Message, from: ComponentId): void {
  const st = sim.world.apiserver;
  switch (msg.type) {
    case 'http-request': {
      st.inflight[msg.id] = newFlight(msg.req, from);
      if (msg.req.verb === 'list' || msg.req.verb === 'watch') return serveListWatch(sim, msg.id);
      if (msg.req.resource === 'events') return stage(sim, msg.id, 'storage', 0.1);
      return stage(sim, msg.id, 'authentication', sim.latency(0.1, 0.4));
    }
    case 'apiserver-stage':
      return runStage(sim, msg.id, msg.stage);
    case 'etcd-txn-result':
      return finish(sim, msg.id, msg.ok, msg.value);
    case 'etcd-watch':
      return fanOut(sim, msg.key, msg.prev, msg.value);
    case 'http-response':
      return loopbackAnswered(sim, msg.id, msg.status, msg.message);
    case 'admission-review-response':
      return webhookAnswered(sim, msg, ROUND_END);
    default:
      return void self;
  }
}

function stage(sim: ApiSim, id: number, next: ApiRequestStage, delay: number): void {
  sim.send({ from: SELF, to: SELF, msg: { type: 'apiserver-stage', id, stage: next } }, delay);
}

function nextStage(sim: ApiSim, id: number, current: ApiRequestStage): void {
  const stages = stagesFor(sim.world.apiserver.inflight[id]!);
  const next = stages[stages.indexOf(current) + 1];
  if (next) stage(sim, id, next, next === 'summary' ? 0 : sim.latency(0.1, 0.5));
}

function internal(level: DetailLevel, key: string, params: Record<string, string | number>): StepMeta {
  return { kind: 'internal', level, say: { key, params } };
}

function runStage(sim: ApiSim, id: number, stageName: ApiRequestStage): void {
  const flight = sim.world.apiserver.inflight[id]!;
  const { req } = flight;
  const level = detailOf(flight);
  // Where the user's request fails is a moment of the story: it ends there.
  const failLevel: DetailLevel = flight.client === 'kubectl' ? 'overview' : 'standard';
  switch (stageName) {
    case 'authentication':
      // internal()'s fields, then path, in one literal: every request passes here.
      sim.note(SELF, {
        kind: 'internal',
        level,
        say: { key: 'apiserver-authentication', params: { user: req.user.name, via: req.user.via } },
        path: req.path,
      });
      return nextStage(sim, id, stageName);
    case 'authorization': {
      const decision = authorize(req, rbacStoreFromCache(sim.world.apiserver));
      if (!decision.allowed) {
        sim.note(SELF, internal(failLevel, 'apiserver-forbidden', { message: decision.reason }));
        return respond(sim, id, 403, undefined, decision.reason);
      }
      const resource = req.subresource ? `${req.resource}/${req.subresource}` : req.resource;
      sim.note(
        SELF,
        internal(level, 'apiserver-authorization', {
          user: req.user.name,
          verb: req.verb,
          resource,
          reason: decision.reason,
        }),
      );
      return nextStage(sim, id, stageName);
    }
    case 'mutating-admission': {
      // Decoding comes first: a body that is not of its kind is a 400 before any plugin sees it.
      const strategy = STRATEGIES[req.resource];
      const decodeError = strategy?.decode?.(req.body) ?? null;
      if (decodeError) {
        sim.note(SELF, internal(failLevel, 'apiserver-bad-request', { message: decodeError }));
        return respond(sim, id, 400, undefined, decodeError);
      }
      // NamespaceLifecycle, the first admission plugin: no object goes into a namespace that does not exist.
      // Like the plugin, it looks the namespace up live when its cache has not seen it yet.
      const nsKey = req.namespace ? etcdKey('namespaces', undefined, req.namespace) : '';
      if (
        nsKey &&
        byResource(req.resource).namespaced &&
        !sim.world.apiserver.cache[nsKey] &&
        !sim.world.etcd.kv[nsKey]
      ) {
        const namespace = String(req.namespace);
        const message = `namespaces "${namespace}" not found`;
        sim.note(SELF, internal(failLevel, 'apiserver-namespace-missing', { namespace, message }));
        return respond(sim, id, 404, undefined, message);
      }
      const obj = cloneData(req.body!);
      obj.metadata ??= {};
      flight.obj = obj;
      const m = strategy?.mutate?.(obj, sim);
      if (req.resource === 'pods') {
        const lookups = flight.saLookups ?? 0;
        const a = mutatePod(
          obj as unknown as Pod,
          String(req.namespace),
          lookupFor(sim),
          generateNameSuffix(sim),
          lookups + 1 >= 10,
          webhookNames(sim, flight),
        );
        if (a.retryServiceAccount) {
          // The ServiceAccount controller has not made the namespace's default ServiceAccount yet:
          // the plugin looks it up live again, up to ten times (getServiceAccount).
          flight.saLookups = lookups + 1;
          flight.saRetryMs ??= 100 + sim.int(0, 99);
          sim.note(SELF, {
            ...internal('standard', 'apiserver-serviceaccount-retry', {
              namespace: String(req.namespace),
              attempt: flight.saLookups,
              ms: flight.saRetryMs,
            }),
          });
          return stage(sim, id, 'mutating-admission', flight.saRetryMs);
        }
        if (a.denied) return deny(sim, id, 'overview', 'ServiceAccount', forbiddenMessage(req.resource, obj, a.denied));
        sim.note(
          SELF,
          internal(level, 'apiserver-mutating-admission', {
            fields: [...(m?.defaulted ?? []), ...a.fields].join(', ') || '—',
            plugins: a.plugins.join(', ') || '—',
            verdicts: verdictLine(a.verdicts),
          }),
        );
      } else {
        sim.note(
          SELF,
          internal(level, 'apiserver-defaulting', { kind: obj.kind, fields: m?.defaulted.join(', ') || '—' }),
        );
      }
      // MutatingAdmissionWebhook, after the built-in mutating plugins: the stage ends when its round does.
      if (startWebhooks(sim, id, 'mutating', ROUND_END)) return;
      return nextStage(sim, id, stageName);
    }
    case 'validation': {
      const obj = flight.obj!;
      // BeforeCreate: generateName, uid, creationTimestamp, PrepareForCreate, then strategy.Validate.
      if (!obj.metadata.name && typeof obj.metadata.generateName === 'string') {
        obj.metadata.name = obj.metadata.generateName + generateNameSuffix(sim);
      }
      if (byResource(req.resource).namespaced) obj.metadata.namespace = req.namespace;
      obj.metadata.uid = uuid(sim);
      obj.metadata.creationTimestamp = isoTime(sim.now);
      const strategy = STRATEGIES[req.resource];
      // RBAC's policy-based storage checks for escalation before the store's own create.
      const refusal = strategy?.authorizeWrite?.(obj, req.user, String(req.namespace ?? ''), sim);
      if (refusal) {
        const key = refusal.status === 403 ? 'apiserver-rbac-escalation' : 'apiserver-rbac-role-unresolved';
        sim.note(SELF, internal(failLevel, key, { message: refusal.message, status: refusal.status }));
        return respond(sim, id, refusal.status, undefined, refusal.message);
      }
      // BeginCreate runs before BeforeCreate's validation (a Service's ClusterIP is allocated here).
      const allocErrs = strategy?.beginCreate?.(obj, sim) ?? [];
      if (!allocErrs.length && req.resource === 'services') notePortalIP(sim, obj, level);
      strategy?.prepareForCreate?.(obj);
      const errs = allocErrs.length ? allocErrs : strategy?.validate ? strategy.validate(obj) : validateMeta(obj);
      if (errs.length) {
        const message = invalidMessage(obj.kind, String(obj.metadata.name ?? ''), errs);
        sim.note(SELF, internal(failLevel, 'apiserver-invalid', { message }));
        return respond(sim, id, 422, undefined, message);
      }
      sim.note(SELF, internal(level, 'apiserver-validation', { kind: obj.kind, name: String(obj.metadata.name) }));
      return nextStage(sim, id, stageName);
    }
    case 'validating-admission': {
      const obj = flight.obj!;
      const ns = String(req.namespace ?? '');
      const lookup = lookupFor(sim);
      const quotaUsed = sim.world.apiserver.quotaUsed;
      let v: ValidatingResult;
      if (flight.webhooks?.kind !== 'validating') {
        // The plugins before ValidatingAdmissionWebhook, then its round; ResourceQuota waits for it.
        const pre = validate(req.resource, obj, ns, lookup, quotaUsed, { stopAtWebhooks: true });
        if (pre.denied)
          return deny(sim, id, 'overview', pre.deniedBy ?? '', forbiddenMessage(req.resource, obj, pre.denied));
        if (startWebhooks(sim, id, 'validating', ROUND_END)) return;
        // No webhook to wait for: the chain goes on at once, from ResourceQuota (only Pods are charged).
        v = req.resource === 'pods' ? validateResourceQuota(pre, obj as unknown as Pod, ns, lookup, quotaUsed) : pre;
      } else {
        // The round is over: the chain again, the webhooks' verdict in its place.
        v = validate(req.resource, obj, ns, lookup, quotaUsed, { webhookVerdict: roundVerdict(flight, 'validating') });
      }
      if (v.denied) return deny(sim, id, 'overview', v.deniedBy ?? '', forbiddenMessage(req.resource, obj, v.denied));
      if (v.warnings.length) flight.warnings = v.warnings;
      sim.note(
        SELF,
        internal(level, 'apiserver-validating-admission', {
          namespace: req.namespace ?? '',
          verdicts: verdictLine(v.verdicts) || '—',
        }),
      );
      if (v.charged.length) return chargeQuotas(sim, id, v.charged);
      return nextStage(sim, id, stageName);
    }
    case 'summary': {
      const obj = flight.obj!;
      sim.note(SELF, {
        ...internal('overview', 'apiserver-checks', {
          user: req.user.name,
          kind: obj.kind,
          name: String(obj.metadata.name),
        }),
        summary: true,
      });
      return nextStage(sim, id, stageName);
    }
    case 'storage':
      return store(sim, id);
  }
}

/** Services: the ClusterIP the allocator handed out (or kept), as a step. */
function notePortalIP(sim: ApiSim, obj: ApiObject, level: DetailLevel): void {
  const spec = obj.spec as { clusterIP?: string; ipFamilies?: string[] } | undefined;
  if (!spec?.clusterIP || spec.clusterIP === 'None') return;
  sim.note(
    SELF,
    internal(level, 'apiserver-service-ip', {
      name: String(obj.metadata.name),
      ip: spec.clusterIP,
      cidr: SERVICE_CIDR,
      families: (spec.ipFamilies ?? []).join(', '),
    }),
  );
}

/** Work out the object to write and send the transaction to etcd. */
function store(sim: ApiSim, id: number): void {
  const flight = sim.world.apiserver.inflight[id]!;
  const { req } = flight;
  const etcdKv = sim.world.etcd.kv;
  let key: string;
  let value: ApiObject;
  let create = false;
  let level: DetailLevel = 'standard';
  let say: { key: string; params: Record<string, string | number> };

  if (req.verb === 'create' && !req.subresource) {
    // Events skip admission; everything else was built by the admission stages.
    const obj = eventToStorage(req, flight.obj ?? req.body!);
    if (!obj.metadata.name && typeof obj.metadata.generateName === 'string') {
      obj.metadata.name = obj.metadata.generateName + generateNameSuffix(sim);
    }
    obj.metadata.namespace ??= req.namespace;
    obj.metadata.uid ??= uuid(sim);
    obj.metadata.creationTimestamp ??= isoTime(sim.now);

    key = etcdKey(req.resource, obj.metadata.namespace, String(obj.metadata.name));
    value = obj;
    create = true;
    if (req.resource === 'pods') {
      level = 'overview';
      say = { key: 'apiserver-store-pod', params: { key, name: String(obj.metadata.name) } };
    } else {
      // What the user or a controller creates is part of the story; Events are detail.
      level = req.resource === 'events' ? 'deep' : 'overview';
      say = { key: 'apiserver-store', params: { key, kind: obj.kind, name: String(obj.metadata.name) } };
    }
  } else {
    key = etcdKey(req.resource, req.namespace, req.name!);
    const current = etcdKv[key]?.value;
    // NewNotFound names the qualified resource: `deployments.apps "x" not found`.
    if (!current) return respond(sim, id, 404, undefined, `${qualified(req.resource)} "${req.name}" not found`);
    if (req.verb === 'delete') return storeDelete(sim, id, key, current);
    // A GET (kubectl's resource builder reads before apply and scale): the object as stored, no write.
    if (req.verb === 'get') return respond(sim, id, 200, current);
    if (req.subresource === 'binding') {
      // Stored objects are never changed in place: each write makes a new object, with its own metadata (txn).
      const pod = {
        ...current,
        metadata: { ...current.metadata },
        spec: { ...(current.spec as object) },
      } as unknown as Pod;
      const target = (req.body as unknown as { target: { name: string } }).target.name;
      if (pod.spec?.nodeName) {
        return respond(
          sim,
          id,
          409,
          undefined,
          `Operation cannot be fulfilled on pods/binding "${req.name}": pod ${req.name} is already assigned to node "${pod.spec.nodeName}"`,
        );
      }
      // Models pkg/registry/core/pod/storage assignPod: nodeName and PodScheduled in one write.
      pod.spec!.nodeName = target;
      const status: PodStatus = { ...pod.status };
      status.conditions = [
        ...(status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
        {
          type: 'PodScheduled',
          status: 'True',
          lastProbeTime: null as unknown as string,
          lastTransitionTime: isoTime(sim.now),
        },
      ];
      (pod as { status?: PodStatus }).status = status;
      value = pod as unknown as ApiObject;
      say = { key: 'apiserver-store-binding', params: { key, name: req.name!, node: target } };
    } else if (req.subresource === 'status') {
      const patch = (req.body as { status?: Record<string, unknown> }).status ?? {};
      // PUT …/status (UpdateStatus) replaces the status whole, so a field the writer now omits
      // (unavailableReplicas at 0) is gone; a PATCH merges into it.
      const status =
        req.verb === 'update' ? { ...patch } : { ...(current.status as Record<string, unknown>), ...patch };
      value = { ...current, metadata: { ...current.metadata }, status };
      const phase = String(status.phase ?? '');
      const ready = (status.conditions as { type: string; status: string }[] | undefined)?.some(
        (c) => c.type === 'Ready' && c.status === 'True',
      );
      // The moment the API itself says Running and Ready is a moment of the story.
      // A controller's status write (a node lost, an eviction) is no kubelet report: told plainly.
      if (req.resource === 'pods' && !flight.client.startsWith('kubelet/')) {
        say = { key: 'apiserver-store-status', params: { key, name: req.name!, phase } };
      } else if (req.resource !== 'pods') {
        say = { key: 'apiserver-store', params: { key, kind: current.kind, name: req.name! } };
      } else if (phase === 'Running' && ready) {
        level = 'overview';
        say = { key: 'apiserver-store-running', params: { key, name: req.name!, ip: String(status.podIP ?? '') } };
      } else if (phase === 'Running') {
        level = 'overview';
        say = {
          key: 'apiserver-store-running-unready',
          params: { key, name: req.name!, ip: String(status.podIP ?? '') },
        };
      } else {
        say = { key: 'apiserver-store-status', params: { key, name: req.name!, phase } };
      }
    } else if (req.verb === 'patch') {
      // A merge patch: objects merge, lists and values replace. Defaults fill what the patch left out,
      // and a changed spec bumps metadata.generation (the strategies' PrepareForUpdate).
      const merged = mergePatch(current, ownerReferenceDeletes(current, req.body!)) as ApiObject;
      merged.metadata = {
        ...merged.metadata,
        uid: current.metadata.uid,
        resourceVersion: current.metadata.resourceVersion,
      };
      if (req.resource !== 'pods') STRATEGIES[req.resource]?.mutate?.(merged, sim);
      const updateErrs = STRATEGIES[req.resource]?.validateUpdate?.(merged, current) ?? [];
      if (updateErrs.length)
        return respond(sim, id, 422, undefined, invalidMessage(current.kind, req.name!, updateErrs));
      // The policy-based storage checks the updated Role or binding for escalation too.
      const refusal = STRATEGIES[req.resource]?.authorizeWrite?.(merged, req.user, String(req.namespace ?? ''), sim);
      if (refusal) {
        const k = refusal.status === 403 ? 'apiserver-rbac-escalation' : 'apiserver-rbac-role-unresolved';
        sim.note(SELF, internal('overview', k, { message: refusal.message, status: refusal.status }));
        return respond(sim, id, refusal.status, undefined, refusal.message);
      }
      if (
        JSON.stringify(merged.spec) !== JSON.stringify(current.spec) &&
        typeof current.metadata.generation === 'number'
      ) {
        merged.metadata.generation = current.metadata.generation + 1;
      }
      if (deleteDuringUpdate(current, merged)) {
        // The last finalizer is gone from an object being deleted: store.go Update deletes it.
        return txn(sim, id, key, null, {
          level: 'standard',
          say: { key: 'apiserver-delete-finalized', params: { key, kind: current.kind, name: req.name! } },
        });
      }
      value = merged;
      level = flight.client === 'kubectl' ? 'overview' : 'standard';
      say = { key: 'apiserver-store', params: { key, kind: current.kind, name: req.name! } };
    } else {
      value = { ...req.body!, metadata: { ...current.metadata, ...req.body!.metadata } };
      level = 'deep';
      say = { key: 'apiserver-store', params: { key, kind: current.kind } };
    }
  }
  if (req.resource === 'events' || req.resource === 'leases') level = 'deep';
  txn(sim, id, key, value, { level, say, create });
}

/**
 * Send the request's write to etcd: create (put if absent), update, or delete (`value` null).
 * `value` is this write's own new object, its metadata too (a create's is the admitted copy of
 * the body, an Event's the body its recorder built for this request alone; an update's is
 * spread from the stored one): etcd writes the revision into it and stores it as it is.
 */
function txn(
  sim: ApiSim,
  id: number,
  key: string,
  value: ApiObject | null,
  o: { level: DetailLevel; say: Say; create?: boolean },
): void {
  sim.world.apiserver.inflight[id]!.key = key;
  const verb = o.create ? 'txn create' : value ? 'txn update' : 'txn delete';
  sim.send(
    {
      from: SELF,
      to: 'etcd',
      msg: o.create ? { type: 'etcd-txn', id, key, value, mustNotExist: true } : { type: 'etcd-txn', id, key, value },
      meta: { kind: 'request', level: o.level, verb, path: key, say: o.say },
    },
    sim.latency(0.5, 2),
  );
}

/**
 * DELETE: a Pod with a grace period is not removed but marked, with
 * deletionTimestamp and deletionGracePeriodSeconds; its kubelet stops it and
 * then deletes it with grace 0, which removes the key. Models
 * registry/generic/registry/store.go Delete and rest.BeforeDelete.
 */
function storeDelete(sim: ApiSim, id: number, key: string, current: ApiObject): void {
  const flight = sim.world.apiserver.inflight[id]!;
  const { req } = flight;
  const options = (req.body ?? {}) as DeleteOptionsBody;
  if (options.preconditions?.uid && options.preconditions.uid !== current.metadata.uid) {
    return respond(
      sim,
      id,
      409,
      undefined,
      `Precondition failed: UID in precondition: ${options.preconditions.uid}, UID in object meta: ${current.metadata.uid}`,
    );
  }
  const pod = current.kind === 'Pod' ? (current as unknown as Pod) : undefined;
  const grace = options.gracePeriodSeconds ?? pod?.spec?.terminationGracePeriodSeconds ?? 0;
  // A Pod never bound to a node has no kubelet to stop it: it goes at once.
  const graceful = !!pod && grace > 0 && !!pod.spec?.nodeName && !current.metadata.deletionTimestamp;
  const toUser = flight.client === 'kubectl';
  // The garbage collector's finalizers the propagation policy asks for (orphan, foregroundDeletion).
  const gc = deletionFinalizers(current, options);
  if (graceful) {
    const value: ApiObject = {
      ...current,
      metadata: {
        ...current.metadata,
        ...(gc.changed ? { finalizers: gc.finalizers } : {}),
        deletionTimestamp: isoTime(sim.now + grace * 1000),
        deletionGracePeriodSeconds: grace,
      },
    };
    txn(sim, id, key, value, {
      level: 'overview',
      say: { key: 'apiserver-delete-graceful', params: { key, name: String(req.name), grace } },
    });
    return;
  }
  if (current.metadata.deletionTimestamp && grace > 0) {
    // Already terminating: a second graceful delete changes nothing.
    return respond(sim, id, 200, current);
  }
  if (gc.finalizers.length) {
    // Finalizers pending: never deleted at once. markAsDeleting: deletionTimestamp now, grace 0.
    // A graceful deletion cut short (the kubelet's grace-0 DELETE of a Pod that keeps a finalizer)
    // shortens the grace period to 0 (BeforeDelete), so the finalizer's removal then deletes it.
    const shortened = !!current.metadata.deletionTimestamp && (current.metadata.deletionGracePeriodSeconds ?? 0) !== 0;
    if (!gc.changed && current.metadata.deletionTimestamp && !shortened) return respond(sim, id, 200, current);
    const value: ApiObject = {
      ...current,
      metadata: {
        ...current.metadata,
        finalizers: gc.finalizers,
        deletionTimestamp:
          current.metadata.deletionTimestamp && !shortened ? current.metadata.deletionTimestamp : isoTime(sim.now),
        deletionGracePeriodSeconds: 0,
      },
    };
    return txn(sim, id, key, value, {
      level: toUser ? 'overview' : 'standard',
      say: {
        key: 'apiserver-delete-finalizers',
        params: { key, kind: current.kind, name: String(req.name), finalizers: gc.finalizers.join(', ') },
      },
    });
  }
  txn(sim, id, key, null, {
    level: toUser || current.kind === 'Pod' ? 'overview' : 'standard',
    say: { key: 'apiserver-delete', params: { key, kind: current.kind, name: String(req.name) } },
  });
}

function finish(sim: ApiSim, id: number, ok: boolean, value: ApiObject | null): void {
  const flight = sim.world.apiserver.inflight[id];
  if (!flight) return;
  const { req } = flight;
  if (!ok) {
    const info = byResource(req.resource);
    return respond(
      sim,
      id,
      409,
      undefined,
      `${qualified(info.resource)} "${String(flight.obj?.metadata.name ?? req.name)}" already exists`,
    );
  }
  const status = req.verb === 'create' ? 201 : 200;
  respond(sim, id, status, value ?? undefined);
}

/** What kubectl prints for a successful request, and the step that tells it. */
const KUBECTL_SAYS: Partial<
  Record<ApiRequest['verb'], { key: string; print: (resource: string, name: string) => string }>
> = {
  create: { key: 'apiserver-created', print: (r, n) => `${r}/${n} created` },
  patch: { key: 'apiserver-configured', print: (r, n) => `${r}/${n} configured` },
  delete: { key: 'apiserver-deleted', print: (r, n) => `${r} "${n}" deleted` },
};

function respond(sim: ApiSim, id: number, status: number, body?: ApiObject, message?: string): void {
  const st = sim.world.apiserver;
  const flight = st.inflight[id]!;
  delete st.inflight[id];
  const { req, client } = flight;
  const name = String(body?.metadata.name ?? req.name ?? flight.obj?.metadata.name ?? '');
  const toUser = client === 'kubectl';
  let level: DetailLevel = toUser ? 'standard' : 'deep';
  if (req.subresource === 'binding' || req.subresource === 'status') level = 'standard';
  if (req.resource === 'events' || req.resource === 'leases') level = 'deep';
  if (status >= 400) level = toUser ? 'overview' : 'standard';
  const kubectlSays = toUser ? KUBECTL_SAYS[req.verb] : undefined;
  const say: Say = message
    ? { key: 'apiserver-error', params: { status, message } }
    : kubectlSays
      ? {
          key: kubectlSays.key,
          params: {
            status,
            printed: [
              ...(flight.warnings ?? []).map((w) => `Warning: ${w}`),
              kubectlSays.print(kubectlResourceName(req.resource), name),
            ].join('\n'),
          },
        }
      : { key: 'apiserver-response', params: { status, resource: req.resource, name, path: req.path } };
  // Optional fields assigned rather than spread from temporary objects: every request ends here.
  const msg: HttpResponse = { type: 'http-response', id, status };
  if (body) msg.body = body;
  if (message) msg.message = message;
  if (flight.warnings?.length) msg.warnings = flight.warnings;
  sim.send(
    { from: SELF, to: client, msg, meta: { kind: 'response', level, status, path: req.path, say } },
    sim.latency(0.5, 2),
  );
}

/**
 * LIST answers from the watch cache, with the cache's resourceVersion; WATCH
 * registers the caller for later changes and first replays what changed
 * after the resourceVersion it starts from (the watch cache's window: a
 * deletion in between is not replayed).
 */
function serveListWatch(sim: ApiSim, id: number): void {
  const st = sim.world.apiserver;
  const flight = st.inflight[id]!;
  delete st.inflight[id];
  const specs = flight.req.watches ?? [];
  if (flight.req.verb === 'watch') {
    for (const spec of specs) addWatcher(st, flight.client, spec);
    for (const spec of specs) {
      if (spec.resourceVersion === undefined) continue;
      const since = Number(spec.resourceVersion);
      for (const key of st.byResource[spec.resource] ?? NO_KEYS) {
        const obj = st.cache[key]!;
        if (!matches(spec, obj)) continue;
        if (Number(obj.metadata.resourceVersion ?? 0) <= since) continue;
        sim.send(
          {
            from: SELF,
            to: flight.client,
            msg: {
              type: 'watch-event',
              resource: spec.resource,
              object: obj,
              events: { [flight.client]: 'MODIFIED' } as Partial<Record<ComponentId, WatchEventType>>,
            },
            meta: {
              kind: 'watch',
              level: 'deep',
              verb: 'watch',
              say: {
                key: 'apiserver-watch',
                params: {
                  resource: spec.resource,
                  name: String(obj.metadata.name),
                  watchers: `${flight.client} (MODIFIED)`,
                },
              },
            },
          },
          sim.latency(0.5, 2),
        );
      }
    }
    return;
  }
  const items: ApiObject[] = [];
  // The watch cache's resourceVersion: the newest it has seen.
  const revision = newestRevision(st);
  if (specs.length === 1) {
    const spec = specs[0]!;
    for (const key of st.byResource[spec.resource] ?? NO_KEYS) {
      const obj = st.cache[key]!;
      if (matches(spec, obj)) items.push(obj);
    }
  } else {
    // Several resources at once: their objects interleaved in the cache's order.
    for (const key in st.cache) {
      const obj = st.cache[key]!;
      const resource = resourceOfKey(key)?.resource;
      if (specs.some((spec) => spec.resource === resource && matches(spec, obj))) items.push(obj);
    }
  }
  sim.send(
    {
      from: SELF,
      to: flight.client,
      msg: {
        type: 'http-response',
        id,
        status: 200,
        items,
        body: { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: String(revision) } } as ApiObject,
      },
      meta: {
        kind: 'response',
        level: 'deep',
        status: 200,
        path: flight.req.path,
        say: {
          key: 'apiserver-list',
          params: { count: items.length, resources: specs.map((s) => s.resource).join(', ') },
        },
      },
    },
    sim.latency(0.5, 2),
  );
}

/** RFC 7386 JSON merge patch: objects merge key by key, null removes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as object) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** How kubectl names a resource in what it prints: `pod`, `deployment.apps`. */
/** The group-qualified resource of API errors (schema.GroupResource.String()): `deployments.apps`, `pods`. */
function qualified(resource: string): string {
  const info = byResource(resource);
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

function kubectlResourceName(resource: string): string {
  const info = byResource(resource);
  const kind = info.kind.toLowerCase();
  return info.group ? `${kind}.${info.group}` : kind;
}

function matches(spec: WatchSpec, obj: ApiObject | null): boolean {
  if (!obj) return false;
  if (spec.fieldSelector && !fieldSelectorMatches(spec.fieldSelector, obj)) return false;
  if (spec.nodeName === undefined) return true;
  return (obj.spec as { nodeName?: string } | undefined)?.nodeName === spec.nodeName;
}

/** A field selector's terms (`status.phase!=Succeeded,status.phase!=Failed`), all of which must hold. */
export function fieldSelectorMatches(selector: string, obj: ApiObject): boolean {
  // A plain loop, not every() with a closure: the scheduler's selector is matched twice on every Pod write.
  for (const { path, negated, wanted } of parsedSelector(selector)) {
    let value: unknown = obj;
    for (const part of path) value = (value as Record<string, unknown> | undefined)?.[part];
    const equal = String(value ?? '') === wanted;
    if (equal === negated) return false;
  }
  return true;
}

interface SelectorTerm {
  path: string[];
  negated: boolean;
  wanted: string;
}

/** A selector's terms, parsed once: a watch's selector is matched twice on every write of its resource. */
function parsedSelector(selector: string): SelectorTerm[] {
  let terms = PARSED_SELECTORS.get(selector);
  if (!terms) {
    terms = [];
    for (const term of selector.split(',')) {
      const m = /^([\w.]+)(!=|==|=)(.*)$/.exec(term);
      // A term that does not parse selects everything.
      if (m) terms.push({ path: m[1]!.split('.'), negated: m[2] === '!=', wanted: m[3]! });
    }
    PARSED_SELECTORS.set(selector, terms);
  }
  return terms;
}
const PARSED_SELECTORS = new Map<string, SelectorTerm[]>();

/** Keep the watch cache and its indexes (directory, resource, newest revision) together; returns the key's resource. */
export function cachePut(st: ApiserverState, key: string, value: ApiObject | null): string | undefined {
  const dir = key.slice(0, key.lastIndexOf('/') + 1);
  const old = st.cache[key];
  if (old && revisionOf(old) === st.newest.revision) st.newest.stale = true;
  const resource = resourceOfDir(dir)?.resource;
  if (value) {
    st.cache[key] = value;
    // A new key joins its directory's and its resource's indexes; an updated one is in them already.
    if (!old) {
      (st.dirs[dir] ??= dict())[key] = true;
      if (resource !== undefined) (st.byResource[resource] ??= new Set()).add(key);
    }
    const revision = revisionOf(value);
    // A newer object is the newest whatever went before it (NaN, never written by etcd, leaves it to a scan).
    // Updated in place: every write passes here.
    if (revision >= st.newest.revision) {
      st.newest.revision = revision;
      st.newest.stale = false;
    } else if (Number.isNaN(revision)) st.newest.stale = true;
  } else {
    delete st.cache[key];
    if (st.dirs[dir]) delete st.dirs[dir][key];
    if (resource !== undefined) st.byResource[resource]?.delete(key);
  }
  return resource;
}

const NO_KEYS: ReadonlySet<string> = new Set();

function revisionOf(obj: ApiObject): number {
  return Number(obj.metadata.resourceVersion ?? 0);
}

/** The largest resourceVersion in the watch cache, looked for again only when the object holding it went. */
function newestRevision(st: ApiserverState): number {
  if (st.newest.stale) {
    let revision = 0;
    for (const key in st.cache) revision = Math.max(revision, revisionOf(st.cache[key]!));
    st.newest.revision = revision;
    st.newest.stale = false;
  }
  return st.newest.revision;
}

function addWatcher(st: ApiserverState, component: ComponentId, spec: WatchSpec): void {
  const list = (st.watchers[spec.resource] ??= { all: [], anyNode: [], byNode: new Map() });
  const at = list.all.push({ component, spec }) - 1;
  if (spec.nodeName === undefined) list.anyNode.push(at);
  else {
    const onNode = list.byNode.get(spec.nodeName);
    if (onNode) onNode.push(at);
    else list.byNode.set(spec.nodeName, [at]);
  }
}

function nodeNameOf(obj: ApiObject | null): string | undefined {
  const nodeName = (obj?.spec as { nodeName?: unknown } | undefined)?.nodeName;
  return typeof nodeName === 'string' ? nodeName : undefined;
}

/**
 * The positions of the watches a change from `prev` to `value` may concern,
 * in the order they were opened: those without a node selector, and those of
 * the node the object was or is on (no other node's selector matches either).
 */
function watchersOf(list: WatcherList, prev: ApiObject | null, value: ApiObject | null): readonly number[] {
  const was = nodeNameOf(prev);
  const is = nodeNameOf(value);
  const onWas = was === undefined ? undefined : list.byNode.get(was);
  const onIs = is === undefined || is === was ? undefined : list.byNode.get(is);
  if (!onWas && !onIs) return list.anyNode;
  return mergeAscending(mergeAscending(list.anyNode, onWas ?? NONE), onIs ?? NONE);
}
const NONE: readonly number[] = [];

/** Two ascending lists of positions as one. */
function mergeAscending(a: readonly number[], b: readonly number[]): readonly number[] {
  if (!b.length) return a;
  if (!a.length) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]! < b[j]! ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/**
 * The watch cache saw a change: each watcher gets ADDED, MODIFIED or DELETED
 * as seen through its own selector (a Pod newly bound to a node is ADDED for
 * that node's kubelet).
 */
function fanOut(sim: ApiSim, key: string, prev: ApiObject | null, value: ApiObject | null): void {
  const st = sim.world.apiserver;
  const resource = cachePut(st, key, value);
  // The quota evaluator forgets its own record once the cache has caught up with it. It keeps
  // records of quotas only (chargeQuotas), so no other write looks.
  if (resource === 'resourcequotas') {
    const charged = st.quotaUsed[key];
    if (charged && (!value || JSON.stringify((value.status as { used?: unknown })?.used) === JSON.stringify(charged)))
      delete st.quotaUsed[key];
  }
  if (!resource) return;
  const object = value ?? prev;
  const list = st.watchers[resource];
  if (!list || !object) return;
  // One pass over the watches builds what the delivery needs: each watcher's event type, the
  // first receiver and the rest (the fan-out), the step's `watchers` line and whether this is
  // a moment the story tells (a new Pod reaching the scheduler or its kubelet, a new workload
  // its controller).
  const events: Partial<Record<ComponentId, WatchEventType>> = {};
  let first: ComponentId | undefined;
  const rest: ComponentId[] = [];
  let watchers = '';
  let storyMoment = false;
  for (const at of watchersOf(list, prev, value)) {
    const w = list.all[at]!;
    const was = matches(w.spec, prev);
    const is = matches(w.spec, value);
    const type: WatchEventType | null = !was && is ? 'ADDED' : was && is ? 'MODIFIED' : was && !is ? 'DELETED' : null;
    const t = w.component;
    if (!type || events[t]) continue;
    events[t] = type;
    if (first === undefined) first = t;
    else rest.push(t);
    const text = watcherText(t);
    watchers = watchers ? watchers + text.after[type] : text.first[type];
    if (
      type === 'ADDED' &&
      ((resource === 'pods' && (t === 'kube-scheduler' || t.startsWith('kubelet/'))) ||
        ((resource === 'deployments' || resource === 'replicasets') && t === 'kube-controller-manager'))
    )
      storyMoment = true;
  }
  if (first === undefined) return;

  const level: DetailLevel =
    resource === 'leases' || resource === 'events' ? 'deep' : storyMoment ? 'overview' : 'standard';
  const msg: WatchEvent = { type: 'watch-event', resource, object, events };
  // The watch cache's key, already hashed, saves each informer making its own, where it is the one
  // they would make (client.ts keyOf: a PUT's body may name another object than its URL names).
  const kind = byKind(object.kind);
  if (kind && etcdKey(kind.resource, object.metadata.namespace, object.metadata.name ?? '') === key) msg.key = key;
  sim.send(
    {
      from: SELF,
      to: first,
      fanout: rest.length ? rest : undefined,
      msg,
      meta: {
        kind: 'watch',
        level,
        verb: 'watch',
        say: {
          key: resource === 'pods' ? 'apiserver-watch-pod' : 'apiserver-watch',
          params: { resource, name: String(object.metadata.name), watchers },
        },
      },
    },
    sim.latency(0.5, 3),
  );
}

/**
 * "kubelet/node-1 (MODIFIED)" for each event type, first in the list or
 * after a comma, made once per component: every watch event's step lists its
 * watchers, and each made afresh was several new pieces of string that the
 * trace keeps.
 */
const watcherText = remembering((component: string) => {
  const told = (type: WatchEventType) => `${component} (${type})`;
  const first: Record<WatchEventType, string> = {
    ADDED: told('ADDED'),
    MODIFIED: told('MODIFIED'),
    DELETED: told('DELETED'),
  };
  const after: Record<WatchEventType, string> = {
    ADDED: `, ${first.ADDED}`,
    MODIFIED: `, ${first.MODIFIED}`,
    DELETED: `, ${first.DELETED}`,
  };
  return { first, after };
});

/** How long LimitRanger and the quota accessor trust a live lookup (liveTTL). */
const LIVE_TTL_MS = 30_000;

/** What the admission plugins read: the watch cache, and storage for a live lookup. */
function lookupFor(sim: ApiSim): AdmissionLookup {
  return new CacheLookup(sim);
}

/** A class, not an object of closures: a Pod's admission makes two. */
class CacheLookup implements AdmissionLookup {
  constructor(private readonly sim: ApiSim) {}
  list(resource: string, namespace: string): ApiObject[] {
    const st = this.sim.world.apiserver;
    const dir = st.dirs[`${byResource(resource).etcdPrefix}/${namespace}/`] ?? {};
    return Object.keys(dir).map((k) => st.cache[k]!);
  }
  get(resource: string, namespace: string | undefined, name: string): ApiObject | undefined {
    const key = etcdKey(resource, namespace, name);
    return this.sim.world.apiserver.cache[key] ?? this.sim.world.etcd.kv[key]?.value;
  }
  liveList(resource: string, namespace: string): ApiObject[] {
    const { sim } = this;
    const st = sim.world.apiserver;
    const prefix = `${byResource(resource).etcdPrefix}/${namespace}/`;
    const hit = st.liveLookups[prefix];
    if (hit && hit.expiry > sim.now) return hit.items;
    const items: ApiObject[] = [];
    for (const k in sim.world.etcd.kv) if (k.startsWith(prefix)) items.push(sim.world.etcd.kv[k]!.value);
    st.liveLookups[prefix] = { expiry: sim.now + LIVE_TTL_MS, items };
    return items;
  }
}

/**
 * An admission plugin refused: 403 Forbidden with its message. A refused
 * object is a moment of the story whoever sent it (a ReplicaSet's Pod too).
 */
function deny(sim: ApiSim, id: number, level: DetailLevel, plugin: string, message: string): void {
  sim.note(SELF, internal(level, 'apiserver-admission-denied', { plugin, message }));
  respond(sim, id, 403, undefined, message);
}

/** The mutating webhooks a Pod will meet, for the chain's verdict line. */
function webhookNames(sim: ApiSim, flight: Inflight): string {
  const names = webhooksFor(sim.world.apiserver, flight, 'mutating').map((i) => i.webhook.name);
  return names.length ? `calling ${names.join(', ')}` : 'no webhooks';
}

/** How a webhook round ends: the next stage (validating re-enters its own to run ResourceQuota), or the error. */
const ROUND_END: RoundEnd = {
  next(sim, id) {
    const flight = sim.world.apiserver.inflight[id];
    if (!flight) return;
    if (flight.webhooks?.kind === 'validating') return stage(sim, id, 'validating-admission', 0);
    nextStage(sim, id, 'mutating-admission');
  },
  fail(sim, id, status, message, plugin) {
    sim.note(SELF, internal('overview', 'apiserver-webhook-rejected', { plugin, message, status }));
    respond(sim, id, status, undefined, message);
  },
};

/**
 * ResourceQuota admission writes each charged quota's status.used through
 * the apiserver's loopback client, and only then lets the object be stored
 * (quotaEvaluator.checkQuotas → UpdateStatus).
 */
function chargeQuotas(sim: ApiSim, id: number, charged: { name: string; used: ResourceList }[]): void {
  const st = sim.world.apiserver;
  const flight = st.inflight[id]!;
  const namespace = String(flight.req.namespace);
  flight.waiting = charged.length;
  for (const c of charged) {
    st.quotaUsed[etcdKey('resourcequotas', namespace, c.name)] = c.used;
    const rid = request(sim, SELF, {
      verb: 'update',
      resource: 'resourcequotas',
      namespace,
      name: c.name,
      subresource: 'status',
      // The evaluator updates a copy of the quota it read: hard as it was, used as charged.
      body: {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: {},
        status: {
          ...(sim.world.etcd.kv[etcdKey('resourcequotas', namespace, c.name)]?.value.status as object),
          used: c.used,
        },
      } as unknown as ApiObject,
      user: USERS.apiserverLoopback,
      level: 'standard',
      say: {
        key: 'apiserver-quota-charge',
        params: {
          quota: c.name,
          used: Object.entries(c.used)
            .map(([k, v]) => `${k}=${v}`)
            .join(', '),
        },
      },
    });
    st.loopback[rid] = id;
  }
}

function loopbackAnswered(sim: ApiSim, rid: number, status: number, message?: string): void {
  const st = sim.world.apiserver;
  const waiter = st.loopback[rid];
  if (waiter === undefined) return;
  delete st.loopback[rid];
  const flight = st.inflight[waiter];
  if (!flight) return;
  if (status >= 300)
    return respond(sim, waiter, status, undefined, message ?? `resourcequotas status update: ${status}`);
  flight.waiting = (flight.waiting ?? 1) - 1;
  if (flight.waiting === 0) nextStage(sim, waiter, 'validating-admission');
}
