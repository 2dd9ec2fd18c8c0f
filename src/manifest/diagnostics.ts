/**
 * What a cluster would say about a text of manifests, each at its line and
 * column: YAML syntax errors (as js-yaml reports them), the decoding errors
 * kubectl and kube-apiserver give before any object exists, and the
 * apiserver's validation errors, worded exactly as the engine's
 * kube-apiserver words them (it uses the same strategies). Kinds podflow
 * does not simulate are noted and skipped.
 */
import { byKind } from '../engine/apiserver/resources';
import { invalidMessage } from '../engine/apiserver/pod-validation';
import { STRATEGIES, validateMeta } from '../engine/apiserver/strategy';
import type { ApiObject } from '../engine';
import { loadManifests } from './load';
import { documentPositions, fieldOffset, lineColumn, offsetOf, type PosNode } from './positions';

/** The most text the editor takes: a manifest file is kilobytes, not megabytes. */
export const MAX_TEXT_BYTES = 1024 * 1024;

export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Offsets in the text (0-based, end exclusive). */
  from: number;
  to: number;
  line: number;
  column: number;
  /** The cluster's own words (not translated), when the cluster says it. */
  message?: string;
  /** A podflow note in the catalogs (`editor.diag.*`), when podflow says it. */
  note?: { key: string; params: Record<string, string | number> };
}

export interface Diagnosis {
  diagnostics: Diagnostic[];
  /** The objects to simulate, in order (not-simulated kinds left out). */
  objects: ApiObject[];
  /** No error: Apply may run. */
  ok: boolean;
}

const kindOfValue = (v: unknown): string =>
  Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v;

export function diagnose(text: string): Diagnosis {
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number, severity: Diagnostic['severity'], rest: Pick<Diagnostic, 'message' | 'note'>) => {
    const end = lineEnd(text, offset);
    diagnostics.push({ severity, from: offset, to: Math.max(end, offset), ...lineColumn(text, offset), ...rest });
  };
  const size = new TextEncoder().encode(text).length;
  if (size > MAX_TEXT_BYTES) {
    at(0, 'error', { note: { key: 'editor.diag.tooBig', params: { size, max: MAX_TEXT_BYTES } } });
    return { diagnostics, objects: [], ok: false };
  }
  const loaded = loadManifests(text);
  if (!loaded.ok) {
    const offset = loaded.line ? offsetOf(text, loaded.line, loaded.column ?? 1) : 0;
    at(offset, 'error', { message: loaded.message });
    return { diagnostics, objects: [], ok: false };
  }
  // Same parse, now with positions: documents line up one to one, empty ones included.
  const positions = documentPositions(text).filter((p): p is PosNode => p !== null);
  const objects: ApiObject[] = [];
  loaded.objects.forEach((doc, d) => {
    const pos = positions[d] ?? { type: 'scalar', start: 0, end: 0 };
    // `kind: List` (what `kubectl get -o yaml` prints) holds its objects in items.
    const list = doc as { kind?: unknown; items?: unknown };
    if (kindOfValue(doc) === 'object' && typeof list.kind === 'string' && list.kind.endsWith('List')) {
      if (Array.isArray(list.items)) {
        list.items.forEach((item, n) => checkObject(item, (path) => fieldOffset(pos, `items[${n}]${path}`)));
        return;
      }
    }
    checkObject(doc, (path) => fieldOffset(pos, path));
  });
  if (!diagnostics.some((x) => x.severity === 'error') && objects.length === 0)
    at(0, 'error', { note: { key: 'editor.diag.empty', params: {} } });
  return { diagnostics, objects, ok: !diagnostics.some((x) => x.severity === 'error') };

  /** One object, as kubectl then kube-apiserver would take it. `where('')` is the object itself. */
  function checkObject(doc: unknown, where: (path: string) => number): void {
    const prefix = (path: string): string => (path ? `.${path}` : '');
    const offsetOfField = (path: string): number => where(prefix(path));
    if (kindOfValue(doc) !== 'object') {
      // kubectl reads apiVersion and kind first, into a struct: anything but a mapping fails there.
      at(where(''), 'error', {
        message: `json: cannot unmarshal ${kindOfValue(doc)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
      });
      return;
    }
    const obj = doc as ApiObject;
    // apimachinery's runtime.NewMissingKindErr / NewMissingVersionErr, kind first.
    if (typeof obj.kind !== 'string' || !obj.kind) {
      at(where(''), 'error', { message: `Object 'Kind' is missing in '${JSON.stringify(doc)}'` });
      return;
    }
    if (typeof obj.apiVersion !== 'string' || !obj.apiVersion) {
      at(where(''), 'error', { message: `Object 'apiVersion' is missing in '${JSON.stringify(doc)}'` });
      return;
    }
    const info = byKind(obj.kind);
    if (!info) {
      at(offsetOfField('kind'), 'warning', {
        note: { key: 'editor.diag.notSimulated', params: { kind: obj.kind, name: nameOf(obj) } },
      });
      return;
    }
    const strategy = STRATEGIES[info.resource];
    const decodeError = strategy?.decode?.(doc) ?? null;
    if (decodeError) {
      at(offsetOfField(decodeField(decodeError, obj.kind)), 'error', { message: decodeError });
      return;
    }
    if (obj.metadata !== undefined && kindOfValue(obj.metadata) !== 'object') {
      at(offsetOfField('metadata'), 'error', {
        message: `${obj.kind} in version "${info.version}" cannot be handled as a ${obj.kind}: json: cannot unmarshal ${kindOfValue(obj.metadata)} into Go struct field ${obj.kind}.metadata of type v1.ObjectMeta`,
      });
      return;
    }
    // Validation sees the object after BeforeCreate: a generated name stands in for generateName.
    const probe = structuredClone(obj);
    probe.metadata ??= {};
    if (!probe.metadata.name && typeof probe.metadata.generateName === 'string' && probe.metadata.generateName)
      probe.metadata.name = `${probe.metadata.generateName}xxxxx`;
    const errs = strategy?.validate ? strategy.validate(probe) : validateMeta(probe);
    for (const e of errs) {
      at(offsetOfField(e.field), 'error', { message: invalidMessage(obj.kind, nameOf(obj), [e]) });
    }
    if (!errs.length) objects.push(obj);
  }
}

function nameOf(obj: ApiObject): string {
  const meta = obj.metadata as { name?: unknown } | undefined;
  return typeof meta?.name === 'string' ? meta.name : '';
}

/** The field a decode error names: `Go struct field PodSpec.spec.containers of type` → `spec.containers`. */
export function decodeField(message: string, kind: string): string {
  const m = /Go struct field \w+\.([\w.]+) of type/.exec(message);
  if (!m) return '';
  const path = m[1]!;
  // The decoder names the Pod template's fields from the PodSpec down.
  if ((kind === 'Deployment' || kind === 'ReplicaSet') && message.includes('PodSpec.')) return `spec.template.${path}`;
  return path;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}
