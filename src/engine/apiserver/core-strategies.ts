/**
 * The create strategies of the core kinds a learner makes with kubectl
 * besides Pods: Namespace (pkg/registry/core/namespace/strategy.go),
 * ServiceAccount, ConfigMap, Secret, LimitRange and ResourceQuota
 * (pkg/registry/core/<kind>/strategy.go): the scheme defaults
 * (pkg/apis/core/v1/defaults.go), PrepareForCreate and the name check of
 * their validation.
 */
import type { LimitRange } from 'kubernetes-types/core/v1';
import type { ApiObject } from '../types';
import { defaultLimitRangeItem } from './admission/limitranger';
import { validateObjectName } from './pod-validation';
import type { Strategy } from './strategy';

const named =
  (rule: 'label' | 'subdomain') =>
  (obj: ApiObject): ReturnType<typeof validateObjectName> =>
    validateObjectName(obj.metadata.name, rule);

const noMutation = { defaulted: [] as string[], admitted: [] as string[], plugins: [] as string[] };

export const CORE_STRATEGIES: Record<string, Strategy> = {
  namespaces: {
    mutate(obj) {
      // SetDefaults_Namespace: the immutable name label; PrepareForCreate: Active, with the kubernetes finalizer.
      const labels = (obj.metadata.labels ?? {}) as Record<string, string>;
      obj.metadata.labels = { ...labels, 'kubernetes.io/metadata.name': String(obj.metadata.name) };
      return { ...noMutation, defaulted: ['metadata.labels[kubernetes.io/metadata.name]'] };
    },
    prepareForCreate(obj) {
      const spec = (obj.spec ?? {}) as { finalizers?: string[] };
      const finalizers = spec.finalizers ?? [];
      obj.spec = {
        ...spec,
        finalizers: finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'],
      };
      obj.status = { phase: 'Active' };
    },
    validate: named('label'),
  },
  serviceaccounts: { validate: named('subdomain') },
  configmaps: { validate: named('subdomain') },
  secrets: {
    mutate(obj) {
      if (obj.type !== undefined) return noMutation;
      obj.type = 'Opaque';
      return { ...noMutation, defaulted: ['type'] };
    },
    validate: named('subdomain'),
  },
  limitranges: {
    mutate(obj) {
      const lr = obj as unknown as LimitRange;
      const items = lr.spec?.limits ?? [];
      items.forEach(defaultLimitRangeItem);
      return {
        ...noMutation,
        defaulted: items.some((i) => i.type === 'Container')
          ? ['spec.limits[].default', 'spec.limits[].defaultRequest']
          : [],
      };
    },
    validate: named('subdomain'),
  },
  resourcequotas: {
    // PrepareForCreate: the status is the resource quota controller's to fill.
    prepareForCreate(obj) {
      obj.status = {};
    },
    validate: named('subdomain'),
  },
};
