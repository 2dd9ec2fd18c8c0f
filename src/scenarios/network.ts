/**
 * Scenarios of Services and traffic (issues #5 and #6): NetworkPolicies
 * enforced by Calico's Felix, and an Ingress served by ingress-nginx. The
 * manifests follow the Kubernetes docs (tasks/administer-cluster/
 * declare-network-policy.md, concepts/services-networking/network-policies.md).
 */
import type { ClusterSpec } from '../engine';
import { DEFAULT_CLUSTER } from '../engine/cluster/defaults';
import type { Scenario } from './index';

/**
 * declare-network-policy.md: an nginx Deployment exposed as a Service, the
 * docs' default-deny-ingress policy, the task's access-nginx policy (only
 * Pods labelled access=true may connect), and two client Pods, one with the
 * label and one without.
 */
const NETWORK_POLICY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  selector:
    app: nginx
  ports:
  - protocol: TCP
    port: 80
    targetPort: 80
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
spec:
  podSelector: {}
  policyTypes:
  - Ingress
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: access-nginx
spec:
  podSelector:
    matchLabels:
      app: nginx
  ingress:
  - from:
    - podSelector:
        matchLabels:
          access: "true"
---
apiVersion: v1
kind: Pod
metadata:
  name: client-allowed
  labels:
    access: "true"
spec:
  containers:
  - name: curl
    image: curlimages/curl:8.7.1
    command: ["sleep", "3600"]
---
apiVersion: v1
kind: Pod
metadata:
  name: client-other
spec:
  containers:
  - name: curl
    image: curlimages/curl:8.7.1
    command: ["sleep", "3600"]
`;

const WITH_CALICO: ClusterSpec = { ...DEFAULT_CLUSTER, addons: ['calico'] };

export const NETWORK_SCENARIOS: Scenario[] = [
  {
    id: 'network-policy',
    yaml: NETWORK_POLICY,
    cluster: WITH_CALICO,
    requests: [
      // `kubectl exec client-allowed -- curl --connect-timeout 5 http://nginx`: the policy lets it in.
      { fromPod: 'client-allowed', url: 'http://nginx', atMs: 12_000, connectTimeoutSeconds: 5 },
      // The same from the unlabelled Pod: Felix's rules drop the SYN, and curl times out.
      { fromPod: 'client-other', url: 'http://nginx', atMs: 13_000, connectTimeoutSeconds: 5 },
    ],
  },
];
