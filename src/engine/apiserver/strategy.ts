/**
 * What kube-apiserver does to an object of each resource on create, as the
 * registry's strategies do (pkg/registry/<group>/<resource>/strategy.go):
 * decode, default and mutate, prepare (status, generation), validate.
 * Resources without an entry get only the checks every object gets.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import type { Sim } from '../core/sim';
import type { UserInfo } from '../core/messages';
import { RBAC_STRATEGIES, type Refusal } from './rbac/strategies';
import type { ApiObject } from '../types';
import { applyPodDefaults, applyPodSpecDefaults, qosClass } from './pod-defaults';
import { decodePod, validatePod, type FieldError } from './pod-validation';
import { CORE_STRATEGIES } from './core-strategies';
import { serviceStrategy } from './service-strategy';
import { STORAGE_STRATEGIES } from './storage-strategies';
import { NETWORKING_STRATEGIES } from './networking-strategies';

export interface Mutation {
  /** Fields set by scheme defaulting. */
  defaulted: string[];
  /** Fields set by mutating admission plugins, and which plugins acted. */
  admitted: string[];
  plugins: string[];
}

export interface Strategy {
  /** A 400 message when the body does not decode as this kind. */
  decode?(body: unknown): string | null;
  mutate?(obj: ApiObject, sim: Sim<unknown>): Mutation;
  prepareForCreate?(obj: ApiObject): void;
  /** The REST storage's BeginCreate (a Service's ClusterIP allocation); field errors make it a 422. */
  beginCreate?(obj: ApiObject, sim: Sim<unknown>): FieldError[];
  validate?(obj: ApiObject): FieldError[];
  /** ValidateUpdate against the stored object (a RoleBinding's roleRef is immutable). */
  validateUpdate?(obj: ApiObject, old: ApiObject): FieldError[];
  /**
   * The REST storage's own authorization before it creates or updates (RBAC's policy-based
   * storage refuses a Role or binding that grants more than its writer holds).
   */
  authorizeWrite?(obj: ApiObject, user: UserInfo, namespace: string, sim: Sim<unknown>): Refusal | null;
}

const kindOf = (v: unknown): string =>
  Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v;

const podStrategy: Strategy = {
  decode: decodePod,
  mutate(obj) {
    const pod = obj as unknown as Pod;
    (pod as { spec?: Pod['spec'] }).spec ??= { containers: [] };
    pod.spec!.containers ??= [];
    // The admission plugins (ServiceAccount, Priority, …) run in the admission chain (admission/chain.ts).
    return { defaulted: applyPodDefaults(pod), admitted: [], plugins: [] };
  },
  prepareForCreate(obj) {
    const pod = obj as unknown as Pod;
    (pod as { status?: PodStatus }).status = { phase: 'Pending', qosClass: qosClass(pod) };
  },
  validate: (obj) => validatePod(obj as unknown as Pod),
};

/** Deployments and ReplicaSets: a selector and a Pod template that it selects. */
function workloadStrategy(kind: 'Deployment' | 'ReplicaSet'): Strategy {
  return {
    decode(body) {
      const b = body as { spec?: { template?: unknown; selector?: unknown } };
      const prefix = `${kind} in version "v1" cannot be handled as a ${kind}: json: cannot unmarshal`;
      if (b.spec !== undefined && kindOf(b.spec) !== 'object')
        return `${prefix} ${kindOf(b.spec)} into Go struct field ${kind}.spec of type v1.${kind}Spec`;
      const t = b.spec?.template as { spec?: unknown } | undefined;
      if (t !== undefined && kindOf(t) !== 'object')
        return `${prefix} ${kindOf(t)} into Go struct field ${kind}Spec.spec.template of type v1.PodTemplateSpec`;
      if (t?.spec !== undefined)
        return (
          decodePod({ spec: t.spec })?.replace(
            'Pod in version "v1" cannot be handled as a Pod',
            `${kind} in version "v1" cannot be handled as a ${kind}`,
          ) ?? null
        );
      return null;
    },
    mutate(obj) {
      const w = obj as unknown as Deployment | ReplicaSet;
      const spec = ((w as { spec?: object }).spec ??= {}) as NonNullable<Deployment['spec']> &
        NonNullable<ReplicaSet['spec']>;
      const defaulted: string[] = [];
      if (spec.replicas === undefined) {
        spec.replicas = 1;
        defaulted.push('spec.replicas');
      }
      if (kind === 'Deployment') {
        const d = spec as NonNullable<Deployment['spec']>;
        if (!d.strategy) {
          d.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } };
          defaulted.push('spec.strategy');
        }
        if (d.revisionHistoryLimit === undefined) {
          d.revisionHistoryLimit = 10;
          defaulted.push('spec.revisionHistoryLimit');
        }
        if (d.progressDeadlineSeconds === undefined) {
          d.progressDeadlineSeconds = 600;
          defaulted.push('spec.progressDeadlineSeconds');
        }
      }
      const template = spec.template as { spec?: Pod['spec'] } | undefined;
      if (template?.spec) {
        template.spec.containers ??= [];
        defaulted.push(...applyPodSpecDefaults(template.spec, 'spec.template.spec'));
      }
      return { defaulted, admitted: [], plugins: [] };
    },
    prepareForCreate(obj) {
      obj.metadata.generation = 1;
      obj.status = {};
    },
    validate(obj) {
      const spec = (obj as unknown as Deployment).spec;
      const errs: FieldError[] = [];
      const selector = spec?.selector?.matchLabels;
      const labels = spec?.template?.metadata?.labels ?? {};
      if (!spec?.selector) errs.push({ field: 'spec.selector', detail: 'Required value' });
      else if (!selector || Object.keys(selector).length === 0)
        errs.push({
          field: 'spec.selector',
          detail: 'Invalid value: "null": empty selector is invalid for deployment',
        });
      else if (Object.entries(selector).some(([k, v]) => labels[k] !== v)) {
        const shown = `map[string]string{${Object.entries(labels)
          .map(([k, v]) => `"${k}":"${v}"`)
          .join(', ')}}`;
        errs.push({
          field: 'spec.template.metadata.labels',
          detail: `Invalid value: ${shown}: \`selector\` does not match template \`labels\``,
        });
      }
      if (!spec?.template?.spec?.containers?.length)
        errs.push({ field: 'spec.template.spec.containers', detail: 'Required value' });
      return errs;
    },
  };
}

export const STRATEGIES: Record<string, Strategy> = {
  pods: podStrategy,
  deployments: workloadStrategy('Deployment'),
  replicasets: workloadStrategy('ReplicaSet'),
  ...CORE_STRATEGIES,
  services: serviceStrategy,
  ...STORAGE_STRATEGIES,
  ...NETWORKING_STRATEGIES,
  ...RBAC_STRATEGIES,
};

/** What every object gets: metadata must be an object and carry a name. */
export function validateMeta(obj: ApiObject): FieldError[] {
  if (!obj.metadata.name)
    return [{ field: 'metadata.name', detail: 'Required value: name or generateName is required' }];
  return [];
}
