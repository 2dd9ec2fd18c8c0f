/**
 * What kube-apiserver adds to a Pod before it is stored: scheme defaulting
 * (pkg/apis/core/v1/defaults.go), the mutating admission plugins that touch
 * Pods (ServiceAccount, Priority, DefaultTolerationSeconds) and
 * PrepareForCreate (status.phase, qosClass). Each function returns the names
 * of the fields it set, so a step can say what changed.
 */
import type { Container, Pod, PodSpec } from 'kubernetes-types/core/v1';

/** Models pkg/apis/core/v1/defaults.go SetDefaults_Pod / _Container. */
export function applyPodDefaults(pod: Pod): string[] {
  return applyPodSpecDefaults(pod.spec!, 'spec');
}

/** The same defaults for any PodSpec, a Pod's or a template's (`spec.template.spec`). */
export function applyPodSpecDefaults(spec: PodSpec, at: string): string[] {
  const set: string[] = [];
  const def = <K extends keyof PodSpec>(field: K, value: PodSpec[K]): void => {
    if (spec[field] === undefined) {
      spec[field] = value;
      set.push(`${at}.${String(field)}`);
    }
  };
  def('restartPolicy', 'Always');
  def('terminationGracePeriodSeconds', 30);
  def('dnsPolicy', 'ClusterFirst');
  def('schedulerName', 'default-scheduler');
  def('securityContext', {});
  def('enableServiceLinks', true);
  spec.containers.forEach((c, i) => defaultContainer(c, `${at}.containers[${i}]`, set));
  spec.initContainers?.forEach((c, i) => defaultContainer(c, `${at}.initContainers[${i}]`, set));
  return set;
}

function defaultContainer(c: Container, at: string, set: string[]): void {
  if (c.imagePullPolicy === undefined && c.image) {
    c.imagePullPolicy = defaultPullPolicy(c.image);
    set.push(`${at}.imagePullPolicy`);
  }
  if (c.terminationMessagePath === undefined) {
    c.terminationMessagePath = '/dev/termination-log';
    c.terminationMessagePolicy = 'File';
  }
  // Requests default to limits where only limits are given.
  const limits = c.resources?.limits;
  if (limits) {
    c.resources!.requests ??= {};
    for (const [name, q] of Object.entries(limits)) {
      if (c.resources!.requests[name] === undefined) {
        c.resources!.requests[name] = q;
        set.push(`${at}.resources.requests.${name}`);
      }
    }
  }
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
}

/**
 * Digest → IfNotPresent; `:latest` or no tag → Always; any other tag →
 * IfNotPresent (docs: concepts/containers/images).
 */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'Always';
  return image.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

/**
 * Models plugin/pkg/admission/serviceaccount: the default ServiceAccount and
 * its projected token volume, mounted into every container.
 */
export function admitServiceAccount(pod: Pod, volumeSuffix: string, saAutomount?: boolean): string[] {
  const spec = pod.spec!;
  const set: string[] = [];
  // A mirror Pod must stay as its static Pod is: the plugin leaves its spec alone.
  if (pod.metadata?.annotations?.['kubernetes.io/config.mirror']) return set;
  if (!spec.serviceAccountName) {
    spec.serviceAccountName = 'default';
    set.push('spec.serviceAccountName');
  }
  spec.serviceAccount = spec.serviceAccountName;
  // shouldAutomount: the Pod's preference wins, then the ServiceAccount's, else true.
  if ((spec.automountServiceAccountToken ?? saAutomount ?? true) === false) return set;
  const name = `kube-api-access-${volumeSuffix}`;
  spec.volumes = [
    ...(spec.volumes ?? []),
    {
      name,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          {
            downwardAPI: {
              items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
            },
          },
        ],
      },
    },
  ];
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
    c.volumeMounts = [
      ...(c.volumeMounts ?? []),
      { name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
    ];
  }
  set.push(`spec.volumes[${name}]`);
  return set;
}

/** Models plugin/pkg/admission/priority: no PriorityClass → priority 0. */
export function admitPriority(pod: Pod): string[] {
  const spec = pod.spec!;
  if (spec.priority !== undefined) return [];
  spec.priority = 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  return ['spec.priority'];
}

/** Models plugin/pkg/admission/defaulttolerationseconds: 300 s for not-ready and unreachable. */
export function admitDefaultTolerationSeconds(pod: Pod): string[] {
  const spec = pod.spec!;
  const tolerations = spec.tolerations ?? [];
  const set: string[] = [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    // Already tolerated: that key or any key, with effect NoExecute or any effect.
    if (tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect))) continue;
    tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    set.push(`spec.tolerations[${key}]`);
  }
  spec.tolerations = tolerations;
  return set;
}

/** Models pkg/apis/core/helper/qos GetPodQOS. */
export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
