/**
 * `kubectl describe` for Deployments and ReplicaSets as kubectl v1.33 prints
 * them: describe.go describeDeployment, describeReplicaSet,
 * DescribePodTemplate, printReplicaSetsByLabels, getPodStatusForController.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ApiObject } from '../../engine/types';
import { rfc1123z } from '../duration';
import { containersText, eventsText, tolerationText, volumesText } from '../kubectl-describe';
import {
  type DescribeContext,
  L1,
  annotationsMultiline,
  controllerOf,
  eventsAbout,
  formatLabelSelector,
  labelsMultiline,
  selectorString,
} from './prefix';

/** DescribePodTemplate: the template's labels, containers, volumes, node selectors and tolerations, indented. */
export function podTemplateText(template: PodTemplateSpec | undefined): string {
  let out = 'Pod Template:\n';
  if (!template) return out + `${L1}<unset>`;
  const spec = template.spec ?? { containers: [] };
  const md = template.metadata ?? {};
  out += labelsMultiline('  Labels', md.labels);
  if (Object.keys(md.annotations ?? {}).length) out += annotationsMultiline('  Annotations', md.annotations);
  if (spec.serviceAccountName) out += `${L1}Service Account:\t${spec.serviceAccountName}\n`;
  if (spec.initContainers?.length) out += containersText('Init Containers', spec.initContainers, [], '  ');
  out += containersText('Containers', spec.containers, [], '  ');
  out += volumesText(spec.volumes ?? [], '  ');
  if (spec.priorityClassName) out += `${L1}Priority Class Name:\t${spec.priorityClassName}\n`;
  out += labelsMultiline('  Node-Selectors', spec.nodeSelector);
  const tolerations = [...(spec.tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : 0));
  if (!tolerations.length) out += '  Tolerations:\t<none>\n';
  else tolerations.forEach((t, i) => (out += `${i === 0 ? '  Tolerations:' : ''}\t${tolerationText(t)}\n`));
  return out;
}

const ownedBy = (o: ApiObject, uid: string | undefined): boolean =>
  ((o.metadata.ownerReferences as OwnerReference[] | undefined) ?? []).some((r) => r.controller && r.uid === uid);

/** A stable text of a value with object keys sorted, to compare pod templates. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** The template without pod-template-hash, as deploymentutil.EqualIgnoreHash compares them. */
function templateKey(t: PodTemplateSpec | undefined): string {
  const copy = structuredClone(t ?? {});
  if (copy.metadata?.labels) delete copy.metadata.labels['pod-template-hash'];
  return canonical(copy);
}

/**
 * deploymentutil.GetAllReplicaSets: the ReplicaSets the Deployment controls;
 * the new one has the Deployment's template (ignoring pod-template-hash),
 * the others are old.
 */
export function replicaSetsOf(d: Deployment & ApiObject, all: ApiObject[]): { old: ReplicaSet[]; new: ReplicaSet[] } {
  const owned = all.filter((o) => ownedBy(o, d.metadata.uid)) as unknown as ReplicaSet[];
  const key = templateKey(d.spec?.template);
  const newRs = owned.find((rs) => templateKey(rs.spec?.template) === key);
  return { old: owned.filter((rs) => rs !== newRs), new: newRs ? [newRs] : [] };
}

function replicaSetsByLabels(rss: ReplicaSet[]): string {
  const list = rss.map(
    (rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`,
  );
  return list.length ? list.join(', ') : '<none>';
}

/** IntOrString.String(). */
const intOrString = (v: string | number | undefined, dflt: string): string => (v === undefined ? dflt : String(v));

export function describeDeployment(obj: ApiObject, ctx: DescribeContext): string {
  const d = obj as unknown as Deployment & ApiObject;
  const md = d.metadata as ObjectMeta;
  const spec = d.spec!;
  const st = d.status ?? {};
  let out = `Name:\t${md.name}\nNamespace:\t${md.namespace}\n`;
  out += `CreationTimestamp:\t${rfc1123z(md.creationTimestamp ?? '')}\n`;
  out += labelsMultiline('Labels', md.labels);
  out += annotationsMultiline('Annotations', md.annotations);
  out += `Selector:\t${selectorString(spec.selector)}\n`;
  out += `Replicas:\t${spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`;
  out += `StrategyType:\t${spec.strategy?.type ?? ''}\n`;
  out += `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`;
  const ru = spec.strategy?.rollingUpdate;
  if (ru)
    out += `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable, '0')} max unavailable, ${intOrString(ru.maxSurge, '0')} max surge\n`;
  out += podTemplateText(spec.template);
  if (st.conditions?.length)
    out +=
      'Conditions:\n  Type\tStatus\tReason\n  ----\t------\t------\n' +
      st.conditions.map((c) => `${L1}${c.type} \t${c.status}\t${c.reason ?? ''}\n`).join('');
  const rss = replicaSetsOf(
    d,
    ctx.list('ReplicaSet').filter((o) => o.metadata.namespace === md.namespace),
  );
  if (rss.old.length || rss.new.length)
    out += `OldReplicaSets:\t${replicaSetsByLabels(rss.old)}\nNewReplicaSet:\t${replicaSetsByLabels(rss.new)}\n`;
  return out + eventsText(eventsAbout(obj, ctx.events), ctx.now);
}

/** getPodStatusForController: the controller's Pods (by controllerRef uid) counted by phase. */
export function podStatusFor(uid: string | undefined, pods: ApiObject[]): string {
  const n = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of pods) {
    if (!ownedBy(p, uid)) continue;
    const phase = (p as unknown as Pod).status?.phase as keyof typeof n | undefined;
    if (phase && phase in n) n[phase]++;
  }
  return `${n.Running} Running / ${n.Pending} Waiting / ${n.Succeeded} Succeeded / ${n.Failed} Failed`;
}

export function describeReplicaSet(obj: ApiObject, ctx: DescribeContext): string {
  const rs = obj as unknown as ReplicaSet & ApiObject;
  const md = rs.metadata as ObjectMeta;
  const st = rs.status ?? { replicas: 0 };
  let out = `Name:\t${md.name}\nNamespace:\t${md.namespace}\n`;
  out += `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`;
  out += labelsMultiline('Labels', md.labels);
  out += annotationsMultiline('Annotations', md.annotations);
  const owner = controllerOf(obj);
  if (owner) out += `Controlled By:\t${owner}\n`;
  out += `Replicas:\t${st.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`;
  const pods = ctx.list('Pod').filter((p) => p.metadata.namespace === md.namespace);
  out += `Pods Status:\t${podStatusFor(md.uid, pods)}\n`;
  out += podTemplateText(rs.spec?.template);
  if (st.conditions?.length)
    out +=
      'Conditions:\n  Type\tStatus\tReason\n  ----\t------\t------\n' +
      st.conditions.map((c) => `${L1}${c.type} \t${c.status}\t${c.reason ?? ''}\n`).join('');
  return out + eventsText(eventsAbout(obj, ctx.events), ctx.now);
}
