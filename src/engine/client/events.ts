/**
 * client-go's event recorder: a component reports what happened to an
 * object as a core/v1 Event, created through kube-apiserver like any object.
 * Reasons are the real constants (pkg/kubelet/events/event.go and friends).
 */
import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { UserInfo } from '../core/messages';
import type { Sim } from '../core/sim';
import { isoTime } from '../apiserver/names';
import type { ApiObject, ComponentId } from '../types';
import { request } from './client';
import { correlate, type EventCorrelatorState } from './event-correlator';

export const REASON = {
  Scheduled: 'Scheduled',
  FailedScheduling: 'FailedScheduling',
  Pulling: 'Pulling',
  Pulled: 'Pulled',
  Created: 'Created',
  Started: 'Started',
  FailedCreatePodSandBox: 'FailedCreatePodSandBox',
  ErrImageNeverPull: 'ErrImageNeverPull',
  Killing: 'Killing',
  Failed: 'Failed',
  // Container failures (pkg/kubelet/events/event.go): BackOffStartContainer and BackOffPullImage are both
  // "BackOff"; ContainerUnhealthy is "Unhealthy".
  BackOff: 'BackOff',
  Unhealthy: 'Unhealthy',
  // Volumes (pkg/kubelet/events: FailedMountVolume; pkg/controller/volume/events).
  FailedMount: 'FailedMount',
  WaitForFirstConsumer: 'WaitForFirstConsumer',
  ExternalProvisioning: 'ExternalProvisioning',
  Provisioning: 'Provisioning',
  ProvisioningSucceeded: 'ProvisioningSucceeded',
  // Container lifecycle hooks (pkg/kubelet/events).
  FailedPostStartHook: 'FailedPostStartHook',
  FailedPreStopHook: 'FailedPreStopHook',
  // Node lifecycle and taint eviction (pkg/controller/util/node, pkg/controller/tainteviction).
  NodeNotReady: 'NodeNotReady',
  TaintManagerEviction: 'TaintManagerEviction',
} as const;

export interface EventInput {
  object: ApiObject;
  reason: string;
  type: 'Normal' | 'Warning';
  message: string;
  /** source.component: kubelet, default-scheduler, … */
  component: string;
  host?: string;
  fieldPath?: string;
  action?: string;
  user: UserInfo;
  /** A change periodic work found (a probe that now fails) is not repetition: false keeps the run going. */
  periodic?: boolean;
}

/**
 * client-go record's EventCorrelator (event-correlator.ts): an Event seen
 * before is a PATCH of the first one (count, lastTimestamp), which `kubectl
 * describe` shows as `(x3 over 20s)`; ten different messages for the same
 * reason within ten minutes are combined; the spam filter drops the rest.
 */
export type EventCountCache = EventCorrelatorState;

export function recordEvent(sim: Sim<unknown>, from: ComponentId, e: EventInput, cache?: EventCountCache): void {
  const meta = e.object.metadata;
  // An event about a cluster-scoped object (a Node) lives in "default" (client-go record makeEvent).
  const namespace = meta.namespace || 'default';
  const correlated = cache
    ? correlate(
        cache,
        {
          component: e.component,
          host: e.host ?? '',
          kind: e.object.kind,
          namespace: meta.namespace ?? '',
          name: String(meta.name),
          fieldPath: e.fieldPath ?? '',
          uid: String(meta.uid ?? ''),
          apiVersion: e.object.apiVersion,
          type: e.type,
          reason: e.reason,
          message: e.message,
        },
        sim.now,
        () => ({ name: `${meta.name}.${sim.hex(16)}`, namespace }),
      )
    : undefined;
  if (correlated?.action === 'skip') {
    sim.note(from, {
      kind: 'internal',
      level: 'deep',
      say: { key: 'event-spam-filtered', params: { type: e.type, reason: e.reason, object: String(meta.name) } },
    });
    return;
  }
  const message = correlated?.message ?? e.message;
  if (correlated?.action === 'patch') {
    request(sim, from, {
      verb: 'patch',
      resource: 'events',
      namespace: correlated.namespace,
      name: correlated.name,
      // CreateTwoWayMergePatch against a copy without count, lastTimestamp and message: those three.
      body: { count: correlated.count, lastTimestamp: isoTime(sim.now), message } as unknown as ApiObject,
      user: e.user,
      kind: 'event',
      level: 'standard',
      periodic: e.periodic,
      say: {
        key: 'event-count',
        params: {
          type: e.type,
          reason: e.reason,
          message,
          object: String(meta.name),
          count: correlated.count,
          first: isoTime(correlated.first),
        },
      },
    });
    return;
  }
  // Optional fields assigned in their place (the last), not spread from temporary objects.
  const involvedObject: ObjectReference = {
    kind: e.object.kind,
    namespace: meta.namespace,
    name: meta.name,
    uid: meta.uid,
    apiVersion: e.object.apiVersion,
    resourceVersion: meta.resourceVersion,
  };
  if (e.fieldPath) involvedObject.fieldPath = e.fieldPath;
  const now = isoTime(sim.now);
  const name = correlated?.name ?? `${meta.name}.${sim.hex(16)}`;
  const body: ApiObject = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace },
    involvedObject: involvedObject as unknown as ApiObject['metadata'],
    reason: e.reason,
    message,
    type: e.type,
    source: e.host ? { component: e.component, host: e.host } : { component: e.component },
    firstTimestamp: correlated ? isoTime(correlated.first) : now,
    lastTimestamp: now,
    count: correlated?.count ?? 1,
    eventTime: null,
    reportingComponent: e.component,
    reportingInstance: e.host ?? '',
  };
  if (e.action) body.action = e.action;
  request(sim, from, {
    verb: 'create',
    resource: 'events',
    namespace,
    body,
    user: e.user,
    kind: 'event',
    level: 'standard',
    periodic: e.periodic,
    say: { key: 'event', params: { type: e.type, reason: e.reason, message, object: String(meta.name) } },
  });
}

/** The host kube-scheduler runs on (a static Pod on the control-plane machine): its reportingInstance suffix. */
export const CONTROL_PLANE_HOST = 'control-plane';

export interface EventV1Input {
  object: ApiObject;
  reason: string;
  type: 'Normal' | 'Warning';
  note: string;
  /** The recorder's reportingController: the scheduler profile's name, default-scheduler. */
  reportingController: string;
  action: string;
  user: UserInfo;
}

/** metav1.MicroTime: RFC 3339 with microseconds. */
export function microTime(at: number): string {
  // The whole second comes from isoTime's cache (the clock starts at a whole second, EPOCH), the ms are appended.
  const ms = Math.floor(at);
  return `${isoTime(ms).slice(0, -1)}.${String(ms % 1000).padStart(3, '0')}000Z`;
}

/**
 * client-go tools/events, the events.k8s.io/v1 recorder kube-scheduler uses
 * (NewEventBroadcasterAdapter): Eventf(regarding, related, type, reason,
 * action, note) with reportingInstance `<controller>-<hostname>` and an
 * eventTime, POSTed to /apis/events.k8s.io/v1.
 */
/**
 * The recorder's cache of isomorphic Events (eventBroadcasterImpl.eventCache):
 * same action, reason, reportingController and regarding (resourceVersion
 * included). The note is not part of the key.
 */
export type EventSeriesCache = Record<string, { name: string; namespace: string; count: number }>;

export function recordEventV1(sim: Sim<unknown>, from: ComponentId, e: EventV1Input, cache?: EventSeriesCache): void {
  const meta = e.object.metadata;
  const say = {
    key: 'event',
    params: { type: e.type, reason: e.reason, message: e.note, object: String(meta.name) },
  };
  // The parts joined with '|' as one template (an absent one is empty, as join makes it), not an array joined.
  const key = `${e.action}|${e.reason}|${e.reportingController}|${e.object.kind}|${meta.namespace ?? ''}|${meta.name ?? ''}|${meta.uid ?? ''}|${String(meta.resourceVersion ?? '')}`;
  const seen = cache?.[key];
  if (seen) {
    // recordToSink: the second occurrence PATCHes series {count: 2}; later ones only count in the
    // cache until the 30-minute heartbeat (refreshExistingEventSeries) writes them.
    seen.count++;
    if (seen.count > 2) return;
    request(sim, from, {
      verb: 'patch',
      resource: 'events',
      group: 'events.k8s.io',
      namespace: seen.namespace,
      name: seen.name,
      body: { series: { count: 2, lastObservedTime: microTime(sim.now) } } as unknown as ApiObject,
      user: e.user,
      kind: 'event',
      level: 'standard',
      say: { key: 'event-series', params: { ...say.params, count: 2 } },
    });
    return;
  }
  const regarding: ObjectReference = {
    kind: e.object.kind,
    namespace: meta.namespace,
    name: meta.name,
    uid: meta.uid,
    apiVersion: e.object.apiVersion,
    resourceVersion: meta.resourceVersion,
  };
  const name = `${meta.name}.${sim.hex(16)}`;
  const namespace = meta.namespace ?? 'default';
  if (cache) cache[key] = { name, namespace, count: 1 };
  const body: ApiObject = {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: { name, namespace },
    eventTime: microTime(sim.now),
    reportingController: e.reportingController,
    reportingInstance: `${e.reportingController}-${CONTROL_PLANE_HOST}`,
    action: e.action,
    reason: e.reason,
    regarding: regarding as unknown as ApiObject['metadata'],
    note: e.note,
    type: e.type,
  };
  request(sim, from, {
    verb: 'create',
    resource: 'events',
    group: 'events.k8s.io',
    namespace: meta.namespace,
    body,
    user: e.user,
    kind: 'event',
    level: 'standard',
    say,
  });
}
