/**
 * Static Pods: the kubelet's file source reads Pod manifests from
 * /etc/kubernetes/manifests and runs them itself, with no scheduler and no
 * API object of their own; it publishes a read-only mirror Pod so the API
 * shows them. Models pkg/kubelet/config/file.go and common.go (applyDefaults:
 * the `-<nodeName>` suffix, the config annotations, the uid from the
 * manifest's hash) and pkg/kubelet/pod/mirror_client.go (CreateMirrorPod:
 * kubernetes.io/config.mirror and the owner reference to the Node).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { isoTime } from '../apiserver/names';

export const STATIC_POD_PATH = '/etc/kubernetes/manifests';
export const ANN_CONFIG_SOURCE = 'kubernetes.io/config.source';
export const ANN_CONFIG_HASH = 'kubernetes.io/config.hash';
export const ANN_CONFIG_SEEN = 'kubernetes.io/config.seen';
export const ANN_CONFIG_MIRROR = 'kubernetes.io/config.mirror';

/** A stable 32-hex-digit hash of the manifest, standing in for the md5 the file source takes. */
function hash(text: string): string {
  let out = '';
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

/** applyDefaults: what the file source makes of a manifest on node `node`. */
export function staticPodFrom(manifest: unknown, node: string, now: number): Pod {
  const pod = structuredClone(manifest) as Pod;
  const h = hash(JSON.stringify(manifest) + node);
  const name = `${pod.metadata?.name ?? ''}-${node}`;
  const uid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  return {
    ...pod,
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...pod.metadata,
      name,
      namespace: pod.metadata?.namespace ?? 'default',
      uid,
      annotations: {
        ...pod.metadata?.annotations,
        [ANN_CONFIG_HASH]: h,
        [ANN_CONFIG_SEEN]: isoTime(now),
        [ANN_CONFIG_SOURCE]: 'file',
      },
    },
    spec: {
      ...pod.spec!,
      nodeName: node,
      // A static Pod tolerates every NoExecute taint: nothing may evict it.
      tolerations: [...(pod.spec?.tolerations ?? []), { operator: 'Exists', effect: 'NoExecute' }],
      restartPolicy: pod.spec?.restartPolicy ?? 'Always',
      terminationGracePeriodSeconds: pod.spec?.terminationGracePeriodSeconds ?? 30,
      dnsPolicy: pod.spec?.dnsPolicy ?? 'ClusterFirst',
    },
    status: { phase: 'Pending' },
  };
}

/** CreateMirrorPod: the static Pod as the API sees it, owned by the Node. */
export function mirrorPodOf(pod: Pod, nodeUid: string): Pod {
  const annotations = {
    ...pod.metadata!.annotations,
    [ANN_CONFIG_MIRROR]: pod.metadata!.annotations![ANN_CONFIG_HASH]!,
  };
  const { uid: _uid, ...meta } = pod.metadata!;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta,
      annotations,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: pod.spec!.nodeName!, uid: nodeUid, controller: true }],
    },
    spec: pod.spec!,
  };
}

export function isMirrorPod(pod: { metadata?: { annotations?: Record<string, string> } } | undefined): boolean {
  return !!pod?.metadata?.annotations?.[ANN_CONFIG_MIRROR];
}
