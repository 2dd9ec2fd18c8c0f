/**
 * kubectl's describer map (describe.go describerMap) for the kinds podflow
 * models: one function per kind, each printing through the describe tab
 * writer. Kinds without a describer here fall back to YAML in the prompt.
 */
import type { ApiObject } from '../../engine/types';
import { describePod } from '../kubectl-describe';
import { describeTable } from '../tabwriter';
import {
  describeConfigMap,
  describePersistentVolume,
  describePersistentVolumeClaim,
  describeSecret,
  describeServiceAccount,
} from './config';
import { describeEndpointSlice, describeIngress, describeNetworkPolicy, describeService } from './network';
import { describeNamespace, describeNode } from './node';
import type { DescribeContext } from './prefix';
import { describeDeployment, describeReplicaSet } from './workloads';

export type { DescribeContext } from './prefix';

const DESCRIBERS: Record<string, (obj: ApiObject, ctx: DescribeContext) => string> = {
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Service: describeService,
  Node: describeNode,
  Namespace: describeNamespace,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  ServiceAccount: describeServiceAccount,
  PersistentVolumeClaim: describePersistentVolumeClaim,
  PersistentVolume: describePersistentVolume,
  Ingress: describeIngress,
  NetworkPolicy: describeNetworkPolicy,
  EndpointSlice: describeEndpointSlice,
};

/** Whether kubectl's describer for this kind is modelled. */
export const hasDescriber = (kind: string): boolean => kind === 'Pod' || kind in DESCRIBERS;

/** `kubectl describe <kind> <name>` of one object, or undefined for a kind without a describer. */
export function describeObject(obj: ApiObject, ctx: DescribeContext, kind = obj.kind): string | undefined {
  if (kind === 'Pod') return describePod(obj, ctx.events, ctx.now);
  const fn = DESCRIBERS[kind];
  return fn ? describeTable(fn(obj, ctx)) : undefined;
}
