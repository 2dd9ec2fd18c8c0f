/**
 * Dynamic admission (issues #4 and #5): Istio's sidecar injector, a mutating
 * webhook, and Kyverno's disallow-latest-tag policy behind a validating one.
 * The webhook configurations are those the add-ons install (istiod's chart,
 * Kyverno's webhook controller); the policy is kyverno/policies'
 * best-practices/disallow-latest-tag.
 */
import { DEFAULT_CLUSTER } from '../engine/cluster/defaults';
import type { Scenario } from './index';

/** istio-discovery's istio-sidecar-injector, default revision: the namespace and object webhooks. */
export const ISTIO_SIDECAR_INJECTOR = `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata:
  name: istio-sidecar-injector
  labels:
    app: sidecar-injector
    istio.io/rev: default
webhooks:
- name: namespace.sidecar-injector.istio.io
  clientConfig:
    service:
      name: istiod
      namespace: istio-system
      path: /inject
      port: 443
  rules:
  - operations: ["CREATE"]
    apiGroups: [""]
    apiVersions: ["v1"]
    resources: ["pods"]
  failurePolicy: Fail
  reinvocationPolicy: Never
  sideEffects: None
  admissionReviewVersions: ["v1beta1", "v1"]
  namespaceSelector:
    matchExpressions:
    - key: istio-injection
      operator: In
      values: ["enabled"]
  objectSelector:
    matchExpressions:
    - key: sidecar.istio.io/inject
      operator: NotIn
      values: ["false"]
- name: object.sidecar-injector.istio.io
  clientConfig:
    service:
      name: istiod
      namespace: istio-system
      path: /inject
      port: 443
  rules:
  - operations: ["CREATE"]
    apiGroups: [""]
    apiVersions: ["v1"]
    resources: ["pods"]
  failurePolicy: Fail
  reinvocationPolicy: Never
  sideEffects: None
  admissionReviewVersions: ["v1beta1", "v1"]
  namespaceSelector:
    matchExpressions:
    - key: istio-injection
      operator: DoesNotExist
    - key: istio.io/rev
      operator: DoesNotExist
  objectSelector:
    matchExpressions:
    - key: sidecar.istio.io/inject
      operator: In
      values: ["true"]
    - key: istio.io/rev
      operator: DoesNotExist
`;

const ISTIO_SIDECAR = `${ISTIO_SIDECAR_INJECTOR}---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio-injection: enabled
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
  namespace: shop
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
  namespace: shop
spec:
  selector:
    app: nginx
  ports:
  - name: http
    port: 80
    targetPort: 80
`;

/** The webhook Kyverno's webhook controller registers for Enforce policies on Pods (fail closed). */
export const KYVERNO_VALIDATING_WEBHOOK = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: kyverno-resource-validating-webhook-cfg
  labels:
    webhook.kyverno.io/managed-by: kyverno
webhooks:
- name: validate.kyverno.svc-fail
  clientConfig:
    service:
      name: kyverno-svc
      namespace: kyverno
      path: /validate/fail
      port: 443
  rules:
  - operations: ["CREATE", "UPDATE"]
    apiGroups: [""]
    apiVersions: ["v1"]
    resources: ["pods", "pods/ephemeralcontainers"]
    scope: "*"
  failurePolicy: Fail
  matchPolicy: Equivalent
  sideEffects: NoneOnDryRun
  timeoutSeconds: 10
  admissionReviewVersions: ["v1"]
  namespaceSelector:
    matchExpressions:
    - key: kubernetes.io/metadata.name
      operator: NotIn
      values: ["kyverno"]
`;

const DISALLOW_LATEST_TAG = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: disallow-latest-tag
  annotations:
    policies.kyverno.io/title: Disallow Latest Tag
    policies.kyverno.io/category: Best Practices
spec:
  validationFailureAction: Enforce
  background: true
  rules:
  - name: require-image-tag
    match:
      any:
      - resources:
          kinds:
          - Pod
    validate:
      message: "An image tag is required."
      pattern:
        spec:
          containers:
          - image: "*:*"
  - name: validate-image-tag
    match:
      any:
      - resources:
          kinds:
          - Pod
    validate:
      message: "Using a mutable image tag e.g. 'latest' is not allowed."
      pattern:
        spec:
          containers:
          - image: "!*:latest"
`;

const WEBHOOK_DENIED = `${KYVERNO_VALIDATING_WEBHOOK}---
${DISALLOW_LATEST_TAG}---
apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:latest
    ports:
    - containerPort: 80
`;

export const WEBHOOK_SCENARIOS: Scenario[] = [
  { id: 'istio-sidecar', yaml: ISTIO_SIDECAR, cluster: { ...DEFAULT_CLUSTER, addons: ['istio'] } },
  { id: 'webhook-denied', yaml: WEBHOOK_DENIED, cluster: { ...DEFAULT_CLUSTER, addons: ['kyverno'] } },
];
