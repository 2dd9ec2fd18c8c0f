/**
 * `kubectl describe pod` as kubectl v1.33 prints it. Models
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go (describePod,
 * describeContainers, describeVolumes, DescribeEvents) for the fields podflow's
 * Pods carry, through the same tab writer (minwidth 0, padding 2).
 */
import type {
  Container,
  ContainerState,
  ContainerStatus,
  Pod,
  Probe,
  Toleration,
  Volume,
} from 'kubernetes-types/core/v1';
import type { ApiObject } from '../engine/types';
import { humanDuration, rfc1123z, since } from './duration';
import { describeTable } from './tabwriter';

const L1 = '  ';
const L2 = '    ';
const L3 = '      ';

function multiline(title: string, entries: string[]): string {
  if (!entries.length) return `${title}:\t<none>\n`;
  return entries.map((e, i) => (i === 0 ? `${title}:\t${e}\n` : `\t${e}\n`)).join('');
}

const labels = (m: Record<string, string> | undefined): string[] =>
  Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${m![k]}`);

function probeText(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `http-get ${scheme}://${p.httpGet.host ?? ''}:${p.httpGet.port}${p.httpGet.path ?? '/'} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** One toleration as printTolerationsMultilineWithIndent writes it. */
export function tolerationText(t: Toleration): string {
  let s = t.key ?? '';
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
  if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
  return s;
}

function stateText(name: string, state: ContainerState | undefined): string {
  if (state?.running) return `${L2}${name}:\tRunning\n${L3}Started:\t${rfc1123z(state.running.startedAt ?? '')}\n`;
  if (state?.terminated) {
    const t = state.terminated;
    return (
      `${L2}${name}:\tTerminated\n` +
      (t.reason ? `${L3}Reason:\t${t.reason}\n` : '') +
      (t.message ? `${L3}Message:\t${t.message}\n` : '') +
      `${L3}Exit Code:\t${t.exitCode}\n` +
      (t.signal ? `${L3}Signal:\t${t.signal}\n` : '') +
      `${L3}Started:\t${t.startedAt ? rfc1123z(t.startedAt) : 'Mon, 01 Jan 0001 00:00:00 +0000'}\n` +
      `${L3}Finished:\t${t.finishedAt ? rfc1123z(t.finishedAt) : 'Mon, 01 Jan 0001 00:00:00 +0000'}\n`
    );
  }
  if (state?.waiting)
    return `${L2}${name}:\tWaiting\n` + (state.waiting.reason ? `${L3}Reason:\t${state.waiting.reason}\n` : '');
  return `${L2}${name}:\tWaiting\n`;
}

/** describeContainers; `space` is the Pod Template's indent (the names then get one more space). */
export function containersText(
  title: string,
  containers: Container[],
  statuses: ContainerStatus[],
  space = '',
): string {
  let out = `${space}${title}:${containers.length ? '' : ' <none>'}\n`;
  for (const c of containers) {
    const st = statuses.find((s) => s.name === c.name);
    out += `${L1}${space ? ' ' : ''}${c.name}:\n`;
    if (st) out += `${L2}Container ID:\t${st.containerID ?? ''}\n`;
    out += `${L2}Image:\t${c.image ?? ''}\n`;
    if (st) out += `${L2}Image ID:\t${st.imageID ?? ''}\n`;
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    out += ports.includes(',') ? `${L2}Ports:\t${ports}\n` : `${L2}Port:\t${ports || '<none>'}\n`;
    out += hostPorts.includes(',') ? `${L2}Host Ports:\t${hostPorts}\n` : `${L2}Host Port:\t${hostPorts || '<none>'}\n`;
    if (c.command?.length) out += `${L2}Command:\n` + c.command.map((x) => `${L3}${x}\n`).join('');
    if (c.args?.length) out += `${L2}Args:\n` + c.args.map((x) => `${L3}${x}\n`).join('');
    if (st) {
      out += stateText('State', st.state);
      if (st.lastState?.terminated) out += stateText('Last State', st.lastState);
      out += `${L2}Ready:\t${st.ready ? 'True' : 'False'}\n`;
      out += `${L2}Restart Count:\t${st.restartCount}\n`;
    }
    const res = c.resources ?? {};
    if (res.limits && Object.keys(res.limits).length)
      out +=
        `${L2}Limits:\n` +
        Object.keys(res.limits)
          .sort()
          .map((k) => `${L3}${k}:\t${res.limits![k]}\n`)
          .join('');
    if (res.requests && Object.keys(res.requests).length)
      out +=
        `${L2}Requests:\n` +
        Object.keys(res.requests)
          .sort()
          .map((k) => `${L3}${k}:\t${res.requests![k]}\n`)
          .join('');
    if (c.livenessProbe) out += `${L2}Liveness:\t${probeText(c.livenessProbe)}\n`;
    if (c.readinessProbe) out += `${L2}Readiness:\t${probeText(c.readinessProbe)}\n`;
    if (c.startupProbe) out += `${L2}Startup:\t${probeText(c.startupProbe)}\n`;
    if (!c.env?.length) out += `${L2}Environment:\t<none>\n`;
    else {
      out += `${L2}Environment:\n`;
      for (const e of c.env) {
        if (e.valueFrom?.fieldRef)
          out += `${L3}${e.name}:\t (${e.valueFrom.fieldRef.apiVersion ?? 'v1'}:${e.valueFrom.fieldRef.fieldPath})\n`;
        else if (e.valueFrom) out += `${L3}${e.name}:\t<set to the key of a source>\n`;
        else out += `${L3}${e.name}:\t${e.value ?? ''}\n`;
      }
    }
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1));
    out += `${L2}Mounts:${mounts.length ? '' : '\t<none>'}\n`;
    for (const m of mounts)
      out += `${L3}${m.mountPath} from ${m.name} (${[m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])].join(',')})\n`;
  }
  return out;
}

/** describeVolumes; `space` as in containersText. */
export function volumesText(volumes: Volume[], space = ''): string {
  if (!volumes.length) return `${space}Volumes:\t<none>\n`;
  let out = `${space}Volumes:\n`;
  for (const v of volumes) {
    out += `${L1}${space ? ' ' : ''}${v.name}:\n`;
    if (v.projected) {
      out += `${L2}Type:\tProjected (a volume that contains injected data from multiple sources)\n`;
      for (const s of v.projected.sources ?? []) {
        if (s.downwardAPI) out += `${L2}DownwardAPI:\ttrue\n`;
        else if (s.configMap)
          out += `${L2}ConfigMapName:\t${s.configMap.name}\n${L2}ConfigMapOptional:\t${s.configMap.optional ?? '<nil>'}\n`;
        else if (s.serviceAccountToken)
          out += `${L2}TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`;
      }
    } else if (v.emptyDir) {
      out += `${L2}Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n${L2}Medium:\t${v.emptyDir.medium ?? ''}\n${L2}SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`;
    } else if (v.configMap) {
      out += `${L2}Type:\tConfigMap (a volume populated by a ConfigMap)\n${L2}Name:\t${v.configMap.name}\n${L2}Optional:\t${v.configMap.optional ?? false}\n`;
    } else out += `${L1}<unknown>\n`;
  }
  return out;
}

interface EventShape {
  type?: string;
  reason?: string;
  message?: string;
  note?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count: number; lastObservedTime: string };
  source?: { component?: string };
  reportingComponent?: string;
  reportingController?: string;
  involvedObject?: { uid?: string; name?: string; kind?: string; namespace?: string };
  regarding?: { uid?: string; name?: string; kind?: string; namespace?: string };
  metadata: { resourceVersion?: string };
}

/** The Events about an object, as describe fetches them (by involvedObject), oldest lastTimestamp first. */
export function eventsFor(obj: ApiObject, events: ApiObject[]): ApiObject[] {
  const uid = obj.metadata.uid;
  return events
    .filter((o) => {
      const e = o as unknown as EventShape;
      const about = e.involvedObject ?? e.regarding;
      return about?.uid === uid && about?.name === obj.metadata.name;
    })
    .map((o, i) => ({ o, i }))
    .sort((a, b) => {
      // event.SortableEvents orders by lastTimestamp; an unset one is the zero time.
      const ta = Date.parse((a.o as unknown as EventShape).lastTimestamp ?? '') || 0;
      const tb = Date.parse((b.o as unknown as EventShape).lastTimestamp ?? '') || 0;
      return ta - tb || a.i - b.i;
    })
    .map(({ o }) => o);
}

/** DescribeEvents: the Events table, or `Events:  <none>`. */
export function eventsText(events: ApiObject[], now: number): string {
  if (!events.length) return 'Events:\t<none>\n';
  let out = `Events:\n  Type\tReason\tAge\tFrom\tMessage\n${L1}----\t------\t----\t----\t-------\n`;
  for (const o of events) {
    const e = o as unknown as EventShape;
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    const interval = e.series
      ? `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`
      : (e.count ?? 0) > 1
        ? `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`
        : first;
    const source = e.source?.component || e.reportingComponent || e.reportingController || '';
    out += `${L1}${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? e.note ?? '').trim()}\n`;
  }
  return out;
}

/** `kubectl describe pod <name>` at `now`, with the Events the cluster holds then. */
export function describePod(obj: ApiObject, allEvents: ApiObject[], now: number): string {
  const pod = obj as unknown as Pod;
  const md = pod.metadata ?? {};
  const spec = pod.spec!;
  const st = pod.status ?? {};
  let out = `Name:\t${md.name}\nNamespace:\t${md.namespace}\n`;
  if (spec.priority !== undefined) out += `Priority:\t${spec.priority}\n`;
  if (spec.priorityClassName) out += `Priority Class Name:\t${spec.priorityClassName}\n`;
  out += `Service Account:\t${spec.serviceAccountName ?? ''}\n`;
  out += spec.nodeName ? `Node:\t${spec.nodeName}/${st.hostIP ?? ''}\n` : 'Node:\t<none>\n';
  if (st.startTime) out += `Start Time:\t${rfc1123z(st.startTime)}\n`;
  out += multiline('Labels', labels(md.labels));
  out += multiline(
    'Annotations',
    Object.keys(md.annotations ?? {})
      .sort()
      .map((k) => `${k}: ${md.annotations![k]}`),
  );
  if (md.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    out += `Status:\tTerminating (lasts ${humanDuration(Date.parse(md.deletionTimestamp) - now)})\n`;
    out += `Termination Grace Period:\t${md.deletionGracePeriodSeconds ?? 30}s\n`;
  } else out += `Status:\t${st.phase ?? ''}\n`;
  if (st.reason) out += `Reason:\t${st.reason}\n`;
  if (st.message) out += `Message:\t${st.message}\n`;
  out += `IP:\t${st.podIP ?? ''}\n`;
  out += st.podIPs?.length ? 'IPs:\n' + st.podIPs.map((ip) => `${L1}IP:\t${ip.ip}\n`).join('') : 'IPs:\t<none>\n';
  const owner = (md.ownerReferences ?? []).find((r) => r.controller);
  if (owner) out += `Controlled By:\t${owner.kind}/${owner.name}\n`;
  if (st.nominatedNodeName) out += `NominatedNodeName:\t${st.nominatedNodeName}\n`;
  if (spec.initContainers?.length)
    out += containersText('Init Containers', spec.initContainers, st.initContainerStatuses ?? []);
  out += containersText('Containers', spec.containers, st.containerStatuses ?? []);
  if (st.conditions?.length)
    out += 'Conditions:\n  Type\tStatus\n' + st.conditions.map((c) => `${L1}${c.type} \t${c.status} \n`).join('');
  out += volumesText(spec.volumes ?? []);
  out += `QoS Class:\t${st.qosClass ?? 'BestEffort'}\n`;
  out += multiline('Node-Selectors', labels(spec.nodeSelector));
  out += multiline('Tolerations', (spec.tolerations ?? []).map(tolerationText));
  out += eventsText(eventsFor(obj, allEvents), now);
  return describeTable(out);
}
