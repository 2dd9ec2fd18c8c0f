/**
 * `kubectl describe` for ConfigMaps, Secrets, ServiceAccounts,
 * PersistentVolumeClaims and PersistentVolumes as kubectl v1.33 prints them
 * (describe.go ConfigMapDescriber, describeSecret, describeServiceAccount,
 * describePersistentVolumeClaim, describePersistentVolume).
 */
import type {
  ConfigMap,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Secret,
  ServiceAccount,
} from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { ApiObject } from '../../engine/types';
import { humanDuration, rfc1123z } from '../duration';
import { eventsText } from '../kubectl-describe';
import {
  type DescribeContext,
  L1,
  L2,
  annotationsMultiline,
  eventsAbout,
  goSlice,
  labelsMultiline,
  quantityString,
} from './prefix';

const sortedKeys = (m: Record<string, unknown> | undefined): string[] => Object.keys(m ?? {}).sort();

/** The bytes of a base64 value (Secret data travels base64-encoded). */
function base64Length(b64: string): number {
  const clean = b64.replace(/\s/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - pad;
}

export function describeConfigMap(obj: ApiObject, ctx: DescribeContext): string {
  const cm = obj as unknown as ConfigMap;
  const md = cm.metadata as ObjectMeta;
  let out = `Name:\t${md.name}\nNamespace:\t${md.namespace}\n`;
  out += labelsMultiline('Labels', md.labels);
  out += annotationsMultiline('Annotations', md.annotations);
  out += '\nData\n====\n';
  for (const k of sortedKeys(cm.data)) out += `${k}:\n----\n${cm.data![k]}\n\n`;
  out += '\nBinaryData\n====\n';
  for (const k of sortedKeys(cm.binaryData)) out += `${k}: ${base64Length(cm.binaryData![k]!)} bytes\n`;
  out += '\n';
  return out + eventsText(eventsAbout(obj, ctx.events), ctx.now);
}

/** describeSecret: the values' sizes only (a service account token is the one value shown); no Events. */
export function describeSecret(obj: ApiObject): string {
  const s = obj as unknown as Secret;
  const md = s.metadata as ObjectMeta;
  let out = `Name:\t${md.name}\nNamespace:\t${md.namespace}\n`;
  out += labelsMultiline('Labels', md.labels);
  out += annotationsMultiline('Annotations', md.annotations);
  out += `\nType:\t${s.type ?? 'Opaque'}\n`;
  out += '\nData\n====\n';
  // stringData is write-only: the apiserver merges it into data, so a stored Secret may still carry it in podflow.
  const data: Record<string, number> = {};
  for (const k of sortedKeys(s.data)) data[k] = base64Length(s.data![k]!);
  for (const k of sortedKeys(s.stringData)) data[k] = new TextEncoder().encode(s.stringData![k]!).length;
  for (const k of Object.keys(data).sort()) {
    if (k === 'token' && s.type === 'kubernetes.io/service-account-token' && s.data?.[k])
      out += `${k}:\t${atob(s.data[k])}\n`;
    else out += `${k}:\t${data[k]} bytes\n`;
  }
  return out;
}

/**
 * describeServiceAccount (v1.33 still prints Mountable secrets and Tokens;
 * #117160 dropped them later): tokens are the service-account-token Secrets
 * annotated with the account's name.
 */
export function describeServiceAccount(obj: ApiObject, ctx: DescribeContext): string {
  const sa = obj as unknown as ServiceAccount;
  const md = sa.metadata as ObjectMeta;
  let out = `Name:\t${md.name}\nNamespace:\t${md.namespace}\n`;
  out += labelsMultiline('Labels', md.labels);
  out += annotationsMultiline('Annotations', md.annotations);
  const tokens = (ctx.list('Secret') as unknown as Secret[]).filter((s) => {
    const a = s.metadata?.annotations ?? {};
    return (
      s.metadata?.namespace === md.namespace &&
      s.type === 'kubernetes.io/service-account-token' &&
      a['kubernetes.io/service-account.name'] === md.name &&
      (!a['kubernetes.io/service-account.uid'] || a['kubernetes.io/service-account.uid'] === md.uid)
    );
  });
  const rows: [string, string[]][] = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s) => s.name ?? '')],
    ['Mountable secrets: ', (sa.secrets ?? []).map((s) => s.name ?? '')],
    ['Tokens:            ', tokens.map((s) => s.metadata?.name ?? '')],
  ];
  const empty = '                   ';
  for (const [header, names] of rows) {
    if (!names.length) out += `${header}\t<none>\n`;
    else names.forEach((n, i) => (out += `${i === 0 ? header : empty}\t${n}\n`));
  }
  return out + eventsText(eventsAbout(obj, ctx.events), ctx.now);
}

const ACCESS_MODES: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

/** storageutil.GetAccessModesAsString: the short names, each once, in this order. */
export function accessModesText(modes: string[] | undefined): string {
  const set = new Set(modes ?? []);
  return ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']
    .filter((m) => set.has(m))
    .map((m) => ACCESS_MODES[m])
    .join(',');
}

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** GetPersistentVolume(Claim)Class: the beta annotation wins, then spec.storageClassName. */
function storageClassOf(md: ObjectMeta, specClass: string | undefined): string {
  return md.annotations?.[BETA_CLASS] ?? specClass ?? '';
}

/** getPodsForPVC: Pods in the namespace with a volume for the claim, and Pods owning it (generic ephemeral volumes). */
function podsForPvc(pvc: PersistentVolumeClaim, pods: Pod[]): string[] {
  const md = pvc.metadata as ObjectMeta;
  const using = pods.filter((p) => (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === md.name));
  for (const ref of md.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = pods.find((p) => p.metadata?.uid === ref.uid);
    if (owner && !using.includes(owner)) using.push(owner);
  }
  return using.map((p) => p.metadata?.name ?? '').sort();
}

export function describePersistentVolumeClaim(obj: ApiObject, ctx: DescribeContext): string {
  const pvc = obj as unknown as PersistentVolumeClaim;
  const md = pvc.metadata as ObjectMeta;
  const spec = pvc.spec ?? {};
  let out = `Name:\t${md.name}\nNamespace:\t${md.namespace}\n`;
  out += `StorageClass:\t${storageClassOf(md, spec.storageClassName)}\n`;
  out += md.deletionTimestamp
    ? `Status:\tTerminating (lasts ${humanDuration(ctx.now - Date.parse(md.deletionTimestamp))})\n`
    : `Status:\t${pvc.status?.phase ?? ''}\n`;
  out += `Volume:\t${spec.volumeName ?? ''}\n`;
  out += labelsMultiline('Labels', md.labels);
  out += annotationsMultiline('Annotations', md.annotations);
  out += `Finalizers:\t${goSlice(md.finalizers)}\n`;
  const bound = !!spec.volumeName;
  out += `Capacity:\t${bound ? quantityString(pvc.status?.capacity?.storage as string | undefined) : ''}\n`;
  out += `Access Modes:\t${bound ? accessModesText(pvc.status?.accessModes) : ''}\n`;
  if (spec.volumeMode) out += `VolumeMode:\t${spec.volumeMode}\n`;
  if (spec.dataSource) {
    out += 'DataSource:\n';
    if (spec.dataSource.apiGroup) out += `${L1}APIGroup:\t${spec.dataSource.apiGroup}\n`;
    out += `${L1}Kind:\t${spec.dataSource.kind}\n${L1}Name:\t${spec.dataSource.name}\n`;
  }
  const pods = ctx.list('Pod').filter((p) => p.metadata.namespace === md.namespace) as unknown as Pod[];
  const users = podsForPvc(pvc, pods);
  out += users.length ? users.map((n, i) => `${i === 0 ? 'Used By:' : ''}\t${n}\n`).join('') : 'Used By:\t<none>\n';
  const conds = pvc.status?.conditions ?? [];
  if (conds.length) {
    const t = (x: string | undefined): string => (x ? rfc1123z(x) : 'Mon, 01 Jan 0001 00:00:00 +0000');
    out += `Conditions:\n${L1}Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n${L1}----\t------\t-----------------\t------------------\t------\t-------\n`;
    for (const c of conds)
      out += `${L1}${c.type} \t${c.status} \t${t(c.lastProbeTime)} \t${t(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`;
  }
  return out + eventsText(eventsAbout(obj, ctx.events), ctx.now);
}

/** The PV's source, for the kinds podflow's clusters provision (CSI, hostPath, local, NFS). */
function pvSourceText(pv: PersistentVolume): string {
  const s = pv.spec ?? {};
  if (s.hostPath)
    return `${L2}Type:\tHostPath (bare host directory volume)\n${L2}Path:\t${s.hostPath.path}\n${L2}HostPathType:\t${s.hostPath.type ?? '<none>'}\n`;
  if (s.nfs)
    return `${L2}Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n${L2}Server:\t${s.nfs.server}\n${L2}Path:\t${s.nfs.path}\n${L2}ReadOnly:\t${s.nfs.readOnly ?? false}\n`;
  if (s.local)
    return `${L2}Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n${L2}Path:\t${s.local.path}\n`;
  if (s.csi) {
    let out = `${L2}Type:\tCSI (a Container Storage Interface (CSI) volume source)\n${L2}Driver:\t${s.csi.driver}\n${L2}FSType:\t${s.csi.fsType ?? ''}\n${L2}VolumeHandle:\t${s.csi.volumeHandle}\n${L2}ReadOnly:\t${s.csi.readOnly ?? false}\n`;
    const attrs = sortedKeys(s.csi.volumeAttributes);
    if (!attrs.length) return out + `${L2}VolumeAttributes:\t<none>\n`;
    // Each piece goes through PrefixWriter.Write(LEVEL_2, …), so every piece gets four spaces.
    attrs.forEach((k, i) => {
      const line = `${k}=${s.csi!.volumeAttributes![k]}`;
      out += `${i === 0 ? `${L2}VolumeAttributes:` : L2 + L2}\t${L2}${line.length > 140 ? line.slice(0, 140) + '...' : line}\n`;
    });
    return out;
  }
  return `${L1}<unknown>\n`;
}

export function describePersistentVolume(obj: ApiObject, ctx: DescribeContext): string {
  const pv = obj as unknown as PersistentVolume;
  const md = pv.metadata as ObjectMeta;
  const spec = pv.spec ?? {};
  let out = `Name:\t${md.name}\n`;
  out += labelsMultiline('Labels', md.labels);
  out += annotationsMultiline('Annotations', md.annotations);
  out += `Finalizers:\t${goSlice(md.finalizers)}\n`;
  out += `StorageClass:\t${storageClassOf(md, spec.storageClassName)}\n`;
  out += md.deletionTimestamp
    ? `Status:\tTerminating (lasts ${humanDuration(ctx.now - Date.parse(md.deletionTimestamp))})\n`
    : `Status:\t${pv.status?.phase ?? ''}\n`;
  out += `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace}/${spec.claimRef.name}` : ''}\n`;
  out += `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`;
  out += `Access Modes:\t${accessModesText(spec.accessModes)}\n`;
  if (spec.volumeMode) out += `VolumeMode:\t${spec.volumeMode}\n`;
  out += `Capacity:\t${quantityString(spec.capacity?.storage as string | undefined)}\n`;
  const required = spec.nodeAffinity?.required;
  if (!required) out += 'Node Affinity:\t<none>\n';
  else {
    out += 'Node Affinity:\t\n';
    if (!required.nodeSelectorTerms.length) out += `${L1}Required Terms:\t<none>\n`;
    else {
      out += `${L1}Required Terms:\t\n`;
      required.nodeSelectorTerms.forEach((term, i) => {
        const exprs = term.matchExpressions ?? [];
        if (!exprs.length) out += `${L2}Term ${i}:\t<none>\n`;
        exprs.forEach((e, j) => {
          let text = `${e.key} ${e.operator.toLowerCase()}`;
          if (e.values?.length) text += ` [${e.values.join(', ')}]`;
          out += `${j === 0 ? `${L2}Term ${i}:` : L2}\t${text}\n`;
        });
      });
    }
  }
  out += `Message:\t${pv.status?.message ?? ''}\n`;
  out += 'Source:\n' + pvSourceText(pv);
  return out + eventsText(eventsAbout(obj, ctx.events), ctx.now);
}
