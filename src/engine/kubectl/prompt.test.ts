/**
 * The kubectl prompt: the command line read as kubectl reads it, and each
 * command's answer as kubectl prints it, from the simulated apiserver's
 * response. A command branches the run: the steps before it are the same.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../headless';
import { loadManifests } from '../../manifest/load';
import type { KubectlCommand, Step } from '../types';
import { parseCommand, resolveType, tokenize } from './argv';
import { containerName } from './commands';
import { errorText } from './print';

describe('tokenize', () => {
  it.each([
    ['kubectl get pods', ['kubectl', 'get', 'pods']],
    ['  get   pods  ', ['get', 'pods']],
    [`create deployment web --image="nginx:1.27"`, ['create', 'deployment', 'web', '--image=nginx:1.27']],
    [`get pods 'a b'`, ['get', 'pods', 'a b']],
    ['get pods a\\ b', ['get', 'pods', 'a b']],
    ['', []],
  ])('%j', (line, words) => expect(tokenize(line)).toEqual(words));
});

describe('resource types by any of their names', () => {
  it.each([
    ['pods', 'pods'],
    ['pod', 'pods'],
    ['po', 'pods'],
    ['Pod', 'pods'],
    ['deploy', 'deployments'],
    ['deployment.apps', 'deployments'],
    ['deployments', 'deployments'],
    ['rs', 'replicasets'],
    ['svc', 'services'],
    ['no', 'nodes'],
    ['ns', 'namespaces'],
    ['cm', 'configmaps'],
    ['pvc', 'persistentvolumeclaims'],
  ])('%s → %s', (arg, resource) => expect(resolveType(arg)?.resource).toBe(resource));
  it.each(['foos', 'deployment.batch', 'cronjobs'])('%s is not served', (arg) =>
    expect(resolveType(arg)).toBeUndefined(),
  );
  it('ingressclass → ingressclasses (served since NetworkPolicy and Ingress came)', () =>
    expect(resolveType('ingressclass')?.resource).toBe('ingressclasses'));
});

describe('what kubectl refuses before sending anything', () => {
  it.each([
    ['frobnicate pods', 'error: unknown command "frobnicate" for "kubectl"'],
    ['gte pods', 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n'],
    ['get foos', 'error: the server doesn\'t have a resource type "foos"'],
    ['delete foos/x', 'error: the server doesn\'t have a resource type "foos"'],
    ['scale deployment/nginx', 'error: required flag(s) "replicas" not set'],
    [
      'scale deployment/nginx --replicas=x',
      'error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl scale --help\' for usage.',
    ],
    [
      'scale deployment/nginx --replicas=-1',
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    ],
    ['create deployment web', 'error: required flag(s) "image" not set'],
    ['apply', 'error: must specify one of -f and -k'],
    ['get pods --bogus', "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage."],
    ['get pods -z', "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage."],
    ['scale deploy/x -r 2', "error: unknown shorthand flag: 'r' in -r\nSee 'kubectl scale --help' for usage."],
    [
      'create deployment web --image=nginx -r x',
      'error: invalid argument "x" for "-r, --replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl create deployment --help\' for usage.',
    ],
    ['get pods -n', "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage."],
    [
      'get pods -o xml',
      'error: unable to match a printer suitable for the output format "xml", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
    ],
    ['delete pods', 'error: resource(s) were provided, but no name was specified'],
  ])('kubectl %s', (line, error) => {
    expect(parseCommand(line)).toEqual({ ok: false, error });
  });

  it('knows real commands it does not simulate', () => {
    expect(parseCommand('kubectl logs nginx')).toEqual({ ok: false, error: '', known: true });
  });
});

describe('commands it reads', () => {
  it.each([
    ['kubectl apply -f nginx.yaml', { verb: 'apply', files: ['nginx.yaml'] }],
    ['apply -f -', { verb: 'apply', files: ['-'] }],
    ['create --filename=a.yaml', { verb: 'create', files: ['a.yaml'] }],
    ['delete -f a.yaml', { verb: 'delete-f', files: ['a.yaml'] }],
    [
      'create deployment web --image=nginx:1.27 --replicas=3',
      { verb: 'create-deployment', name: 'web', images: ['nginx:1.27'], replicas: 3 },
    ],
    ['create deployment web --image nginx', { verb: 'create-deployment', name: 'web', images: ['nginx'], replicas: 1 }],
  ])('%s', (line, cmd) => expect(parseCommand(line)).toEqual({ ok: true, cmd }));

  it.each([
    ['scale deployment/nginx --replicas=5', 'scale', 'deployments', ['nginx']],
    ['scale --replicas 5 deployment nginx', 'scale', 'deployments', ['nginx']],
    ['delete pod nginx web', 'delete', 'pods', ['nginx', 'web']],
    ['delete pod/nginx pod/web', 'delete', 'pods', ['nginx', 'web']],
    ['get pods', 'get', 'pods', []],
    ['get po nginx -o wide', 'get', 'pods', ['nginx']],
    ['describe pod nginx', 'describe', 'pods', ['nginx']],
    ['edit deployment/nginx', 'edit', 'deployments', ['nginx']],
    ['get deploy -n kube-system', 'get', 'deployments', []],
  ])('%s', (line, verb, resource, names) => {
    const p = parseCommand(line);
    if (!p.ok) throw new Error(p.error);
    const cmd = p.cmd as { verb: string; type: { resource: string }; names?: string[]; name?: string };
    expect([cmd.verb, cmd.type.resource, cmd.names ?? [cmd.name]]).toEqual([verb, resource, names]);
  });

  it('reads -o and -n as kubectl does', () => {
    expect(parseCommand('get pods -owide -nkube-system')).toMatchObject({
      ok: true,
      cmd: { output: 'wide', namespace: 'kube-system' },
    });
  });
});

describe('API errors as kubectl prints them (cmdutil.checkErr)', () => {
  it.each([
    [404, 'pods "x" not found', '', undefined, 'Error from server (NotFound): pods "x" not found'],
    [
      409,
      'pods "nginx" already exists',
      'creating',
      'nginx.yaml',
      'Error from server (AlreadyExists): error when creating "nginx.yaml": pods "nginx" already exists',
    ],
    [
      409,
      'Operation cannot be fulfilled on deployments.apps "nginx": the object has been modified',
      '',
      undefined,
      'Error from server (Conflict): Operation cannot be fulfilled on deployments.apps "nginx": the object has been modified',
    ],
    [
      403,
      'pods "nginx" is forbidden: exceeded quota: q',
      'creating',
      'STDIN',
      'Error from server (Forbidden): error when creating "STDIN": pods "nginx" is forbidden: exceeded quota: q',
    ],
    [
      422,
      'Pod "x" is invalid: spec.containers[0].image: Required value',
      'creating',
      'x.yaml',
      'The Pod "x" is invalid: spec.containers[0].image: Required value',
    ],
    [
      422,
      'Pod "x" is invalid: [spec.containers[0].name: Required value, spec.containers[0].image: Required value]',
      '',
      undefined,
      'The Pod "x" is invalid: \n* spec.containers[0].name: Required value\n* spec.containers[0].image: Required value',
    ],
    [401, 'Unauthorized', '', undefined, 'error: You must be logged in to the server (Unauthorized)'],
    // A plain error the registry returns (RBAC's role resolver) has no reason: StatusReasonUnknown.
    [
      500,
      'unsupported role reference kind: ""',
      'creating',
      'rb.yaml',
      'Error from server: error when creating "rb.yaml": unsupported role reference kind: ""',
    ],
    [
      500,
      'Internal error occurred: failed calling webhook "x"',
      '',
      undefined,
      'Error from server (InternalError): Internal error occurred: failed calling webhook "x"',
    ],
  ])('%i %s', (status, message, verb, source, text) => expect(errorText(status, message, verb, source)).toBe(text));
});

it.each([
  ['nginx', 'nginx'],
  ['nginx:1.27', 'nginx'],
  ['registry.k8s.io/pause:3.10', 'pause'],
  ['busybox@sha256:abc', 'busybox'],
])('create deployment names the container of %s %s', (image, name) => expect(containerName(image)).toBe(name));

const printed = (steps: readonly Step[], cmd = 0): string[] =>
  steps
    .filter((s) => s.say.key === 'kubectl-prints' && s.say.params.cmd === cmd)
    .map((s) => String(s.say.params.printed));

const simplePod = loadManifests(readFileSync('/work/shared/fixtures/real-manifests/simple-pod.yaml', 'utf8'));
const podObjects = simplePod.ok ? simplePod.objects : [];

describe('answers from the simulated apiserver', () => {
  const deployment = simulateScenario('deployment');
  const last = deployment.trace.steps.length - 1;
  const run = (id: string, argv: string[], extra: Partial<KubectlCommand> = {}, atStep?: number) => {
    const base = id === 'deployment' ? deployment : simulateScenario(id);
    return simulateScenario(id, {
      commands: [{ atStep: atStep ?? base.trace.steps.length - 1, argv, ...extra }],
    });
  };
  const file = { objects: podObjects, files: ['simple-pod.yaml'] };
  it.each<[string, string, Partial<KubectlCommand>, string[]]>([
    ['deployment', 'scale deployment/nginx-deployment --replicas=5', {}, ['deployment.apps/nginx-deployment scaled']],
    ['deployment', 'scale deployment nginx-deployment --replicas=1', {}, ['deployment.apps/nginx-deployment scaled']],
    [
      'deployment',
      'scale deployment/nginx --replicas=5',
      {},
      ['Error from server (NotFound): deployments.apps "nginx" not found'],
    ],
    ['deployment', 'delete pod ghost', {}, ['Error from server (NotFound): pods "ghost" not found']],
    ['deployment', 'delete deployment nginx-deployment', {}, ['deployment.apps "nginx-deployment" deleted']],
    ['deployment', 'create deployment web --image=nginx:1.27 --replicas=2', {}, ['deployment.apps/web created']],
    [
      'deployment',
      'create deployment nginx-deployment --image=nginx',
      {},
      ['Error from server (AlreadyExists): deployments.apps "nginx-deployment" already exists'],
    ],
    ['deployment', 'apply -f simple-pod.yaml', file, ['pod/nginx created']],
    ['deployment', 'create -f simple-pod.yaml', file, ['pod/nginx created']],
    [
      'bare-pod',
      'create -f simple-pod.yaml',
      file,
      ['Error from server (AlreadyExists): error when creating "simple-pod.yaml": pods "nginx" already exists'],
    ],
    [
      'bare-pod',
      'apply -f simple-pod.yaml',
      file,
      [
        'Warning: resource pods/nginx is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\npod/nginx configured',
      ],
    ],
    ['bare-pod', 'delete -f simple-pod.yaml', file, ['pod "nginx" deleted']],
    [
      'deployment',
      'delete -f simple-pod.yaml',
      file,
      ['Error from server (NotFound): error when deleting "simple-pod.yaml": pods "nginx" not found'],
    ],
    [
      'deployment',
      'apply -f -',
      {
        objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'a' }] } }],
        files: ['-'],
      },
      ['The Pod "x" is invalid: spec.containers[0].image: Required value'],
    ],
    ['deployment', 'scale pod/ghost --replicas=2', {}, ['Error from server (NotFound): pods "ghost" not found']],
  ])('%s: kubectl %s', (id, line, extra, out) => {
    expect(printed(run(id, tokenize(line), extra).trace.steps)).toEqual(out);
  });

  it('apply of what is already applied changes nothing: unchanged', () => {
    const once = run('deployment', ['apply', '-f', 'simple-pod.yaml'], file);
    const at = once.trace.steps.findIndex((s) => s.say.key === 'kubectl-prints');
    const twice = simulateScenario('deployment', {
      commands: [
        { atStep: last, argv: ['apply', '-f', 'simple-pod.yaml'], ...file },
        { atStep: at, argv: ['apply', '-f', 'simple-pod.yaml'], ...file },
      ],
    });
    expect(printed(twice.trace.steps, 1)).toEqual(['pod/nginx unchanged']);
  });

  it('scale makes the ReplicaSet controller create the new Pods', () => {
    const r = run('deployment', ['scale', 'deployment/nginx-deployment', '--replicas=5']);
    expect(deployment.getPods(deployment.last)).toHaveLength(3);
    expect(r.getPods(r.last).filter((p) => p.status === 'Running')).toHaveLength(5);
  });

  it('each command goes through kube-apiserver: kubectl → kube-apiserver, and back', () => {
    const r = run('deployment', ['scale', 'deployment/nginx-deployment', '--replicas=5']);
    const after = r.trace.steps.slice(last + 1);
    expect(after[0]).toMatchObject({ from: 'kubectl', to: 'kubectl', say: { key: 'kubectl-typed' } });
    expect(after[1]).toMatchObject({ from: 'kubectl', to: 'kube-apiserver', verb: 'get' });
    const patch = after.find((s) => s.verb === 'patch' && s.from === 'kubectl');
    expect(patch?.path).toBe('/apis/apps/v1/namespaces/default/deployments/nginx-deployment/scale');
    expect(after.find((s) => s.say.key === 'kubectl-prints')).toMatchObject({ from: 'kube-apiserver', to: 'kubectl' });
  });
});

describe('a command branches the run with an identical prefix', () => {
  const json = (steps: readonly Step[]): string => JSON.stringify(steps);
  const cases: [string, string[]][] = [
    ['deployment', ['scale', 'deployment/nginx-deployment', '--replicas=5']],
    ['bare-pod', ['delete', 'pod', 'nginx']],
  ];
  for (const [id, argv] of cases) {
    const original = simulateScenario(id);
    const n = original.trace.steps.length;
    it.each([0, 7, Math.floor(n / 3), Math.floor((2 * n) / 3), n - 2, n - 1])(`${id}, after step %i`, (atStep) => {
      const b = simulateScenario(id, { commands: [{ atStep, argv }] });
      // The command comes right after the delivery that recorded step atStep (one delivery may record a few steps).
      const typed = b.trace.steps.findIndex((s) => s.say.key === 'kubectl-typed');
      expect(typed).toBeGreaterThan(atStep);
      expect(json(b.trace.steps.slice(0, typed))).toBe(json(original.trace.steps.slice(0, typed)));
      expect(b.trace.steps[typed]!.at).toBe(original.trace.steps[typed - 1]!.at);
      expect(b.trace.steps[typed]?.say).toEqual({
        key: 'kubectl-typed',
        params: { cmd: 0, command: ['kubectl', ...argv].join(' ') },
      });
    });
  }

  it('commands typed one after another accumulate, each after the answer of the one before', () => {
    const original = simulateScenario('deployment');
    const first = {
      atStep: original.trace.steps.length - 1,
      argv: ['scale', 'deployment/nginx-deployment', '--replicas=5'],
    };
    const one = simulateScenario('deployment', { commands: [first] });
    const answered = one.trace.steps.findIndex((s) => s.say.key === 'kubectl-prints');
    const second = { atStep: answered, argv: ['scale', 'deployment/nginx-deployment', '--replicas=2'] };
    const two = simulateScenario('deployment', { commands: [first, second] });
    expect(json(two.trace.steps.slice(0, answered + 1))).toBe(json(one.trace.steps.slice(0, answered + 1)));
    expect(printed(two.trace.steps, 1)).toEqual(['deployment.apps/nginx-deployment scaled']);
    expect(two.getPods(two.last).filter((p) => p.status === 'Running')).toHaveLength(2);
  });

  it('gives the same trace for the same commands twice', () => {
    const commands = [{ atStep: 50, argv: ['delete', 'pod', 'nginx'] }];
    expect(json(simulateScenario('bare-pod', { commands }).trace.steps)).toBe(
      json(simulateScenario('bare-pod', { commands }).trace.steps),
    );
  });
});
