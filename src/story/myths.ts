/**
 * What popular explanations get wrong (the-story.md, last section): the step
 * where each mistake would be made carries a note saying what really
 * happens. Decided by the step's catalog key.
 */
import type { Step } from '../engine/types';

export const MYTHS = [
  'only-apiserver-talks-to-etcd',
  'scheduler-starts-nothing',
  'kubelet-does-not-call-cni',
  'docker-is-not-the-runtime',
  'kube-proxy-carries-no-traffic',
  'kube-proxy-registers-no-dns',
  'running-is-not-ready',
  'deployments-do-not-create-pods',
  'static-pods-skip-the-scheduler',
] as const;
export type Myth = (typeof MYTHS)[number];

const BY_KEY: Readonly<Record<string, Myth>> = {
  'apiserver-store-pod': 'only-apiserver-talks-to-etcd',
  'apiserver-store': 'only-apiserver-talks-to-etcd',
  'scheduler-bind': 'scheduler-starts-nothing',
  'kubelet-run-sandbox': 'kubelet-does-not-call-cni',
  'kubelet-start': 'docker-is-not-the-runtime',
  'request-dnat': 'kube-proxy-carries-no-traffic',
  'coredns-answer': 'kube-proxy-registers-no-dns',
  'coredns-records': 'kube-proxy-registers-no-dns',
  'kubelet-status-running-unready': 'running-is-not-ready',
  'apiserver-store-running-unready': 'running-is-not-ready',
  'deployment-sync': 'deployments-do-not-create-pods',
  'kubelet-static-pod': 'static-pods-skip-the-scheduler',
  'kubelet-mirror-create': 'static-pods-skip-the-scheduler',
};

export function mythOf(step: Step): Myth | null {
  return BY_KEY[step.say.key] ?? null;
}
