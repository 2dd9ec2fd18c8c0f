/**
 * Scenarios of volumes and the Pod lifecycle (issues #4 and #5): a ConfigMap
 * that is missing until later, a PVC provisioned on first use, a sidecar,
 * graceful termination, a static Pod. Manifests follow the Kubernetes
 * documentation's examples (configure-pod-configmap, persistent volumes,
 * sidecar containers, container lifecycle hooks).
 */
import { DEFAULT_CLUSTER } from '../engine/cluster/defaults';
import type { Scenario } from './index';

/** configure-pod-configmap's dapi-test-pod, kept running, created before its ConfigMap. */
const MISSING_CONFIGMAP_POD = `apiVersion: v1
kind: Pod
metadata:
  name: dapi-test-pod
spec:
  containers:
  - name: test-container
    image: registry.k8s.io/busybox:1.27.2
    command: [ "/bin/sh", "-c", "ls /etc/config/ && sleep 3600" ]
    volumeMounts:
    - name: config-volume
      mountPath: /etc/config
  volumes:
  - name: config-volume
    configMap:
      name: special-config
`;

const SPECIAL_CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: special-config
data:
  SPECIAL_LEVEL: very
  SPECIAL_TYPE: charm
`;

/** The sidecar containers page's example (application with a log-shipping sidecar), as a bare Pod. */
const SIDECAR_POD = `apiVersion: v1
kind: Pod
metadata:
  name: myapp
  labels:
    app: myapp
spec:
  containers:
  - name: myapp
    image: alpine:latest
    command: ['sh', '-c', 'while true; do echo "logging" >> /opt/logs.txt; sleep 1; done']
    volumeMounts:
    - name: data
      mountPath: /opt
  initContainers:
  - name: logshipper
    image: alpine:latest
    restartPolicy: Always
    command: ['sh', '-c', 'tail -F /opt/logs.txt']
    volumeMounts:
    - name: data
      mountPath: /opt
  volumes:
  - name: data
    emptyDir: {}
`;

/**
 * lifecycle-events.yaml's nginx (postStart and preStop hooks) beside a
 * container that ignores SIGTERM, with a 10 s grace period.
 */
const GRACEFUL_TERMINATION_POD = `apiVersion: v1
kind: Pod
metadata:
  name: lifecycle-demo
spec:
  terminationGracePeriodSeconds: 10
  containers:
  - name: lifecycle-demo-container
    image: nginx
    lifecycle:
      postStart:
        exec:
          command: ["/bin/sh", "-c", "echo Hello from the postStart handler > /usr/share/message"]
      preStop:
        exec:
          command: ["/bin/sh","-c","nginx -s quit; while killall -0 nginx; do sleep 1; done"]
  - name: stubborn
    image: registry.k8s.io/busybox:1.27.2
    command: ["sh", "-c", "trap '' TERM; while true; do sleep 1; done"]
`;

/** A ConfigMap, a claim on the default StorageClass (csi-hostpath-sc), and a Pod that mounts both. */
const VOLUMES = `apiVersion: v1
kind: ConfigMap
metadata:
  name: nginx-config
data:
  index.html: |
    hello from a ConfigMap
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: task-pv-claim
spec:
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: task-pv-pod
spec:
  containers:
  - name: task-pv-container
    image: nginx
    ports:
    - containerPort: 80
      name: "http-server"
    volumeMounts:
    - mountPath: "/usr/share/nginx/html"
      name: task-pv-storage
    - mountPath: "/etc/nginx/conf.d/extra"
      name: config
  volumes:
  - name: task-pv-storage
    persistentVolumeClaim:
      claimName: task-pv-claim
  - name: config
    configMap:
      name: nginx-config
`;

/** static-web from the static Pod task page, placed in node-1's /etc/kubernetes/manifests. */
const STATIC_WEB = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'static-web', labels: { role: 'myrole' } },
  spec: {
    containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }] }],
  },
};

const STATIC_POD_CLUSTER = {
  nodes: DEFAULT_CLUSTER.nodes.map((n, i) => (i === 0 ? { ...n, staticPods: [STATIC_WEB] } : n)),
};

export const STORAGE_SCENARIOS: Scenario[] = [
  { id: 'volumes', yaml: VOLUMES, cluster: DEFAULT_CLUSTER },
  {
    id: 'missing-configmap',
    yaml: MISSING_CONFIGMAP_POD,
    cluster: DEFAULT_CLUSTER,
    updates: [{ yaml: SPECIAL_CONFIG, atMs: 20_000 }],
  },
  { id: 'sidecar', yaml: SIDECAR_POD, cluster: DEFAULT_CLUSTER },
  {
    id: 'graceful-termination',
    yaml: GRACEFUL_TERMINATION_POD,
    cluster: DEFAULT_CLUSTER,
    deletes: [{ kind: 'Pod', name: 'lifecycle-demo', atMs: 15_000 }],
  },
  {
    id: 'static-pod',
    // Nothing goes through kubectl create: the manifest is a file on node-1.
    yaml: '# static-web is in /etc/kubernetes/manifests on node-1: its kubelet runs it.\n',
    cluster: STATIC_POD_CLUSTER,
    deletes: [{ kind: 'Pod', name: 'static-web-node-1', atMs: 15_000 }],
  },
];
