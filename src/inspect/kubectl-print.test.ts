import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../headless';
import { humanDuration, rfc1123z } from './duration';
import { describePod, eventsText } from './kubectl-describe';
import { getPodsWide, wallTime, watchPods } from './kubectl-get';
import { getTable, describeTable } from './tabwriter';
import type { ApiObject } from '../engine/types';

describe('tab writers (Go text/tabwriter as kubectl configures it)', () => {
  it('aligns get tables like describe-examples.md E1 (minwidth 6, padding 3)', () => {
    const text =
      'NAME\tREADY\tSTATUS\tRESTARTS\tAGE\tIP\tNODE\tNOMINATED NODE\tREADINESS GATES\n' +
      'nginx\t1/1\tRunning\t0\t7m15s\t10.1.0.6\tdocker-desktop\t<none>\t<none>\n';
    expect(getTable(text)).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE     IP         NODE             NOMINATED NODE   READINESS GATES\n' +
        'nginx   1/1     Running   0          7m15s   10.1.0.6   docker-desktop   <none>           <none>\n',
    );
  });
  it('aligns the Events table like describe-examples.md E1 (padding 2)', () => {
    const events = [
      ['Scheduled', '5m3s', 'default-scheduler', 'Successfully assigned default/nginx to docker-desktop'],
      ['Pulling', '5m1s', 'kubelet', 'Pulling image "nginx"'],
    ];
    const text =
      'Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n' +
      events.map((e) => `  Normal\t${e.join('\t')}\n`).join('');
    expect(describeTable(text)).toBe(
      'Events:\n' +
        '  Type    Reason     Age   From               Message\n' +
        '  ----    ------     ----  ----               -------\n' +
        '  Normal  Scheduled  5m3s  default-scheduler  Successfully assigned default/nginx to docker-desktop\n' +
        '  Normal  Pulling    5m1s  kubelet            Pulling image "nginx"\n',
    );
  });
  it('starts a new column block after a line without the column', () => {
    expect(describeTable('a:\tx\nlonger key:\ty\nnone\nb:\tz\n')).toBe('a:           x\nlonger key:  y\nnone\nb:  z\n');
  });
});

describe('HumanDuration (k8s.io/apimachinery/pkg/util/duration)', () => {
  it.each([
    [0, '0s'],
    [-1500, '0s'],
    [-2500, '<invalid>'],
    [47_000, '47s'],
    [119_000, '119s'],
    [120_000, '2m'],
    [303_000, '5m3s'],
    [600_000, '10m'],
    [3 * 3600_000 + 60_000, '3h1m'],
    [9 * 3600_000, '9h'],
    [50 * 3600_000, '2d2h'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
  it('prints RFC1123Z in UTC', () => {
    expect(rfc1123z('2026-01-15T09:00:03Z')).toBe('Thu, 15 Jan 2026 09:00:03 +0000');
  });
});

describe('kubectl views of a run', () => {
  const run = simulateScenario('readiness');
  const now = wallTime(run.trace.steps[run.last]!.at);
  const pod = run.objects('Pod')[0]!;

  it('get pods -o wide prints the wide columns', () => {
    const lines = getPodsWide(run.trace, run.last, false).trimEnd().split('\n');
    expect(lines[0]).toBe(
      'NAME      READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES',
    );
    expect(lines[1]).toMatch(
      /^goproxy {3}1\/1 {5}Running {3}0 {10}\d+s +10\.244\.1\.2 {3}node-1 {3}<none> {11}<none>$/,
    );
  });

  it('get pods -w prints one line per change, Pending → ContainerCreating → Running 0/1 → 1/1', () => {
    const statuses = watchPods(run.trace, run.last, false).map((l) =>
      l.text.split('\n').at(-1)!.split(/ +/).slice(1, 3).join(' '),
    );
    expect(statuses[0]).toBe('0/1 Pending');
    expect(statuses).toContain('0/1 ContainerCreating');
    expect(statuses).toContain('0/1 Running');
    expect(statuses.at(-1)).toBe('1/1 Running');
    const lines = watchPods(run.trace, run.last, false).map((l) => l.text);
    expect(lines[0]).toBe('NAME      READY   STATUS    RESTARTS   AGE\ngoproxy   0/1     Pending   0          0s');
    // RememberWidths: STATUS widens for ContainerCreating and stays wide for the lines after it.
    expect(lines).toContain('goproxy   0/1     ContainerCreating   0          0s');
    expect(lines.at(-1)).toMatch(/^goproxy {3}1\/1 {5}Running {13}0 {10}\d+s$/);
  });

  it('describe pod prints the header, containers, probes, tolerations and Events as kubectl does', () => {
    const text = describePod(pod, run.objects('Event'), now);
    expect(text).toContain('Name:             goproxy\nNamespace:        default\nPriority:         0\n');
    expect(text).toContain('Service Account:  default\nNode:             node-1/172.18.0.2\n');
    expect(text).toContain('Start Time:       Thu, 15 Jan 2026 09:00:00 +0000\n');
    expect(text).toContain(
      '    Liveness:       tcp-socket :8080 delay=15s timeout=1s period=10s #success=1 #failure=3\n',
    );
    expect(text).toContain('    Host Port:      0/TCP\n');
    expect(text).toContain('  PodReadyToStartContainers   True \n');
    expect(text).toContain(
      'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n' +
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n',
    );
    expect(text).toMatch(/\n {2}Type {4}Reason {5}Age {3}From {15}Message\n/);
    expect(text).toMatch(/\n {2}Normal {2}Created {4}\d+s {3}kubelet {12}Created container: goproxy\n/);
    expect(text).toMatch(/\n {2}Normal {2}Started {4}\d+s {3}kubelet {12}Started container goproxy\n$/);
  });

  it('prints a deduplicated Event as "<last> (xN over <first>)" and no Events as <none>', () => {
    const e = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {},
      type: 'Warning',
      reason: 'Unhealthy',
      message: 'Liveness probe failed: x',
      count: 3,
      firstTimestamp: '2026-01-15T09:00:00Z',
      lastTimestamp: '2026-01-15T09:00:10Z',
      source: { component: 'kubelet' },
    } as unknown as ApiObject;
    const text = describeTable(eventsText([e], Date.parse('2026-01-15T09:00:20Z')));
    expect(text).toContain('  Warning  Unhealthy  10s (x3 over 20s)  kubelet  Liveness probe failed: x\n');
    expect(describeTable(eventsText([], 0))).toBe('Events:  <none>\n');
  });
});
