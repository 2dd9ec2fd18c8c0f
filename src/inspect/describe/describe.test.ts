/**
 * `kubectl describe` per kind, against kubectl v1.33's describe.go: the
 * scenarios' objects at the end of the run (the whole text, since the run is
 * seeded), and hand-made objects for the paths the scenarios do not reach.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand, type KubectlCmd } from '../../engine/kubectl/argv';
import type { ApiObject } from '../../engine/types';
import { simulateScenario } from '../../headless';
import { describeAnswer } from '../kubectl-prompt';
import { describeTable } from '../tabwriter';
import { describeObject, type DescribeContext } from '.';
import { accessModesText } from './config';
import { formatEndpointSlices } from './network';
import { nodeRoles, taintText } from './node';
import { annotationsMultiline, formatLabelSelector, labelsMultiline } from './prefix';

const runs = new Map<string, ReturnType<typeof simulateScenario>>();
const run = (id: string): ReturnType<typeof simulateScenario> => {
  if (!runs.has(id)) runs.set(id, simulateScenario(id));
  return runs.get(id)!;
};
const kubectl = (scenario: string, line: string): string => {
  const p = parseCommand(line);
  if (!p.ok) throw new Error(p.error);
  const r = run(scenario);
  return describeAnswer(r.trace, r.last, p.cmd as Extract<KubectlCmd, { verb: 'describe' }>).out;
};

const POD_TEMPLATE = [
  'Pod Template:',
  '  Labels:  app.kubernetes.io/name=nginx',
  '  Containers:',
  '   nginx:',
  '    Image:         nginx:1.14.2',
  '    Port:          80/TCP',
  '    Host Port:     0/TCP',
  '    Environment:   <none>',
  '    Mounts:        <none>',
  '  Volumes:         <none>',
  '  Node-Selectors:  <none>',
  '  Tolerations:     <none>',
];

describe('kubectl describe at the end of the scenarios', () => {
  it.each([
    [
      'deployment',
      'describe deployment nginx-deployment',
      [
        'Name:                   nginx-deployment',
        'Namespace:              default',
        'CreationTimestamp:      Thu, 15 Jan 2026 09:00:00 +0000',
        'Labels:                 app.kubernetes.io/name=nginx',
        'Annotations:            <none>',
        'Selector:               app.kubernetes.io/name=nginx',
        // unavailableReplicas is what the stored status holds (see the report on the status merge).
        expect.stringMatching(/^Replicas: {15}3 desired \| 3 updated \| 3 total \| 3 available \| \d unavailable$/),
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        ...POD_TEMPLATE,
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  <none>',
        'NewReplicaSet:   nginx-deployment-5888ccb7bd (3/3 replicas created)',
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  33s   deployment-controller  Scaled up replica set nginx-deployment-5888ccb7bd to 3',
      ],
    ],
    [
      'deployment-service',
      'describe service nginx',
      [
        'Name:                     nginx',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app.kubernetes.io/name=nginx',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.98.224.231',
        'IPs:                      10.98.224.231',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               80/TCP',
        'Endpoints:                10.244.2.3:80,10.244.1.2:80,10.244.2.2:80',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ],
    ],
    [
      'deployment-service',
      'describe ingress nginx',
      [
        'Name:             nginx',
        'Labels:           <none>',
        'Namespace:        default',
        'Address:          172.18.0.2',
        'Ingress Class:    nginx',
        'Default backend:  <default>',
        'Rules:',
        '  Host                 Path  Backends',
        '  ----                 ----  --------',
        // The host cell ends in a tab: the tab writer pads it, as kubectl's output shows.
        '  hello-world.example  ',
        '                       /   nginx:80 (10.244.2.3:80,10.244.1.2:80,10.244.2.2:80)',
        'Annotations:           <none>',
        'Events:',
        '  Type    Reason  Age                From                      Message',
        '  ----    ------  ----               ----                      -------',
        '  Normal  Sync    30s (x2 over 90s)  nginx-ingress-controller  Scheduled for sync',
      ],
    ],
    [
      'volumes',
      'describe pvc task-pv-claim',
      [
        'Name:          task-pv-claim',
        'Namespace:     default',
        'StorageClass:  csi-hostpath-sc',
        'Status:        Bound',
        'Volume:        pvc-002c992c-c4bc-4928-81f5-5f7d810e4966',
        'Labels:        <none>',
        'Annotations:   pv.kubernetes.io/bind-completed: yes',
        '               pv.kubernetes.io/bound-by-controller: yes',
        '               volume.beta.kubernetes.io/storage-provisioner: hostpath.csi.k8s.io',
        '               volume.kubernetes.io/selected-node: node-2',
        '               volume.kubernetes.io/storage-provisioner: hostpath.csi.k8s.io',
        'Finalizers:    []',
        'Capacity:      1Gi',
        'Access Modes:  RWO',
        'VolumeMode:    Filesystem',
        'Used By:       task-pv-pod',
        'Events:',
        expect.stringMatching(/^ {2}Type {4}Reason {17}Age {3}From +Message$/),
        expect.stringMatching(/^ {2}----/),
        expect.stringMatching(
          /^ {2}Normal {2}WaitForFirstConsumer {3}\d+s {3}persistentvolume-controller +waiting for first consumer to be created before binding$/,
        ),
        expect.stringMatching(
          /^ {2}Normal {2}ExternalProvisioning {3}\d+s +persistentvolume-controller +Waiting for a volume to be created either by the external provisioner 'hostpath.csi.k8s.io'/,
        ),
        expect.stringMatching(
          /^ {2}Normal {2}Provisioning {11}\d+s +\S+ +External provisioner is provisioning volume for claim "default\/task-pv-claim"$/,
        ),
        expect.stringMatching(
          /^ {2}Normal {2}ProvisioningSucceeded {2}\d+s +\S+ +Successfully provisioned volume pvc-002c992c-c4bc-4928-81f5-5f7d810e4966$/,
        ),
      ],
    ],
    [
      'volumes',
      'describe pv',
      [
        'Name:              pvc-002c992c-c4bc-4928-81f5-5f7d810e4966',
        'Labels:            <none>',
        'Annotations:       pv.kubernetes.io/provisioned-by: hostpath.csi.k8s.io',
        'Finalizers:        [external-provisioner.volume.kubernetes.io/finalizer]',
        'StorageClass:      csi-hostpath-sc',
        'Status:            Bound',
        'Claim:             default/task-pv-claim',
        'Reclaim Policy:    Delete',
        'Access Modes:      RWO',
        'VolumeMode:        Filesystem',
        'Capacity:          1Gi',
        'Node Affinity:     ',
        '  Required Terms:  ',
        '    Term 0:        topology.hostpath.csi/node in [node-2]',
        'Message:           ',
        'Source:',
        '    Type:              CSI (a Container Storage Interface (CSI) volume source)',
        '    Driver:            hostpath.csi.k8s.io',
        '    FSType:            ext4',
        '    VolumeHandle:      f8828ce8-608c-4b1b-a9d0-f0fc85223932',
        '    ReadOnly:          false',
        // printCSIPersistentVolumeAttributesMultilineIndent writes every piece at LEVEL_2.
        '    VolumeAttributes:      kind=file',
        '                           storage.kubernetes.io/csiProvisionerIdentity=1768464000000-4120-hostpath.csi.k8s.io',
        'Events:                <none>',
      ],
    ],
    [
      'network-policy',
      'describe networkpolicy access-nginx',
      [
        'Name:         access-nginx',
        'Namespace:    default',
        'Created on:   2026-01-15 09:00:00 +0000 UTC',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Spec:',
        '  PodSelector:     app=nginx',
        '  Allowing ingress traffic:',
        '    To Port: <any> (traffic allowed to all ports)',
        '    From:',
        '      PodSelector: access=true',
        '  Not affecting egress traffic',
        '  Policy Types: Ingress',
      ],
    ],
    [
      'network-policy',
      'describe networkpolicies default-deny-ingress',
      [
        'Name:         default-deny-ingress',
        'Namespace:    default',
        'Created on:   2026-01-15 09:00:00 +0000 UTC',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Spec:',
        '  PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)',
        '  Allowing ingress traffic:',
        '    <none> (Selected pods are isolated for ingress connectivity)',
        '  Not affecting egress traffic',
        '  Policy Types: Ingress',
      ],
    ],
  ])('%s: kubectl %s', (scenario, line, expected) => {
    expect(kubectl(scenario, line).split('\n')).toEqual(expected);
  });

  it('describe replicaset: selector, Controlled By, Pods Status, the template and the creations', () => {
    const lines = kubectl('deployment', 'describe rs').split('\n');
    expect(lines.slice(0, 11)).toEqual([
      'Name:           nginx-deployment-5888ccb7bd',
      'Namespace:      default',
      'Selector:       app.kubernetes.io/name=nginx,pod-template-hash=5888ccb7bd',
      'Labels:         app.kubernetes.io/name=nginx',
      '                pod-template-hash=5888ccb7bd',
      'Annotations:    deployment.kubernetes.io/desired-replicas: 3',
      '                deployment.kubernetes.io/max-replicas: 4',
      '                deployment.kubernetes.io/revision: 1',
      'Controlled By:  Deployment/nginx-deployment',
      'Replicas:       3 current / 3 desired',
      'Pods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed',
    ]);
    expect(lines[11]).toBe('Pod Template:');
    expect(
      lines.filter((l) => /^ {2}Normal {2}SuccessfulCreate .* Created pod: nginx-deployment-5888ccb7bd-\w{5}$/.test(l)),
    ).toHaveLength(3);
  });

  it('describe node: roles, lease, conditions, resources, non-terminated Pods and their totals', () => {
    const text = kubectl('deployment', 'describe node node-2');
    const lines = text.split('\n');
    expect(lines.slice(0, 13)).toEqual([
      'Name:               node-2',
      'Roles:              <none>',
      'Labels:             kubernetes.io/arch=amd64',
      '                    kubernetes.io/hostname=node-2',
      '                    kubernetes.io/os=linux',
      'Annotations:        <none>',
      'CreationTimestamp:  Thu, 15 Jan 2026 08:00:00 +0000',
      'Taints:             <none>',
      'Unschedulable:      false',
      'Lease:',
      '  HolderIdentity:  node-2',
      '  AcquireTime:     <unset>',
      expect.stringMatching(/^ {2}RenewTime: {7}Thu, 15 Jan 2026 \d\d:\d\d:\d\d \+0000$/),
    ]);
    expect(text).toContain(
      '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message\n',
    );
    expect(text).toMatch(/\n {2}Ready {12}True {4}.* {3}KubeletReady {17}kubelet is posting ready status\n/);
    expect(text).toContain('Addresses:\n  InternalIP:  172.18.0.3\n  Hostname:    node-2\n');
    expect(text).toContain(
      'Capacity:\n  cpu:                4\n  ephemeral-storage:  100Gi\n  memory:             8Gi\n  pods:               110\n',
    );
    expect(text).toContain('  Kubelet Version:            v1.33.1\nPodCIDR:                      10.244.2.0/24\n');
    expect(text).toMatch(
      /\nNon-terminated Pods: {10}\(\d in total\)\n {2}Namespace {19}Name {2,}CPU Requests {2}CPU Limits/,
    );
    expect(text).toContain(
      '  Resource           Requests  Limits\n  --------           --------  ------\n  cpu                0 (0%)    0 (0%)\n',
    );
    expect(text.endsWith('Events:              <none>')).toBe(true);
  });

  it.each([
    [
      'describe namespace default',
      'Name:         default\nLabels:       <none>\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.',
    ],
    [
      'describe sa default',
      'Name:                default\nNamespace:           default\nLabels:              <none>\nAnnotations:         <none>\nImage pull secrets:  <none>\nMountable secrets:   <none>\nTokens:              <none>\nEvents:              <none>',
    ],
    [
      'describe svc kubernetes',
      [
        'Name:                     kubernetes',
        'Namespace:                default',
        'Labels:                   component=apiserver',
        '                          provider=kubernetes',
        'Annotations:              <none>',
        'Selector:                 <none>',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.0.1',
        'IPs:                      10.96.0.1',
        'Port:                     https  443/TCP',
        'TargetPort:               6443/TCP',
        'Endpoints:                172.18.0.100:6443',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ].join('\n'),
    ],
    [
      'describe configmap kube-root-ca.crt',
      'Name:         kube-root-ca.crt\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nca.crt:\n----\n-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n\n\n\nBinaryData\n====\n\nEvents:  <none>',
    ],
  ])('deployment: kubectl %s', (line, expected) => {
    expect(kubectl('deployment', line)).toBe(expected);
  });

  it('describe endpointslice lists each endpoint with its conditions and target', () => {
    expect(kubectl('deployment', 'describe endpointslices -n kube-system')).toContain(
      [
        'Ports:',
        '  Name     Port  Protocol',
        '  ----     ----  --------',
        '  dns-tcp  53    TCP',
        '  dns      53    UDP',
        '  metrics  9153  TCP',
        'Endpoints:',
        '  - Addresses:  10.244.0.2',
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/coredns-668d6bf9bc-2vxfm',
        '    NodeName:   control-plane',
        '    Zone:       <unset>',
      ].join('\n'),
    );
  });
});

const meta = (kind: string, name: string, extra: Record<string, unknown> = {}): ApiObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, namespace: 'default', uid: `${name}-uid`, creationTimestamp: '2026-01-15T09:00:00Z' },
  ...extra,
});

const ctxOf = (objects: ApiObject[], events: ApiObject[] = []): DescribeContext => ({
  list: (kind) => objects.filter((o) => o.kind === kind),
  events,
  now: Date.parse('2026-01-15T09:05:00Z'),
});

describe('describers on hand-made objects', () => {
  it('Deployment mid-rollout: old and new ReplicaSets by template, ratios as given', () => {
    const template = (image: string, hash: string) => ({
      metadata: { labels: { app: 'web', 'pod-template-hash': hash } },
      spec: { containers: [{ name: 'web', image }] },
    });
    const owner = [{ kind: 'Deployment', name: 'web', uid: 'web-uid', controller: true }];
    const d = meta('Deployment', 'web', {
      spec: {
        replicas: 4,
        selector: { matchLabels: { app: 'web' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '50%' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
        },
      },
      status: { replicas: 5, updatedReplicas: 2, availableReplicas: 3, unavailableReplicas: 2 },
    });
    const oldRs = meta('ReplicaSet', 'web-old', {
      metadata: { ...meta('', 'web-old').metadata, ownerReferences: owner },
      spec: { replicas: 3, template: template('nginx:1.26', 'old') },
      status: { replicas: 3 },
    });
    const newRs = meta('ReplicaSet', 'web-new', {
      metadata: { ...meta('', 'web-new').metadata, ownerReferences: owner },
      spec: { replicas: 2, template: template('nginx:1.27', 'new') },
      status: { replicas: 2 },
    });
    const text = describeObject(d, ctxOf([oldRs, newRs]))!;
    expect(text).toContain('Replicas:               4 desired | 2 updated | 5 total | 3 available | 2 unavailable\n');
    expect(text).toContain('RollingUpdateStrategy:  1 max unavailable, 50% max surge\n');
    // No Conditions: the lines join the Pod Template's tab block, so they share its column.
    expect(text).toContain(
      '  Tolerations:     <none>\nOldReplicaSets:    web-old (3/3 replicas created)\nNewReplicaSet:     web-new (2/2 replicas created)\nEvents:            <none>\n',
    );
  });

  it('Secret: sizes in bytes, keys sorted, no Events', () => {
    const s = meta('Secret', 'db', { type: 'Opaque', data: { password: btoa('s3cr3t!'), user: btoa('admin') } });
    expect(describeObject(s, ctxOf([]))).toBe(
      'Name:         db\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  7 bytes\nuser:      5 bytes\n',
    );
  });

  it('Node: roles, taints sorted by effect then key, requests as a share of allocatable (truncated)', () => {
    const node = meta('Node', 'cp', {
      metadata: {
        name: 'cp',
        uid: 'cp-uid',
        creationTimestamp: '2026-01-15T08:00:00Z',
        labels: { 'node-role.kubernetes.io/control-plane': '' },
      },
      spec: {
        taints: [
          { key: 'b', effect: 'NoSchedule' },
          { key: 'a', value: 'x', effect: 'NoSchedule' },
          { key: 'c', effect: 'NoExecute' },
        ],
      },
      status: { allocatable: { cpu: '3', memory: '3Gi' }, capacity: { cpu: '4', memory: '4Gi' } },
    });
    const pod = meta('Pod', 'p', {
      spec: {
        nodeName: 'cp',
        containers: [
          { name: 'a', resources: { requests: { cpu: '250m', memory: '1Gi' }, limits: { cpu: '1' } } },
          { name: 'b', resources: { requests: { cpu: '250m', memory: '512Mi' } } },
        ],
      },
      status: { phase: 'Running' },
    });
    const done = meta('Pod', 'done', {
      spec: { nodeName: 'cp', containers: [{ name: 'a' }] },
      status: { phase: 'Succeeded' },
    });
    const text = describeObject(node, ctxOf([pod, done]))!;
    expect(text).toContain('Roles:              control-plane\n');
    expect(text).toContain(
      'Taints:             c:NoExecute\n                    a=x:NoSchedule\n                    b:NoSchedule\n',
    );
    expect(text).toContain('Lease:              Failed to get lease: leases.coordination.k8s.io "cp" not found\n');
    expect(text).toContain('(1 in total)');
    // 500m of 3 CPUs is 16.6 %, printed 16 %; 1Gi + 512Mi of 3Gi is 50 %.
    expect(text).toContain(
      '  default                     p       500m (16%)    1 (33%)     1536Mi (50%)     0 (0%)         5m\n',
    );
    expect(text).toContain('  cpu                500m (16%)    1 (33%)\n  memory             1536Mi (50%)  0 (0%)\n');
  });

  it.each([
    [{ key: 'k', value: 'v', effect: 'NoSchedule' }, 'k=v:NoSchedule'],
    [{ key: 'k', effect: 'NoExecute' }, 'k:NoExecute'],
    [{ key: 'k', value: 'v' }, 'k=v:'],
    [{ key: 'k' }, 'k'],
  ])('Taint.ToString %j → %s', (t, text) => {
    expect(taintText(t as never)).toBe(text);
  });

  it('findNodeRoles reads node-role.kubernetes.io/<role> and kubernetes.io/role', () => {
    expect(
      nodeRoles({ 'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'edge', 'node-role.kubernetes.io/': '' }),
    ).toEqual(['edge', 'worker']);
  });

  it('formatEndpointSlices: ready endpoints of the port, three shown, the rest counted', () => {
    const slice = {
      ports: [
        { name: 'http', port: 8080 },
        { name: 'metrics', port: 9090 },
      ],
      endpoints: ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', 'fd00::6'].map((a, i) => ({
        addresses: [a],
        conditions: { ready: i !== 1 },
      })),
    };
    expect(formatEndpointSlices([slice as never], 'http')).toBe(
      '10.0.0.1:8080,10.0.0.3:8080,10.0.0.4:8080 + 2 more...',
    );
    expect(formatEndpointSlices([], '')).toBe('<none>');
    // v1.33 sets `more` before the readiness check: three ready, then a not-ready one, reads "+ 0 more..."
    // (kubernetes/kubernetes#142209, fixed after 1.33).
    const quirk = {
      ports: [{ name: '', port: 80 }],
      endpoints: [true, true, true, false].map((ready, i) => ({
        addresses: [`10.0.0.${i + 1}`],
        conditions: { ready },
      })),
    };
    expect(formatEndpointSlices([quirk as never], '')).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 0 more...');
    expect(formatEndpointSlices([{ endpoints: [{ addresses: ['fd00::1'], conditions: {} }] } as never], '')).toBe(
      'fd00::1',
    );
  });

  it.each([
    [{ matchLabels: { b: '2', a: '1' } }, 'a=1,b=2'],
    [
      {
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'dev'] },
          { key: 'a', operator: 'DoesNotExist' },
        ],
      },
      '!a,env in (dev,prod)',
    ],
    [{}, '<none>'],
  ])('FormatLabelSelector %j → %s', (sel, text) => {
    expect(formatLabelSelector(sel as never)).toBe(text);
  });

  it('printAnnotationsMultiline skips last-applied-configuration and wraps long values', () => {
    const long = 'x'.repeat(150);
    expect(
      describeTable(
        annotationsMultiline('Annotations', {
          'kubectl.kubernetes.io/last-applied-configuration': '{}',
          b: long,
          a: 'short',
        }),
      ),
    ).toBe(`Annotations:  a: short\n              b:\n                ${'x'.repeat(138)}...\n`);
    expect(labelsMultiline('Labels', {})).toBe('Labels:\t<none>\n');
  });

  it('GetAccessModesAsString orders RWO, ROX, RWX, RWOP', () => {
    expect(accessModesText(['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'])).toBe('RWO,RWX');
  });

  it('Namespace with a ResourceQuota prints its table', () => {
    const ns = meta('Namespace', 'team', { metadata: { name: 'team', uid: 'team' }, status: { phase: 'Active' } });
    const q = meta('ResourceQuota', 'compute', {
      metadata: { name: 'compute', namespace: 'team' },
      status: { hard: { pods: '10', 'requests.cpu': '2' }, used: { pods: '1', 'requests.cpu': '500m' } },
    });
    expect(describeObject(ns, ctxOf([q]))).toContain(
      '\nResource Quotas\n  Name:         compute\n  Resource      Used  Hard\n  --------      ---   ---\n  pods          1     10\n  requests.cpu  500m  2\n\nNo LimitRange resource.\n',
    );
  });
});
