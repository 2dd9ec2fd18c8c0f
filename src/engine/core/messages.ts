/**
 * Everything components say to each other, as plain data. Keeping messages
 * and component state free of closures means a run can be copied at any step
 * and resumed, which what-if branches rely on.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { ControllerName } from '../controllers/controller-manager';
import type { ApiObject, ComponentId, FaultSpec } from '../types';
import type { ReviewRequest, ReviewResponse } from '../apiserver/admission/webhooks';

export type Verb = 'create' | 'get' | 'list' | 'watch' | 'update' | 'patch' | 'delete';

export interface UserInfo {
  name: string;
  groups: string[];
  /** How kube-apiserver authenticated the caller. */
  via: 'x509' | 'serviceaccount-token' | 'bootstrap';
}

/** What an informer asks kube-apiserver to stream. */
export interface WatchSpec {
  resource: string;
  /** `spec.nodeName=<node>`, as the kubelet asks for its own Pods. */
  nodeName?: string;
  /** Any other field selector, as sent (`status.phase!=Succeeded,status.phase!=Failed`). */
  fieldSelector?: string;
  /** A WATCH's starting point: the resourceVersion its LIST returned. */
  resourceVersion?: string;
}

export interface ApiRequest {
  verb: Verb;
  /** Plural resource name: pods, events, leases, … */
  resource: string;
  group: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  body?: ApiObject;
  /** For list+watch: what the caller watches. */
  watches?: WatchSpec[];
  user: UserInfo;
  path: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export type CriMethod =
  | 'RunPodSandbox'
  | 'PodSandboxStatus'
  | 'ImageStatus'
  | 'PullImage'
  | 'CreateContainer'
  | 'StartContainer'
  | 'StopContainer'
  | 'StopPodSandbox';

export type Message =
  | { type: 'http-request'; id: number; req: ApiRequest }
  | {
      type: 'http-response';
      id: number;
      status: number;
      body?: ApiObject;
      items?: ApiObject[];
      message?: string;
      /** Admission warnings (`Warning:` headers). */
      warnings?: string[];
    }
  | { type: 'apiserver-stage'; id: number; stage: ApiserverStage }
  // Dynamic admission (apiserver/admission/webhooks.ts): kube-apiserver posts an AdmissionReview to a webhook server.
  | { type: 'admission-review'; id: number; path: string; webhook: string; request: ReviewRequest }
  | { type: 'admission-review-response'; id: number; response: ReviewResponse }
  /** istiod's push debounce has passed (mesh/istiod.ts). */
  | { type: 'istiod-debounce' }
  | { type: 'etcd-txn'; id: number; key: string; value: ApiObject | null; mustNotExist?: boolean }
  | { type: 'etcd-txn-result'; id: number; ok: boolean; revision: number; value: ApiObject | null }
  | { type: 'etcd-watch'; key: string; revision: number; prev: ApiObject | null; value: ApiObject | null }
  | {
      type: 'watch-event';
      resource: string;
      object: ApiObject;
      events: Partial<Record<ComponentId, WatchEventType>>;
      /** The object's key (client keyOf), when the sender knows it: every informer receiving it would make it again. */
      key?: string;
    }
  | {
      type: 'cri-request';
      id: number;
      method: CriMethod;
      podKey: string;
      container?: string;
      image?: string;
      init?: boolean;
      /** CreateContainer's ContainerConfig: what the process is (command, args, limits, ports). */
      config?: Container;
      /** CreateContainer: the process the container runs (command and args), which decides how it meets SIGTERM. */
      command?: string[];
      /** StopContainer: seconds between the stop signal and SIGKILL. */
      timeout?: number;
    }
  /** PLEG: the runtime's relist found a container that has exited. */
  | { type: 'pleg-container-died'; podKey: string; container: string; exitCode: number; reason?: string }
  | {
      type: 'runtime-container-exit';
      podKey: string;
      container: string;
      containerId?: string;
      exitCode?: number;
      reason?: string;
    }
  | {
      type: 'cri-response';
      id: number;
      method: CriMethod;
      podKey: string;
      container?: string;
      ok: boolean;
      sandboxId?: string;
      ip?: string;
      containerId?: string;
      imagePresent?: boolean;
      imageSize?: number;
      pullMs?: number;
      waitMs?: number;
      /** The gRPC error text of a failed call: `rpc error: code = … desc = …`. */
      error?: string;
      /** StopContainer: how the process ended. */
      exitCode?: number;
      reason?: string;
    }
  | { type: 'runtime-work'; id: number; work: 'create-netns' | 'start-pause' | 'stop-pause'; podKey: string }
  | { type: 'runtime-pulled'; image: string }
  | { type: 'cni-add'; id: number; podKey: string; sandboxId: string }
  | { type: 'cni-del'; id: number; podKey: string }
  | { type: 'cni-result'; id: number; ok: boolean; ip?: string; message?: string; released?: boolean }
  | { type: 'kubelet-sync'; podKey: string }
  | { type: 'kubelet-volumes-mounted'; podKey: string }
  /** A container lifecycle hook has finished (postStart, or preStop before the stop signal). */
  | { type: 'kubelet-hook-done'; podKey: string; container: string; hook: 'postStart' | 'preStop' }
  /** The volume manager's reconciler tries MountVolume for one volume of a Pod (again, after back-off). */
  | { type: 'kubelet-mount'; podKey: string; volume: string }
  | {
      type: 'kubelet-probe';
      podKey: string;
      container: string;
      probe: 'startup' | 'readiness' | 'liveness';
      /** The container instance (its start time) the probe worker belongs to. */
      gen?: number;
    }
  | { type: 'lease-renew' }
  | {
      type: 'controller-sync';
      controller: ControllerName;
      key: string;
    }
  /** kube-proxy's sync runner: run syncProxyRules now (minSyncPeriod has passed). */
  | { type: 'kube-proxy-sync' }
  /** A client on a node starts a request to a URL (the `requests` input). */
  | { type: 'client-request'; index: number }
  | { type: 'dns-query'; index: number; name: string }
  | { type: 'dns-answer'; index: number; name: string; ips: string[] }
  /** The DNATed packet reaches the Pod's node; its container answers. */
  | {
      type: 'packet';
      index: number;
      ip: string;
      port: number;
      pod: string;
      clientNode: string;
      /** Who answers the client: the Pod answers this proxy instead (ingress-nginx, issue #6). */
      replyTo?: ComponentId;
    }
  | { type: 'http-answer'; index: number; status: number }
  // Services and traffic (issue #5): NetworkPolicy and Ingress.
  /** Felix's dataplane driver applies the calculation graph's pending updates. */
  | { type: 'felix-apply' }
  /** curl's connect timeout (or the kernel's SYN retries) runs out for a request whose packets were dropped. */
  | { type: 'connect-timeout'; index: number; resolving?: boolean }
  /** ingress-nginx's sync queue runs syncIngress (rate-limited). */
  | { type: 'ingress-nginx-sync' }
  /** ingress-nginx's status sync tick (every UpdateInterval, 60 s). */
  | { type: 'ingress-nginx-status'; wake?: boolean }
  /** A request reaches the ingress-nginx controller Pod (from a client) or its upstream answers. */
  | { type: 'ingress-request'; index: number }
  | { type: 'ingress-upstream-answer'; index: number; pod: string; endpoint: string; status: number }
  | { type: 'schedule-one' }
  | { type: 'schedule-score'; podKey: string }
  /** The scheduling queue's timers: flushBackoffQCompleted, flushUnschedulablePodsLeftover. */
  | { type: 'queue-flush'; which: 'backoff' | 'unschedulable' }
  | { type: 'kubectl-next' }
  /** A command of the learner's kubectl prompt (kubectl/commands.ts). */
  | { type: 'kubectl-command'; index: number }
  /** A fault strikes the component it is delivered to. */
  | { type: 'fault'; fault: FaultSpec }
  /** The node lifecycle controller's monitorNodeHealth pass (every nodeMonitorPeriod). */
  | { type: 'node-monitor' }
  /** doNoExecuteTaintingPass: taint a node the monitor queued. */
  | { type: 'node-noexecute-taint'; node: string }
  /** The taint eviction controller's timed worker for one Pod fires. */
  | { type: 'taint-eviction-fire'; podKey: string; token: number }
  | { type: 'start' }
  /** Carries nothing: the step it travels with is the point (a summary of watches opened). */
  | { type: 'note' };

export type ApiserverStage =
  | 'authentication'
  | 'authorization'
  | 'mutating-admission'
  | 'validation'
  | 'validating-admission'
  | 'storage'
  | 'summary';
