/**
 * The prompt's read-only commands, `kubectl get` and `kubectl describe`,
 * answered from the objects at the cursor (every view is a function of trace
 * and cursor). Table columns follow pkg/printers/internalversion/printers.go
 * (the server-side printers kubectl shows), `-o name` the name printer,
 * `-o yaml` sigs.k8s.io/yaml (keys sorted, lists not indented), `-o json`
 * the JSON printer (four spaces).
 */
import { dump } from 'js-yaml';
import type { Pod } from 'kubernetes-types/core/v1';
import { byKind, type ResourceInfo } from '../engine/apiserver/resources';
import type { KubectlCmd } from '../engine/kubectl/argv';
import { errorText, kindString } from '../engine/kubectl/print';
import type { ApiObject, Trace } from '../engine/types';
import { since } from './duration';
import { type DescribeContext, describeObject, hasDescriber } from './describe';
import { podCells, podHeader, wallTime } from './kubectl-get';
import { getTable } from './tabwriter';

export interface ReadAnswer {
  out: string;
  /** A podflow note shown above the output (catalog key under `prompt.`). */
  note?: 'describeOther';
}

type Get = Extract<KubectlCmd, { verb: 'get' }>;
type Describe = Extract<KubectlCmd, { verb: 'describe' }>;

type Obj = ApiObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };

const str = (v: unknown, none = '<none>'): string =>
  v === undefined || v === null || v === '' ? none : String(v as string);

/** A printer: its columns, its wide columns, and one row's cells. */
interface Printer {
  head: string[];
  wide?: string[];
  row(o: Obj, now: number): string[];
  wideRow?(o: Obj): string[];
}

function containersOf(o: Obj): { name?: string; image?: string }[] {
  const template = o.spec?.template as { spec?: { containers?: { name?: string; image?: string }[] } } | undefined;
  return template?.spec?.containers ?? [];
}

function selectorText(o: Obj): string {
  const sel = o.spec?.selector as { matchLabels?: Record<string, string> } | Record<string, string> | undefined;
  const labels = (sel && 'matchLabels' in sel ? sel.matchLabels : sel) as Record<string, string> | undefined;
  const parts = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(',') : '<none>';
}

const workloadWide = (o: Obj): string[] => [
  containersOf(o)
    .map((c) => c.name)
    .join(','),
  containersOf(o)
    .map((c) => c.image)
    .join(','),
  selectorText(o),
];

const num = (v: unknown): string => String(typeof v === 'number' ? v : 0);

const PRINTERS: Record<string, Printer> = {
  Deployment: {
    head: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => [
      str(o.metadata.name),
      `${num(o.status?.readyReplicas)}/${num(o.spec?.replicas)}`,
      num(o.status?.updatedReplicas),
      num(o.status?.availableReplicas),
      since(o.metadata.creationTimestamp as string, now),
    ],
    wideRow: workloadWide,
  },
  ReplicaSet: {
    head: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => [
      str(o.metadata.name),
      num(o.spec?.replicas),
      num(o.status?.replicas),
      num(o.status?.readyReplicas),
      since(o.metadata.creationTimestamp as string, now),
    ],
    wideRow: workloadWide,
  },
  Service: {
    head: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wide: ['SELECTOR'],
    row: (o, now) => {
      const ports = (o.spec?.ports as { port: number; nodePort?: number; protocol?: string }[] | undefined) ?? [];
      return [
        str(o.metadata.name),
        str(o.spec?.type, 'ClusterIP'),
        str(o.spec?.clusterIP),
        '<none>',
        ports.length
          ? ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',')
          : '<none>',
        since(o.metadata.creationTimestamp as string, now),
      ];
    },
    wideRow: (o) => [o.spec?.selector ? selectorText(o) : '<none>'],
  },
  Node: {
    head: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: (o, now) => {
      const conditions = (o.status?.conditions as { type: string; status: string }[] | undefined) ?? [];
      const ready = conditions.find((c) => c.type === 'Ready');
      let status = ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown';
      if (o.spec?.unschedulable) status += ',SchedulingDisabled';
      const roles = Object.keys((o.metadata.labels as Record<string, string> | undefined) ?? {})
        .filter((k) => k.startsWith('node-role.kubernetes.io/'))
        .map((k) => k.slice('node-role.kubernetes.io/'.length))
        .sort();
      const info = o.status?.nodeInfo as { kubeletVersion?: string } | undefined;
      return [
        str(o.metadata.name),
        status,
        roles.length ? roles.join(',') : '<none>',
        since(o.metadata.creationTimestamp as string, now),
        str(info?.kubeletVersion, ''),
      ];
    },
    wideRow: (o) => {
      const addresses = (o.status?.addresses as { type: string; address: string }[] | undefined) ?? [];
      const info = o.status?.nodeInfo as { osImage?: string; kernelVersion?: string; containerRuntimeVersion?: string };
      return [
        str(addresses.find((a) => a.type === 'InternalIP')?.address),
        str(addresses.find((a) => a.type === 'ExternalIP')?.address),
        str(info?.osImage, '<unknown>'),
        str(info?.kernelVersion, '<unknown>'),
        str(info?.containerRuntimeVersion, '<unknown>'),
      ];
    },
  },
  Namespace: {
    head: ['NAME', 'STATUS', 'AGE'],
    row: (o, now) => [
      str(o.metadata.name),
      str(o.status?.phase, 'Active'),
      since(o.metadata.creationTimestamp as string, now),
    ],
  },
  ConfigMap: {
    head: ['NAME', 'DATA', 'AGE'],
    row: (o, now) => [
      str(o.metadata.name),
      String(Object.keys((o.data as object) ?? {}).length + Object.keys((o.binaryData as object) ?? {}).length),
      since(o.metadata.creationTimestamp as string, now),
    ],
  },
  Secret: {
    head: ['NAME', 'TYPE', 'DATA', 'AGE'],
    row: (o, now) => [
      str(o.metadata.name),
      str(o.type, 'Opaque'),
      String(Object.keys((o.data as object) ?? {}).length),
      since(o.metadata.creationTimestamp as string, now),
    ],
  },
  ServiceAccount: {
    head: ['NAME', 'SECRETS', 'AGE'],
    row: (o, now) => [
      str(o.metadata.name),
      String(((o.secrets as unknown[]) ?? []).length),
      since(o.metadata.creationTimestamp as string, now),
    ],
  },
  PersistentVolumeClaim: {
    head: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
    row: (o, now) => {
      const modes = (o.status?.accessModes as string[] | undefined) ?? [];
      const short: Record<string, string> = {
        ReadWriteOnce: 'RWO',
        ReadOnlyMany: 'ROX',
        ReadWriteMany: 'RWX',
        ReadWriteOncePod: 'RWOP',
      };
      return [
        str(o.metadata.name),
        str(o.status?.phase, 'Pending'),
        str(o.spec?.volumeName, ''),
        str((o.status?.capacity as { storage?: string } | undefined)?.storage, ''),
        modes.map((m) => short[m] ?? m).join(','),
        str(o.spec?.storageClassName, ''),
        '<unset>',
        since(o.metadata.creationTimestamp as string, now),
      ];
    },
  },
};

/** listWithMoreString: up to three, then `+ N more...`; nothing is `<unset>`. */
function listWithMore(items: string[]): string {
  const shown = items.slice(0, 3).join(',');
  if (items.length > 3) return `${shown} + ${items.length - 3} more...`;
  return shown || '<unset>';
}

PRINTERS.EndpointSlice = {
  head: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  row: (o, now) => [
    str(o.metadata.name),
    str(o.addressType, ''),
    listWithMore(
      ((o.ports as { port?: number; name?: string }[] | null) ?? []).map((p) =>
        p.port !== undefined ? String(p.port) : (p.name ?? '*'),
      ),
    ),
    listWithMore(((o.endpoints as { addresses?: string[] }[] | null) ?? []).flatMap((e) => e.addresses ?? [])),
    since(o.metadata.creationTimestamp as string, now),
  ],
};

PRINTERS.Event = {
  head: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  row: (o, now) => {
    const involved = o.involvedObject as { kind?: string; name?: string } | undefined;
    const last = (o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp) as string | undefined;
    return [
      since(last, now),
      str(o.type, ''),
      str(o.reason, ''),
      `${String(involved?.kind ?? '').toLowerCase()}/${str(involved?.name, '')}`,
      str(o.message, ''),
    ];
  },
};

/** Any other kind: the apiserver's default table (NAME, CREATED AT). */
const DEFAULT_PRINTER: Printer = {
  head: ['NAME', 'CREATED AT'],
  row: (o) => [str(o.metadata.name), str(o.metadata.creationTimestamp as string, '<unknown>')],
};

/** The objects of a type at step `seq`, in the apiserver's order (namespace, then name). */
export function objectsOf(trace: Trace, seq: number, info: ResourceInfo): Obj[] {
  return [...trace.objectsAt(seq, info.etcdPrefix + '/').entries()]
    .filter(([key]) => {
      // `/registry/services/specs/…` and `/registry/services/endpoints/…` share a prefix with other kinds.
      const rest = key.slice(info.etcdPrefix.length + 1);
      return info.namespaced ? rest.split('/').length === 2 : !rest.includes('/');
    })
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, o]) => o as Obj);
}

const notFound = (info: ResourceInfo, name: string): string =>
  errorText(404, `${info.group ? `${info.resource}.${info.group}` : info.resource} "${name}" not found`);

/** sigs.k8s.io/yaml: keys sorted, sequences at their parent's indentation, no folding. */
export function toYaml(value: unknown): string {
  return dump(value, { sortKeys: true, seqNoIndent: true, lineWidth: -1, noRefs: true, quoteStyle: 'double' });
}

function pick(trace: Trace, seq: number, cmd: Get | Describe): { found: Obj[]; errors: string[] } {
  const ns = cmd.namespace ?? 'default';
  const all = cmd.verb === 'get' && cmd.all;
  const inScope = objectsOf(trace, seq, cmd.type).filter(
    (o) => !cmd.type.namespaced || all || o.metadata.namespace === ns,
  );
  if (!cmd.names.length) return { found: inScope, errors: [] };
  const found: Obj[] = [];
  const errors: string[] = [];
  for (const name of cmd.names) {
    const o = inScope.find((x) => x.metadata.name === name);
    if (o) found.push(o);
    else errors.push(notFound(cmd.type, name));
  }
  return { found, errors };
}

function noneFound(cmd: Get | Describe): string {
  const all = cmd.verb === 'get' && cmd.all;
  return cmd.type.namespaced && !all
    ? `No resources found in ${cmd.namespace ?? 'default'} namespace.`
    : 'No resources found';
}

/** `kubectl get …` at step `seq`. */
export function getAnswer(trace: Trace, seq: number, cmd: Get): string {
  const { found, errors } = pick(trace, seq, cmd);
  const tail = errors.join('\n');
  if (!found.length) return tail || noneFound(cmd);
  const join = (head: string): string => [head, tail].filter(Boolean).join('\n');
  const strip = (o: Obj): Obj => o;
  switch (cmd.output) {
    case 'name':
      return join(found.map((o) => `${kindString(cmd.type)}/${o.metadata.name}`).join('\n'));
    case 'yaml':
    case 'json': {
      const value =
        found.length === 1 && cmd.names.length === 1
          ? strip(found[0]!)
          : { apiVersion: 'v1', items: found.map(strip), kind: 'List', metadata: { resourceVersion: '' } };
      return join(cmd.output === 'yaml' ? toYaml(value).trimEnd() : JSON.stringify(value, null, 4));
    }
  }
  const now = wallTime(trace.steps[seq]?.at ?? 0);
  const wide = cmd.output === 'wide';
  const all = !!cmd.all && cmd.type.namespaced;
  let rows: string[][];
  if (cmd.type.kind === 'Pod') {
    rows = [podHeader(wide, all), ...found.map((p) => podCells(p, now, wide, all))];
  } else {
    const printer = PRINTERS[cmd.type.kind] ?? DEFAULT_PRINTER;
    const head = [...(all ? ['NAMESPACE'] : []), ...printer.head, ...(wide && printer.wide ? printer.wide : [])];
    rows = [
      head,
      ...found.map((o) => [
        ...(all ? [String(o.metadata.namespace)] : []),
        ...printer.row(o, now),
        ...(wide && printer.wideRow ? printer.wideRow(o) : []),
      ]),
    ];
  }
  return join(getTable(rows.map((r) => r.join('\t')).join('\n') + '\n').trimEnd());
}

/** The describers' view of the cluster at step `seq`: objects by kind, the Events, the wall time. */
export function describeContext(trace: Trace, seq: number): DescribeContext {
  return {
    list: (kind) => {
      const info = byKind(kind);
      return info ? objectsOf(trace, seq, info) : [];
    },
    events: [...trace.objectsAt(seq, '/registry/events/').values()],
    now: wallTime(trace.steps[seq]?.at ?? 0),
  };
}

/** `kubectl describe …` at step `seq`: kubectl's describer for the kinds podflow models, the object as YAML for the rest. */
export function describeAnswer(trace: Trace, seq: number, cmd: Describe): ReadAnswer {
  const { found, errors } = pick(trace, seq, cmd);
  const tail = errors.join('\n');
  if (!found.length) return { out: tail || noneFound(cmd) };
  if (hasDescriber(cmd.type.kind)) {
    const ctx = describeContext(trace, seq);
    const text = found.map((o) => describeObject(o, ctx, cmd.type.kind)!.trimEnd()).join('\n\n\n');
    return { out: [text, tail].filter(Boolean).join('\n') };
  }
  return {
    out: [found.map((o) => toYaml(o).trimEnd()).join('\n---\n'), tail].filter(Boolean).join('\n'),
    note: 'describeOther',
  };
}

/** An object's YAML for `kubectl edit`, without what the server owns (status, managedFields). */
export function editYaml(o: ApiObject): string {
  return toYaml(o);
}

export type { Pod };
