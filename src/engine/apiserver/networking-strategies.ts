/**
 * What kube-apiserver does on create to the networking.k8s.io/v1 kinds
 * podflow serves: NetworkPolicy, Ingress and IngressClass. Defaults follow
 * pkg/apis/networking/v1/defaults.go (SetDefaults_NetworkPolicyPort,
 * SetDefaults_NetworkPolicy), validation pkg/apis/networking/validation/
 * validation.go (ValidateNetworkPolicy, ValidateIngressCreate,
 * ValidateIngressClass) with its own messages, reduced to the fields a
 * learner is likely to get wrong.
 */
import type { IngressSpec, NetworkPolicySpec, NetworkPolicyPeer } from 'kubernetes-types/networking/v1';
import type { ApiObject } from '../types';
import { validateObjectName, type FieldError } from './pod-validation';
import type { Mutation, Strategy } from './strategy';

const specOf = <T>(obj: ApiObject): T => ((obj as { spec?: T }).spec ??= {} as T);

/** SetDefaults_NetworkPolicy: no policyTypes means Ingress, plus Egress if it has egress rules; ports are TCP. */
export function defaultNetworkPolicy(spec: NetworkPolicySpec): string[] {
  const defaulted: string[] = [];
  if (!spec.policyTypes?.length) {
    spec.policyTypes = spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
    defaulted.push('spec.policyTypes');
  }
  for (const [dir, rules] of [
    ['ingress', spec.ingress],
    ['egress', spec.egress],
  ] as const) {
    rules?.forEach((rule, i) =>
      rule.ports?.forEach((p, j) => {
        if (!p.protocol) {
          p.protocol = 'TCP';
          defaulted.push(`spec.${dir}[${i}].ports[${j}].protocol`);
        }
      }),
    );
  }
  return defaulted;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

function validCidr(cidr: string): boolean {
  const m = CIDR.exec(cidr);
  return !!m && m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5]) <= 32;
}

/** ValidateNetworkPolicyPeer and ValidateIPBlock. */
function validatePeer(peer: NetworkPolicyPeer, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const count = [peer.podSelector, peer.namespaceSelector, peer.ipBlock].filter((p) => p !== undefined).length;
  if (peer.ipBlock) {
    const cidr = peer.ipBlock.cidr;
    if (!cidr) errs.push({ field: `${path}.ipBlock.cidr`, detail: 'Required value' });
    else if (!validCidr(cidr))
      errs.push({
        field: `${path}.ipBlock.cidr`,
        detail: `Invalid value: ${JSON.stringify(cidr)}: must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`,
      });
  }
  if (count === 0) errs.push({ field: path, detail: 'Required value: must specify a peer' });
  else if (count > 1 && peer.ipBlock)
    errs.push({ field: path, detail: 'Forbidden: may not specify both ipBlock and another peer' });
  return errs;
}

export function validateNetworkPolicy(obj: ApiObject): FieldError[] {
  const spec: Partial<NetworkPolicySpec> = (obj as { spec?: NetworkPolicySpec }).spec ?? {};
  const errs = validateObjectName(obj.metadata.name, 'subdomain');
  for (const [dir, peers] of [
    ['ingress', 'from'],
    ['egress', 'to'],
  ] as const) {
    (spec[dir] ?? []).forEach((rule, i) => {
      rule.ports?.forEach((p, j) => {
        if (p.protocol && !['TCP', 'UDP', 'SCTP'].includes(p.protocol))
          errs.push({
            field: `spec.${dir}[${i}].ports[${j}].protocol`,
            detail: `Unsupported value: ${JSON.stringify(p.protocol)}: supported values: "SCTP", "TCP", "UDP"`,
          });
      });
      ((rule as Record<string, NetworkPolicyPeer[] | undefined>)[peers] ?? []).forEach((peer, j) =>
        errs.push(...validatePeer(peer, `spec.${dir}[${i}].${peers}[${j}]`)),
      );
    });
  }
  (spec.policyTypes ?? []).forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress')
      errs.push({
        field: `spec.policyTypes[${i}]`,
        detail: `Unsupported value: ${JSON.stringify(t)}: supported values: "Egress", "Ingress"`,
      });
  });
  if ((spec.policyTypes ?? []).length > 2)
    errs.push({
      field: 'spec.policyTypes',
      detail: `Invalid value: ${JSON.stringify(spec.policyTypes)}: may not specify more than two policyTypes`,
    });
  return errs;
}

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

/** validateHTTPIngressPath: a pathType is required, and Exact/Prefix paths are absolute. */
export function validateIngress(obj: ApiObject): FieldError[] {
  const spec: IngressSpec = (obj as { spec?: IngressSpec }).spec ?? {};
  const errs = validateObjectName(obj.metadata.name, 'subdomain');
  (spec.rules ?? []).forEach((rule, i) =>
    (rule.http?.paths ?? []).forEach((p, j) => {
      const at = `spec.rules[${i}].http.paths[${j}]`;
      if (!p.pathType) errs.push({ field: `${at}.pathType`, detail: 'Required value: pathType must be specified' });
      else if (!PATH_TYPES.includes(p.pathType))
        errs.push({
          field: `${at}.pathType`,
          detail: `Unsupported value: ${JSON.stringify(p.pathType)}: supported values: "Exact", "ImplementationSpecific", "Prefix"`,
        });
      else if (p.pathType !== 'ImplementationSpecific' && !(p.path ?? '').startsWith('/'))
        errs.push({
          field: `${at}.path`,
          detail: `Invalid value: ${JSON.stringify(p.path ?? '')}: must be an absolute path`,
        });
    }),
  );
  return errs;
}

export const NETWORKING_STRATEGIES: Record<string, Strategy> = {
  networkpolicies: {
    mutate(obj): Mutation {
      return { defaulted: defaultNetworkPolicy(specOf<NetworkPolicySpec>(obj)), admitted: [], plugins: [] };
    },
    prepareForCreate(obj) {
      obj.metadata.generation = 1;
    },
    validate: validateNetworkPolicy,
  },
  ingresses: {
    prepareForCreate(obj) {
      // The status (the load balancer's address) is the controller's to write.
      obj.status = { loadBalancer: {} };
      obj.metadata.generation = 1;
    },
    validate: validateIngress,
  },
  ingressclasses: {
    validate(obj) {
      const errs = validateObjectName(obj.metadata.name, 'subdomain');
      if (!(obj as { spec?: { controller?: string } }).spec?.controller)
        errs.push({ field: 'spec.controller', detail: 'Required value' });
      return errs;
    },
  },
};
