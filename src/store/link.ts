/**
 * The view as a link: what a learner sees (scenario, step, detail level,
 * speed, language, theme, loop) lives in the URL fragment, so a shared link
 * opens exactly there. A link from a stranger is data: every field is checked
 * against what the app knows, and whatever does not pass is reported and
 * left out — never evaluated, never trusted for its type.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { FAULT_KINDS } from '../engine/faults';
import { DETAIL_LEVELS, type DetailLevel, type FaultSpec, type WhatIf } from '../engine/types';
import { LANGUAGES, type Language } from '../i18n';
import { scenarioById } from '../scenarios';
import { draftFromJson, type NodeDraft } from './cluster-edit';
import { promptFromJson, type PromptEntry } from './prompt';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];
export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** Longer fragments are refused whole; Share says so before making one (chat apps cut long links). */
export const MAX_LINK_CHARS = 32_768;
/** The learner's YAML rides in the link compressed; unpacked, it may be no bigger than this. */
export const MAX_LINK_YAML_CHARS = 262_144;

export interface View {
  scenario?: string;
  /** The visible step at `level` (as "Step N of M" counts): 0 is before the first. */
  step?: number;
  level?: DetailLevel;
  speed?: Speed;
  language?: Language;
  theme?: Theme;
  loop?: boolean;
  /** The learner's own manifests (the editor's Apply), run on the scenario's cluster. */
  yaml?: string;
  /** The cluster as the learner edited it: the editor's rows, compressed JSON. */
  cluster?: NodeDraft[];
  /** The what-if branch on screen: `kind:node:step` (the node empty for etcd-slow), step a trace seq. */
  whatIf?: WhatIf;
  /**
   * The side column when it is not the narration: `kubectl`, `transcript`, or the inspector
   * on a component (`inspector:kube-scheduler`, `inspector:kubelet/node-1`) or an object
   * (`inspector:/registry/pods/default/nginx`).
   */
  inspect?: string;
  /** The main area's view when it is not the diagram: the sequence diagram or the Pods' timeline. */
  main?: 'sequence' | 'timeline';
  /** The runs' seed, when it is not 1: another seed breaks ties and draws latencies differently. */
  seed?: number;
  /** An embed's step range (as "Step N of M" counts); only embed mode (`?embed=1`) plays within it. */
  from?: number;
  to?: number;
  /** The commands typed at the kubectl prompt (issue #7): compressed JSON, checked entry by entry. */
  cmds?: PromptEntry[];
}

export interface ReadLink {
  view: View;
  /** Parameters that were present but not understood, by name. */
  rejected: string[];
  /** Set when the whole fragment was refused. */
  tooLong?: boolean;
}

/** A value from a fixed list, written exactly as we write it (`0.5`, not `.5` or `0x1`). */
const oneOf =
  <T extends string | number>(allowed: readonly T[]) =>
  (raw: string): T | undefined =>
    allowed.find((a) => String(a) === raw);

const FIELDS: { [K in keyof View]-?: (raw: string) => View[K] | undefined } = {
  scenario: (raw) => (scenarioById(raw) ? raw : undefined),
  step: (raw) => (/^\d{1,7}$/.test(raw) ? Number(raw) : undefined),
  level: oneOf(DETAIL_LEVELS),
  speed: oneOf(SPEEDS),
  language: oneOf(LANGUAGES),
  theme: oneOf(THEMES),
  loop: (raw) => (raw === '1' ? true : raw === '0' ? false : undefined),
  yaml: (raw) => {
    // lz-string answers garbage with null or '' — or, rarely, with other garbage, which the YAML reader then refuses.
    const text = raw.length <= MAX_LINK_CHARS ? decompressFromEncodedURIComponent(raw) : null;
    return text && text.length <= MAX_LINK_YAML_CHARS ? text : undefined;
  },
  cluster: readCluster,
  whatIf: readWhatIf,
  inspect: (raw) => (INSPECT.test(raw) ? raw : undefined),
  main: oneOf(['sequence', 'timeline'] as const),
  from: (raw) => (/^\d{1,7}$/.test(raw) ? Number(raw) : undefined),
  to: (raw) => (/^\d{1,7}$/.test(raw) ? Number(raw) : undefined),
  seed: (raw) => (/^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2 ** 31 - 1 ? Number(raw) : undefined),
  cmds: readPrompt,
};

const COMPONENT = String.raw`(?:kubectl|kube-apiserver|etcd|kube-controller-manager|kube-scheduler|coredns|csi-provisioner|ingress-nginx|(?:kubelet|runtime|cni|kube-proxy)/[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)`;
const INSPECT = new RegExp(
  String.raw`^(?:kubectl|transcript|inspector:(?:${COMPONENT}|/registry/[a-z0-9][-a-z0-9./]{0,250}))$`,
);

/** `node-down:node-1:40` → the fault after step 40; only kinds the engine knows, a node name as Kubernetes allows. */
function readWhatIf(raw: string): WhatIf | undefined {
  const parts = raw.split(':');
  if (parts.length !== 3) return undefined;
  const [kind, node, step] = parts as [string, string, string];
  const known = FAULT_KINDS.find((k) => k.kind === kind);
  if (!known || !/^\d{1,7}$/.test(step)) return undefined;
  const validNode =
    node.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(node);
  if (known.node ? !validNode : node !== '') return undefined;
  const fault = (known.node ? { kind: known.kind, node } : { kind: known.kind }) as FaultSpec;
  return { atStep: Number(step), fault };
}

function writeWhatIf(w: WhatIf): string {
  return `${w.fault.kind}:${'node' in w.fault ? w.fault.node : ''}:${w.atStep}`;
}

function readPrompt(raw: string): PromptEntry[] | undefined {
  const text = raw.length <= MAX_LINK_CHARS ? decompressFromEncodedURIComponent(raw) : null;
  if (!text || text.length > MAX_LINK_YAML_CHARS) return undefined;
  try {
    // Parsed as data only, then checked entry by entry (store/prompt.ts).
    return promptFromJson(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function readCluster(raw: string): NodeDraft[] | undefined {
  const text = raw.length <= MAX_LINK_CHARS ? decompressFromEncodedURIComponent(raw) : null;
  if (!text || text.length > MAX_LINK_YAML_CHARS) return undefined;
  try {
    // Parsed as data only, then checked row by row as the cluster editor checks it.
    return draftFromJson(JSON.parse(text));
  } catch {
    return undefined;
  }
}

export function readLink(hash: string): ReadLink {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > MAX_LINK_CHARS) return { view: {}, rejected: [], tooLong: true };
  const params = new URLSearchParams(text);
  const view: Record<string, unknown> = {};
  const rejected: string[] = [];
  for (const [name, raw] of params) {
    const parse = Object.hasOwn(FIELDS, name) ? FIELDS[name as keyof View] : undefined;
    const value = parse?.(raw);
    if (value === undefined) rejected.push(name);
    else view[name] = value;
  }
  return { view: view as View, rejected };
}

/** The fragment for a view, fields in a fixed order so equal views give equal links. */
export function writeLink(view: View): string {
  const params = new URLSearchParams();
  for (const name of Object.keys(FIELDS) as (keyof View)[]) {
    const value = view[name];
    if (value === undefined) continue;
    const text =
      name === 'yaml'
        ? compressToEncodedURIComponent(String(value))
        : name === 'cluster' || name === 'cmds'
          ? compressToEncodedURIComponent(JSON.stringify(value))
          : name === 'whatIf'
            ? writeWhatIf(value as WhatIf)
            : typeof value === 'boolean'
              ? value
                ? '1'
                : '0'
              : String(value);
    params.set(name, text);
  }
  return `#${params.toString()}`;
}
