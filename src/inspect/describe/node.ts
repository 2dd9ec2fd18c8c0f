/**
 * `kubectl describe` for Nodes and Namespaces as kubectl v1.33 prints them:
 * describe.go describeNode (findNodeRoles, printNodeTaintsMultiline,
 * describeNodeLease, describeNodeResource, getPodsTotalRequestsAndLimits)
 * and describeNamespace (DescribeResourceQuotas, DescribeLimitRanges).
 */
import type { Container, LimitRange, Namespace, Node, Pod, ResourceQuota, Taint } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { formatMilli, milli } from '../../engine/apiserver/admission/resource-list';
import type { ApiObject } from '../../engine/types';
import { rfc1123z, since } from '../duration';
import { eventsText } from '../kubectl-describe';
import {
  type DescribeContext,
  L1,
  annotationsMultiline,
  eventsAbout,
  labelsMultiline,
  quantityString,
  sumQuantities,
} from './prefix';

/** A condition time: Go formats an unset metav1.Time as the zero time. */
const condTime = (t: string | undefined): string => (t ? rfc1123z(t) : 'Mon, 01 Jan 0001 00:00:00 +0000');

/** findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role=<role>, sorted. */
export function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** Taint.ToString(). */
export function taintText(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

type Res = 'requests' | 'limits';

/**
 * resourcehelper.PodRequests/PodLimits for one resource: the containers'
 * sum; a restartable (sidecar) init container adds to it, any other init
 * container raises it to its own value if larger; plus the pod overhead.
 */
export function podResource(pod: Pod, which: Res, name: string): { milli: number; binary: boolean } {
  const val = (c: Container): string | undefined => c.resources?.[which]?.[name] as string | undefined;
  const spec = pod.spec!;
  const all: (string | undefined)[] = spec.containers.map(val);
  let total = sumQuantities(all).milli;
  let sidecars = 0;
  for (const c of spec.initContainers ?? []) {
    if (c.restartPolicy === 'Always') {
      sidecars += milli(val(c));
      total += milli(val(c));
    } else total = Math.max(total, milli(val(c)) + sidecars);
    all.push(val(c));
  }
  const overhead = spec.overhead?.[name] as string | undefined;
  if (overhead) total += milli(overhead);
  return { milli: total, binary: all.some((q) => typeof q === 'string' && q.endsWith('i')) };
}

const pct = (part: number, whole: number): number => (whole ? Math.trunc((part / whole) * 100) : 0);
const qText = (m: { milli: number; binary: boolean }): string => formatMilli(m.milli, m.binary);

function nodeResourceText(node: Node, pods: Pod[], now: number): string {
  let out = `Non-terminated Pods:\t(${pods.length} in total)\n`;
  out += `${L1}Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n`;
  out += `${L1}---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n`;
  const alloc = Object.keys(node.status?.allocatable ?? {}).length
    ? node.status!.allocatable!
    : (node.status?.capacity ?? {});
  const cpuAlloc = milli(alloc.cpu as string | undefined);
  const memAlloc = milli(alloc.memory as string | undefined);
  const esAlloc = milli(alloc['ephemeral-storage'] as string | undefined);
  const totals = { cpuR: 0, cpuL: 0, memR: 0, memL: 0, esR: 0, esL: 0 };
  const bin = { mem: false, es: false };
  for (const p of pods) {
    const cr = podResource(p, 'requests', 'cpu');
    const cl = podResource(p, 'limits', 'cpu');
    const mr = podResource(p, 'requests', 'memory');
    const ml = podResource(p, 'limits', 'memory');
    const er = podResource(p, 'requests', 'ephemeral-storage');
    const el = podResource(p, 'limits', 'ephemeral-storage');
    totals.cpuR += cr.milli;
    totals.cpuL += cl.milli;
    totals.memR += mr.milli;
    totals.memL += ml.milli;
    totals.esR += er.milli;
    totals.esL += el.milli;
    bin.mem ||= mr.binary || ml.binary;
    bin.es ||= er.binary || el.binary;
    const md = p.metadata as ObjectMeta;
    out += `${L1}${md.namespace}\t${md.name}\t\t${qText(cr)} (${pct(cr.milli, cpuAlloc)}%)\t${qText(cl)} (${pct(cl.milli, cpuAlloc)}%)\t${qText(mr)} (${pct(mr.milli, memAlloc)}%)\t${qText(ml)} (${pct(ml.milli, memAlloc)}%)\t${since(md.creationTimestamp, now)}\n`;
  }
  out += 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n';
  out += `${L1}Resource\tRequests\tLimits\n${L1}--------\t--------\t------\n`;
  const row = (name: string, r: number, l: number, binary: boolean, whole: number): string =>
    `${L1}${name}\t${qText({ milli: r, binary })} (${pct(r, whole)}%)\t${qText({ milli: l, binary })} (${pct(l, whole)}%)\n`;
  out += row('cpu', totals.cpuR, totals.cpuL, false, cpuAlloc);
  out += row('memory', totals.memR, totals.memL, bin.mem, memAlloc);
  out += row('ephemeral-storage', totals.esR, totals.esL, bin.es, esAlloc);
  return out;
}

const SYSTEM_INFO: [string, string][] = [
  ['Machine ID', 'machineID'],
  ['System UUID', 'systemUUID'],
  ['Boot ID', 'bootID'],
  ['Kernel Version', 'kernelVersion'],
  ['OS Image', 'osImage'],
  ['Operating System', 'operatingSystem'],
  ['Architecture', 'architecture'],
  ['Container Runtime Version', 'containerRuntimeVersion'],
  ['Kubelet Version', 'kubeletVersion'],
];

export function describeNode(obj: ApiObject, ctx: DescribeContext): string {
  const node = obj as unknown as Node;
  const md = node.metadata as ObjectMeta;
  const spec = node.spec ?? {};
  const st = node.status ?? {};
  let out = `Name:\t${md.name}\n`;
  const roles = nodeRoles(md.labels);
  out += `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`;
  out += labelsMultiline('Labels', md.labels);
  out += annotationsMultiline('Annotations', md.annotations);
  out += `CreationTimestamp:\t${rfc1123z(md.creationTimestamp ?? '')}\n`;
  const taints = [...(spec.taints ?? [])].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  out += taints.length
    ? taints.map((t, i) => `${i === 0 ? 'Taints:' : ''}\t${taintText(t)}\n`).join('')
    : 'Taints:\t<none>\n';
  out += `Unschedulable:\t${spec.unschedulable ? 'true' : 'false'}\n`;
  const lease = ctx
    .list('Lease')
    .find((o) => o.metadata.namespace === 'kube-node-lease' && o.metadata.name === md.name) as unknown as
    Lease | undefined;
  if (lease) {
    const ls = lease.spec ?? {};
    out += `Lease:\n${L1}HolderIdentity:\t${ls.holderIdentity ?? '<unset>'}\n`;
    out += `${L1}AcquireTime:\t${ls.acquireTime ? rfc1123z(ls.acquireTime) : '<unset>'}\n`;
    out += `${L1}RenewTime:\t${ls.renewTime ? rfc1123z(ls.renewTime) : '<unset>'}\n`;
  } else out += `Lease:\tFailed to get lease: leases.coordination.k8s.io "${md.name}" not found\n`;
  if (st.conditions?.length) {
    out += 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n';
    out += `${L1}----\t------\t-----------------\t------------------\t------\t-------\n`;
    for (const c of st.conditions)
      out += `${L1}${c.type} \t${c.status} \t${condTime(c.lastHeartbeatTime)} \t${condTime(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`;
  }
  out += 'Addresses:\n' + (st.addresses ?? []).map((a) => `${L1}${a.type}:\t${a.address}\n`).join('');
  const resources = (title: string, list: Record<string, unknown> | undefined): string =>
    Object.keys(list ?? {}).length
      ? `${title}:\n` +
        Object.keys(list!)
          .sort()
          .map((k) => `  ${k}:\t${quantityString(list![k] as string)}\n`)
          .join('')
      : '';
  out += resources('Capacity', st.capacity);
  out += resources('Allocatable', st.allocatable);
  const info = (st.nodeInfo ?? {}) as unknown as Record<string, string | undefined>;
  out += 'System Info:\n' + SYSTEM_INFO.map(([label, key]) => `  ${label}:\t${info[key] ?? ''}\n`).join('');
  if (spec.podCIDR) out += `PodCIDR:\t${spec.podCIDR}\n`;
  if (spec.podCIDRs?.length) out += `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`;
  if (spec.providerID) out += `ProviderID:\t${spec.providerID}\n`;
  const pods = (ctx.list('Pod') as unknown as Pod[]).filter(
    (p) => p.spec?.nodeName === md.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
  );
  out += nodeResourceText(node, pods, ctx.now);
  // The kubelet reports about its Node with uid = the node's name; kubectl asks for both.
  return out + eventsText(eventsAbout(obj, ctx.events, [md.name ?? '']), ctx.now);
}

function quotasText(quotas: ResourceQuota[]): string {
  if (!quotas.length) return 'No resource quota.\n';
  let out = 'Resource Quotas\n';
  for (const q of [...quotas].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1))) {
    out += `${L1}Name:\t${q.metadata?.name}\n`;
    out += `${L1}Resource\tUsed\tHard\n${L1}--------\t---\t---\n`;
    const hard = q.status?.hard ?? {};
    for (const r of Object.keys(hard).sort())
      out += `${L1}${r}\t${quantityString(q.status?.used?.[r] as string | undefined)}\t${quantityString(hard[r] as string)}\n`;
  }
  return out;
}

function limitRangesText(lrs: LimitRange[]): string {
  if (!lrs.length) return 'No LimitRange resource.\n';
  let out =
    'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n' +
    ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n';
  for (const lr of lrs)
    for (const item of lr.spec?.limits ?? []) {
      const maps = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
      // kubectl walks a Go map here (random order); podflow sorts the names.
      const names = [...new Set(maps.flatMap((m) => Object.keys(m ?? {})))].sort();
      for (const k of names)
        out += ` ${item.type}\t${k}\t${maps.map((m) => (m?.[k] !== undefined ? quantityString(m[k] as string) : '-')).join('\t')}\n`;
    }
  return out;
}

export function describeNamespace(obj: ApiObject, ctx: DescribeContext): string {
  const ns = obj as unknown as Namespace;
  const md = ns.metadata as ObjectMeta;
  let out = `Name:\t${md.name}\n`;
  out += labelsMultiline('Labels', md.labels);
  out += annotationsMultiline('Annotations', md.annotations);
  out += `Status:\t${ns.status?.phase ?? ''}\n`;
  if (ns.status?.conditions?.length) {
    out += `Conditions:\n${L1}Type\tStatus\tLastTransitionTime\tReason\tMessage\n${L1}----\t------\t------------------\t------\t-------\n`;
    for (const c of ns.status.conditions)
      out += `${L1}${c.type}\t${c.status}\t${condTime(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`;
  }
  const inNs = (kind: string): ApiObject[] => ctx.list(kind).filter((o) => o.metadata.namespace === md.name);
  out += '\n' + quotasText(inNs('ResourceQuota') as unknown as ResourceQuota[]);
  out += '\n' + limitRangesText(inNs('LimitRange') as unknown as LimitRange[]);
  return out;
}
