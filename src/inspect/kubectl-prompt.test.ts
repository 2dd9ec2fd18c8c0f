/**
 * The prompt's read-only commands at a step: kubectl's tables (the
 * server-side printers' columns), `-o name`, `-o yaml`, and its messages for
 * nothing found. Checked against the Deployment scenario once it has settled.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommand, type KubectlCmd } from '../engine/kubectl/argv';
import { simulateScenario, simulateYaml } from '../headless';
import { describeAnswer, getAnswer, toYaml } from './kubectl-prompt';

const run = simulateScenario('deployment');
const cmdOf = (line: string): KubectlCmd => {
  const p = parseCommand(line);
  if (!p.ok) throw new Error(p.error);
  return p.cmd;
};
const get = (line: string, seq = run.last): string =>
  getAnswer(run.trace, seq, cmdOf(line) as Extract<KubectlCmd, { verb: 'get' }>);

describe('kubectl get at the end of the Deployment scenario', () => {
  it.each([
    [
      'get deploy',
      'NAME               READY   UP-TO-DATE   AVAILABLE   AGE\nnginx-deployment   3/3     3            3           33s',
    ],
    [
      'get deployments -o wide',
      'NAME               READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES         SELECTOR\n' +
        'nginx-deployment   3/3     3            3           33s   nginx        nginx:1.14.2   app.kubernetes.io/name=nginx',
    ],
    [
      'get rs',
      'NAME                          DESIRED   CURRENT   READY   AGE\nnginx-deployment-5888ccb7bd   3         3         3       33s',
    ],
    [
      'get svc -A',
      'NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE\n' +
        'default       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  60m\n' +
        'kube-system   kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   60m',
    ],
    [
      'get nodes',
      'NAME     STATUS   ROLES    AGE   VERSION\nnode-1   Ready    <none>   60m   v1.33.1\nnode-2   Ready    <none>   60m   v1.33.1',
    ],
    ['get ns default', 'NAME      STATUS   AGE\ndefault   Active   60m'],
    ['get cm', 'NAME               DATA   AGE\nkube-root-ca.crt   1      60m'],
    ['get sa', 'NAME      SECRETS   AGE\ndefault   0         60m'],
    ['get deployment.apps -o name', 'deployment.apps/nginx-deployment'],
    ['get pod nope', 'Error from server (NotFound): pods "nope" not found'],
    ['get deploy nope', 'Error from server (NotFound): deployments.apps "nope" not found'],
    ['get secrets', 'No resources found in default namespace.'],
    ['get pods -n kube-system', 'No resources found in kube-system namespace.'],
    ['get pv', 'No resources found'],
  ])('kubectl %s', (line, out) => expect(get(line)).toBe(out));

  it('kubectl get pods -o name prints pod/<name> for each Pod, in the order the apiserver lists them (by key)', () => {
    const names = [...run.trace.objectsAt(run.last, '/registry/pods/default/').keys()]
      .sort()
      .map((key) => `pod/${key.split('/').pop()}`);
    expect(names).toHaveLength(3);
    expect(names[0]).toMatch(/^pod\/nginx-deployment-5888ccb7bd-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(get('get pods -o name')).toBe(names.join('\n'));
  });

  it('lists the Pods as the kubectl tab does, and none before kubectl has sent anything', () => {
    expect(get('get pods').split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(get('get pods').split('\n')).toHaveLength(4);
    expect(get('get pods', 0)).toBe('No resources found in default namespace.');
  });

  it('-o yaml prints the object with sorted keys, lists at their parent’s indentation', () => {
    const yaml = get('get deploy nginx-deployment -o yaml');
    expect(
      yaml.startsWith('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: "2026-01-15T09:00:00Z"'),
    ).toBe(true);
    expect(yaml).toContain('      containers:\n      - image: nginx:1.14.2\n');
    expect(get('get deploy -o yaml')).toMatch(
      /^apiVersion: v1\nitems:\n- apiVersion: apps\/v1\n[\s\S]*\nkind: List\nmetadata:\n  resourceVersion: ""$/,
    );
  });

  it('-o json prints four-space JSON', () => {
    expect(get('get ns default -o json')).toMatch(/^\{\n {4}"apiVersion": "v1",\n {4}"kind": "Namespace",/);
  });
});

describe('kubectl describe', () => {
  it('describes a Pod as kubectl does', () => {
    const name = get('get pods -o name').split('\n')[0]!.slice('pod/'.length);
    const a = describeAnswer(
      run.trace,
      run.last,
      cmdOf(`describe pod ${name}`) as Extract<KubectlCmd, { verb: 'describe' }>,
    );
    expect(a.note).toBeUndefined();
    expect(a.out).toMatch(new RegExp(`^Name:\\s+${name}\\nNamespace:\\s+default\\n`));
    expect(a.out).toContain('Events:');
  });
  it('shows kinds without a describer (here StorageClass) as YAML, with a note that says so', () => {
    const a = describeAnswer(
      run.trace,
      run.last,
      cmdOf('describe storageclasses') as Extract<KubectlCmd, { verb: 'describe' }>,
    );
    expect(a.note).toBe('describeOther');
    expect(a.out.startsWith('allowVolumeExpansion') || a.out.startsWith('apiVersion: storage.k8s.io/v1\n')).toBe(true);
  });
  it('answers NotFound for a name it does not have', () => {
    expect(
      describeAnswer(run.trace, run.last, cmdOf('describe pod x') as Extract<KubectlCmd, { verb: 'describe' }>).out,
    ).toBe('Error from server (NotFound): pods "x" not found');
  });
});

it('quotes strings YAML 1.1 would read otherwise, in double quotes as sigs.k8s.io/yaml does', () => {
  expect(toYaml({ a: 'true', b: 'n', c: '80', d: 'x' })).toBe('a: "true"\nb: "n"\nc: "80"\nd: x\n');
});

describe('EndpointSlices and Events', () => {
  const svc = simulateYaml(readFileSync('/work/shared/fixtures/real-manifests/simple-service.yaml', 'utf8'));
  const at = (line: string): string =>
    getAnswer(svc.trace, svc.last, cmdOf(line) as Extract<KubectlCmd, { verb: 'get' }>);
  it('lists a slice without ports or endpoints as <unset> (listWithMoreString)', () => {
    expect(at('get endpointslices').split('\n').slice(0, 2)).toEqual([
      'NAME               ADDRESSTYPE   PORTS     ENDPOINTS      AGE',
      'kubernetes         IPv4          6443      172.18.0.100   60m',
    ]);
    expect(at('get endpointslices').split('\n')[2]).toMatch(
      /^my-service-[a-z0-9]{5} {3}IPv4 {10}<unset> {3}<unset> {8}30s$/,
    );
  });
  it('lists Events with LAST SEEN, TYPE, REASON, OBJECT, MESSAGE', () => {
    const pod = simulateYaml(readFileSync('/work/shared/fixtures/real-manifests/simple-pod.yaml', 'utf8'));
    const out = getAnswer(pod.trace, pod.last, cmdOf('get events') as Extract<KubectlCmd, { verb: 'get' }>);
    expect(out.split('\n')[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(out).toMatch(/\n\d+s\s+Normal\s+Scheduled\s+pod\/nginx\s+Successfully assigned default\/nginx to node-\d/);
  });
});
