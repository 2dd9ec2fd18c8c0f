/**
 * `kubectl describe` for Services, EndpointSlices, Ingresses and
 * NetworkPolicies as kubectl v1.33 prints them: describe.go describeService,
 * formatEndpointSlices, describeEndpointSliceV1, describeIngressV1
 * (describeBackendV1, serviceBackendStringer), describeNetworkPolicy.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type {
  Ingress,
  IngressBackend,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicySpec,
} from 'kubernetes-types/networking/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { ApiObject } from '../../engine/types';
import { eventsText } from '../kubectl-describe';
import {
  type DescribeContext,
  L1,
  L2,
  L3,
  annotationsMultiline,
  eventsAbout,
  formatLabelSelector,
  formatLabels,
  labelsMultiline,
} from './prefix';

/** The EndpointSlices of a Service: label kubernetes.io/service-name in its namespace. */
function slicesOf(ctx: DescribeContext, namespace: string | undefined, service: string): EndpointSlice[] {
  return ctx
    .list('EndpointSlice')
    .filter(
      (o) =>
        o.metadata.namespace === namespace &&
        (o.metadata.labels as Record<string, string> | undefined)?.['kubernetes.io/service-name'] === service,
    ) as unknown as EndpointSlice[];
}

const hostPort = (addr: string, port: number): string => (addr.includes(':') ? `[${addr}]:${port}` : `${addr}:${port}`);

/**
 * formatEndpointSlices: ready endpoints (ready unset counts as ready) of the
 * named ports as `ip:port`, three at most, then ` + N more...`; `<none>`
 * without slices.
 */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string | null): string {
  if (!slices.length) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const take = (text: string, ready: boolean): void => {
    if (list.length === 3) more = true;
    if (!ready) return;
    if (!more) list.push(text);
    count++;
  };
  for (const s of slices) {
    if (!s.ports?.length) {
      for (const e of s.endpoints ?? []) take(e.addresses[0]!, e.conditions?.ready ?? true);
    } else {
      for (const p of s.ports) {
        if (portName !== null && (p.name ?? '') !== portName) continue;
        for (const e of s.endpoints ?? []) take(hostPort(e.addresses[0]!, p.port ?? 0), e.conditions?.ready ?? true);
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - 3} more...` : ret;
}

export function describeService(obj: ApiObject, ctx: DescribeContext): string {
  const svc = obj as unknown as Service;
  const md = svc.metadata as ObjectMeta;
  const spec = svc.spec ?? {};
  let out = `Name:\t${md.name}\nNamespace:\t${md.namespace}\n`;
  out += labelsMultiline('Labels', md.labels);
  out += annotationsMultiline('Annotations', md.annotations);
  out += `Selector:\t${formatLabels(spec.selector)}\n`;
  out += `Type:\t${spec.type ?? ''}\n`;
  if (spec.ipFamilyPolicy) out += `IP Family Policy:\t${spec.ipFamilyPolicy}\n`;
  out += `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`;
  out += `IP:\t${spec.clusterIP ?? ''}\n`;
  out += `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`;
  if (spec.externalIPs?.length) out += `External IPs:\t${spec.externalIPs.join(',')}\n`;
  if (spec.loadBalancerIP) out += `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`;
  if (spec.externalName) out += `External Name:\t${spec.externalName}\n`;
  const lb = svc.status?.loadBalancer?.ingress ?? [];
  if (lb.length)
    out += `LoadBalancer Ingress:\t${lb.map((i) => (i.ip ? i.ip + (i.ipMode ? ` (${i.ipMode})` : '') : (i.hostname ?? ''))).join(', ')}\n`;
  const slices = slicesOf(ctx, md.namespace, md.name ?? '');
  for (const sp of spec.ports ?? []) {
    const name = sp.name || '<unset>';
    const proto = sp.protocol ?? 'TCP';
    out += `Port:\t${name}\t${sp.port}/${proto}\n`;
    out += `TargetPort:\t${sp.targetPort ?? sp.port}/${proto}\n`;
    if (sp.appProtocol) out += `AppProtocol:\t${sp.appProtocol}\n`;
    if (sp.nodePort) out += `NodePort:\t${name}\t${sp.nodePort}/${proto}\n`;
    out += `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`;
  }
  out += `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`;
  if (spec.externalTrafficPolicy) out += `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`;
  if (spec.internalTrafficPolicy) out += `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`;
  if (spec.healthCheckNodePort) out += `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`;
  if (spec.loadBalancerSourceRanges?.length)
    out += `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`;
  if (spec.trafficDistribution) out += `Traffic Distribution:\t${spec.trafficDistribution}\n`;
  return out + eventsText(eventsAbout(obj, ctx.events), ctx.now);
}

export function describeEndpointSlice(obj: ApiObject, ctx: DescribeContext): string {
  const eps = obj as unknown as EndpointSlice;
  const md = eps.metadata as ObjectMeta;
  let out = `Name:\t${md.name}\nNamespace:\t${md.namespace}\n`;
  out += labelsMultiline('Labels', md.labels);
  out += annotationsMultiline('Annotations', md.annotations);
  out += `AddressType:\t${eps.addressType}\n`;
  if (!eps.ports?.length) out += 'Ports: <unset>\n';
  else
    out +=
      `Ports:\n${L1}Name\tPort\tProtocol\n${L1}----\t----\t--------\n` +
      eps.ports.map((p) => `${L1}${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}\n`).join('');
  if (!eps.endpoints?.length) out += 'Endpoints: <none>\n';
  else {
    out += 'Endpoints:\n';
    for (const e of eps.endpoints) {
      out += `${L1}- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`;
      out += `${L2}Conditions:\n${L3}Ready:\t${e.conditions?.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`;
      out += `${L2}Hostname:\t${e.hostname ?? '<unset>'}\n`;
      if (e.targetRef) out += `${L2}TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`;
      out += `${L2}NodeName:\t${e.nodeName ?? '<unset>'}\n`;
      out += `${L2}Zone:\t${e.zone ?? '<unset>'}\n`;
    }
  }
  return out + eventsText(eventsAbout(obj, ctx.events), ctx.now);
}

/** describeBackendV1: `svc:port (endpoints)`, or the resource backend. */
function backendText(ctx: DescribeContext, ns: string | undefined, b: IngressBackend): string {
  if (b.service) {
    const sb = `${b.service.name}:${b.service.port?.number || (b.service.port?.name ?? '')}`;
    const svc = ctx
      .list('Service')
      .find((o) => o.metadata.namespace === ns && o.metadata.name === b.service!.name) as unknown as
      Service | undefined;
    if (!svc) return `${sb} (<error: services "${b.service.name}" not found>)`;
    let spName = '';
    for (const sp of svc.spec?.ports ?? []) {
      if (b.service.port?.number && b.service.port.number === sp.port) spName = sp.name ?? '';
      else if (b.service.port?.name && b.service.port.name === sp.name) spName = sp.name ?? '';
    }
    return `${sb} (${formatEndpointSlices(slicesOf(ctx, ns, b.service.name), spName)})`;
  }
  if (b.resource)
    return `APIGroup: ${b.resource.apiGroup ?? '<none>'}, Kind: ${b.resource.kind}, Name: ${b.resource.name}`;
  return '';
}

export function describeIngress(obj: ApiObject, ctx: DescribeContext): string {
  const ing = obj as unknown as Ingress;
  const md = ing.metadata as ObjectMeta;
  const spec = ing.spec ?? {};
  let out = `Name:\t${md.name}\n`;
  out += labelsMultiline('Labels', md.labels);
  out += `Namespace:\t${md.namespace}\n`;
  // ingressLoadBalancerStatusStringerV1 (wide): the distinct IPs or hostnames, sorted.
  const addrs = [
    ...new Set((ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean)),
  ].sort();
  out += `Address:\t${addrs.join(',')}\n`;
  out += `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`;
  const def = spec.defaultBackend ? backendText(ctx, md.namespace, spec.defaultBackend) : '<default>';
  out += `Default backend:\t${def}\n`;
  if (spec.tls?.length)
    out +=
      'TLS:\n' +
      spec.tls
        .map((t) =>
          t.secretName
            ? `${L1}${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n`
            : `${L1}SNI routes ${(t.hosts ?? []).join(',')}\n`,
        )
        .join('');
  out += `Rules:\n${L1}Host\tPath\tBackends\n${L1}----\t----\t--------\n`;
  let count = 0;
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue;
    count++;
    out += `${L1}${rule.host || '*'}\t\n`;
    for (const p of rule.http.paths) out += `${L2}\t${p.path ?? ''} \t${backendText(ctx, md.namespace, p.backend)}\n`;
  }
  if (count === 0) out += `${L1}*\t*\t${def}\n`;
  out += annotationsMultiline('Annotations', md.annotations);
  return out + eventsText(eventsAbout(obj, ctx.events), ctx.now);
}

/** Go's time.Time.String() in UTC: `2026-01-15 09:00:00 +0000 UTC`. */
function goTimeString(ts: string | undefined): string {
  if (!ts) return '0001-01-01 00:00:00 +0000 UTC';
  return `${new Date(ts).toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
}

function portsText(ports: NetworkPolicyPort[] | undefined, indent: string): string {
  if (!ports?.length) return `${indent}To Port: <any> (traffic allowed to all ports)\n`;
  return ports
    .map((p) =>
      p.endPort === undefined
        ? `${indent}To Port: ${p.port ?? ''}/${p.protocol ?? 'TCP'}\n`
        : `${indent}To Port Range: ${p.port ?? ''}-${p.endPort}/${p.protocol ?? 'TCP'}\n`,
    )
    .join('');
}

function peersText(peers: NetworkPolicyPeer[] | undefined, indent: string, word: 'From' | 'To'): string {
  if (!peers?.length)
    return word === 'From'
      ? `${indent}From: <any> (traffic not restricted by source)\n`
      : `${indent}To: <any> (traffic not restricted by destination)\n`;
  let out = '';
  for (const p of peers) {
    out += `${indent}${word}:\n`;
    if (p.podSelector && p.namespaceSelector)
      out +=
        `${L1}${indent}NamespaceSelector: ${formatLabelSelector(p.namespaceSelector)}\n` +
        `${L1}${indent}PodSelector: ${formatLabelSelector(p.podSelector)}\n`;
    else if (p.podSelector) out += `${L1}${indent}PodSelector: ${formatLabelSelector(p.podSelector)}\n`;
    else if (p.namespaceSelector)
      out += `${L1}${indent}NamespaceSelector: ${formatLabelSelector(p.namespaceSelector)}\n`;
    else if (p.ipBlock)
      out += `${L1}${indent}IPBlock:\n${L2}${indent}CIDR: ${p.ipBlock.cidr}\n${L2}${indent}Except: ${(p.ipBlock.except ?? []).join(', ')}\n`;
  }
  return out;
}

/** describeNetworkPolicy (no Events: kubectl does not search them for NetworkPolicies). */
export function describeNetworkPolicy(obj: ApiObject): string {
  const np = obj as unknown as NetworkPolicy;
  const md = np.metadata as ObjectMeta;
  const spec: NetworkPolicySpec = np.spec ?? { podSelector: {} };
  let out = `Name:\t${md.name}\nNamespace:\t${md.namespace}\n`;
  out += `Created on:\t${goTimeString(md.creationTimestamp)}\n`;
  out += labelsMultiline('Labels', md.labels);
  out += annotationsMultiline('Annotations', md.annotations);
  out += 'Spec:\n';
  const sel = spec.podSelector ?? {};
  out +=
    !Object.keys(sel.matchLabels ?? {}).length && !sel.matchExpressions?.length
      ? `${L1}PodSelector: ${L2}<none> (Allowing the specific traffic to all pods in this namespace)\n`
      : `${L1}PodSelector: ${L2}${formatLabelSelector(sel)}\n`;
  const types = spec.policyTypes ?? [];
  const indent = '    ';
  if (types.includes('Ingress')) {
    out += `${L1}Allowing ingress traffic:\n`;
    if (!spec.ingress?.length) out += `${indent}<none> (Selected pods are isolated for ingress connectivity)\n`;
    spec.ingress?.forEach((r, i) => {
      out += portsText(r.ports, indent) + peersText(r.from, indent, 'From');
      if (i !== spec.ingress!.length - 1) out += `${indent}----------\n`;
    });
  } else out += `${L1}Not affecting ingress traffic\n`;
  if (types.includes('Egress')) {
    out += `${L1}Allowing egress traffic:\n`;
    if (!spec.egress?.length) out += `${indent}<none> (Selected pods are isolated for egress connectivity)\n`;
    spec.egress?.forEach((r, i) => {
      out += portsText(r.ports, indent) + peersText(r.to, indent, 'To');
      if (i !== spec.egress!.length - 1) out += `${indent}----------\n`;
    });
  } else out += `${L1}Not affecting egress traffic\n`;
  out += `${L1}Policy Types: ${types.length ? types.join(', ') : '<none>'}\n`;
  return out;
}
