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
}

export function recordEvent(sim: Sim<unknown>, from: ComponentId, e: EventInput): void {
  const meta = e.object.metadata;
  // An event about a cluster-scoped object (a Node) lives in "default" (client-go record makeEvent).
  const namespace = meta.namespace || 'default';
  const involvedObject: ObjectReference = {
    kind: e.object.kind,
    namespace: meta.namespace,
    name: meta.name,
    uid: meta.uid,
    apiVersion: e.object.apiVersion,
    resourceVersion: meta.resourceVersion,
    ...(e.fieldPath ? { fieldPath: e.fieldPath } : {}),
  };
  const now = isoTime(sim.now);
  const body: ApiObject = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${meta.name}.${sim.hex(16)}`, namespace },
    involvedObject: involvedObject as unknown as ApiObject['metadata'],
    reason: e.reason,
    message: e.message,
    type: e.type,
    source: e.host ? { component: e.component, host: e.host } : { component: e.component },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    eventTime: null,
    reportingComponent: e.component,
    reportingInstance: e.host ?? '',
    ...(e.action ? { action: e.action } : {}),
  };
  request(sim, from, {
    verb: 'create',
    resource: 'events',
    namespace,
    body,
    user: e.user,
    kind: 'event',
    level: 'standard',
    say: { key: 'event', params: { type: e.type, reason: e.reason, message: e.message, object: String(meta.name) } },
  });
}
