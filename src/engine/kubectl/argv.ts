/**
 * The learner's command line, read as kubectl (cobra + pflag + cli-runtime's
 * resource builder) reads it: the words, the subcommand, the resource type by
 * any of its names (`po`, `pods`, `deployment.apps`), `TYPE NAME` or
 * `TYPE/NAME`, and the flags each command knows. What kubectl refuses before
 * sending anything is answered here, in kubectl's words (cobra's
 * `unknown command`, cmdutil.checkErr's `the server doesn't have a resource
 * type`, `required flag(s)`); everything else goes to the simulated cluster.
 */
import { RESOURCES, type ResourceInfo } from '../apiserver/resources';

export type Output = 'wide' | 'yaml' | 'json' | 'name';

/** DeleteOptions.propagationPolicy from `--cascade` (delete_flags.go parseCascadingFlag). */
export type Cascade = 'Background' | 'Foreground' | 'Orphan';
const CASCADE: Record<string, Cascade> = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan' };
/** strconv.ParseBool's spellings: a boolean --cascade still works, with a deprecation warning. */
const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

function parseCascade(flag: string): { cascade: Cascade; warning?: string } | null {
  const bool = TRUE.includes(flag) ? 'background' : FALSE.includes(flag) ? 'orphan' : undefined;
  if (bool)
    return {
      cascade: CASCADE[bool]!,
      warning: `warning: --cascade=${flag} is deprecated (boolean value) and can be replaced with --cascade=${bool}.\n`,
    };
  return CASCADE[flag] ? { cascade: CASCADE[flag] } : null;
}

export type KubectlCmd =
  | { verb: 'apply' | 'create' | 'delete-f'; files: string[] }
  | { verb: 'create-deployment'; name: string; images: string[]; replicas: number; namespace?: string }
  | {
      verb: 'delete';
      type: ResourceInfo;
      names: string[];
      namespace?: string;
      cascade?: Cascade;
      /** What kubectl wrote to stderr about the flag (a boolean --cascade). */
      warning?: string;
    }
  | { verb: 'scale'; type: ResourceInfo; name: string; replicas: number; namespace?: string }
  | { verb: 'get'; type: ResourceInfo; names: string[]; output?: Output; namespace?: string; all?: boolean }
  | { verb: 'describe'; type: ResourceInfo; names: string[]; namespace?: string }
  | { verb: 'edit'; type: ResourceInfo; name: string; namespace?: string };

export type Parsed =
  | { ok: true; cmd: KubectlCmd }
  /** kubectl's own refusal (its whole stderr); `known` marks a real kubectl command podflow does not simulate. */
  | { ok: false; error: string; known?: boolean };

/** The verbs that change the cluster: they run through the simulation. */
export const MUTATING = new Set<KubectlCmd['verb']>([
  'apply',
  'create',
  'delete-f',
  'create-deployment',
  'delete',
  'scale',
  'edit',
]);

/** kubectl v1.33's top-level commands (`kubectl --help`), for cobra's unknown-command suggestions. */
const KUBECTL_COMMANDS = [
  'create',
  'expose',
  'run',
  'set',
  'explain',
  'get',
  'edit',
  'delete',
  'rollout',
  'scale',
  'autoscale',
  'certificate',
  'cluster-info',
  'top',
  'cordon',
  'uncordon',
  'drain',
  'taint',
  'describe',
  'logs',
  'attach',
  'exec',
  'port-forward',
  'proxy',
  'cp',
  'auth',
  'debug',
  'events',
  'diff',
  'apply',
  'patch',
  'replace',
  'wait',
  'kustomize',
  'label',
  'annotate',
  'completion',
  'api-resources',
  'api-versions',
  'config',
  'plugin',
  'version',
  'options',
  'help',
];

/** kubectl's short names (the apiserver's discovery `shortNames`). */
const SHORT_NAMES: Record<string, string> = {
  po: 'pods',
  deploy: 'deployments',
  rs: 'replicasets',
  svc: 'services',
  no: 'nodes',
  ns: 'namespaces',
  cm: 'configmaps',
  ev: 'events',
  sa: 'serviceaccounts',
  pvc: 'persistentvolumeclaims',
  pv: 'persistentvolumes',
  sc: 'storageclasses',
  limits: 'limitranges',
  quota: 'resourcequotas',
};

/** Split a line into words as a shell would: quotes group, a backslash escapes. */
export function tokenize(line: string): string[] {
  const out: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i]!;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i]!;
    } else if (/\s/.test(c)) {
      if (word !== null) out.push(word);
      word = null;
    } else word = (word ?? '') + c;
  }
  if (word !== null) out.push(word);
  return out;
}

/**
 * The resource a type argument names, as the RESTMapper resolves it: plural,
 * singular (the kind in lower case), short name, or `<resource>.<group>`.
 */
export function resolveType(arg: string): ResourceInfo | undefined {
  const lower = arg.toLowerCase();
  const dot = lower.indexOf('.');
  const [base, group] = dot < 0 ? [lower, undefined] : [lower.slice(0, dot), lower.slice(dot + 1)];
  const plural = SHORT_NAMES[base] ?? base;
  return RESOURCES.find(
    (r) =>
      (r.resource === plural || r.kind.toLowerCase() === plural) &&
      (group === undefined || r.group === group) &&
      // Events, Leases and the allocator's records are there, but the learner's prompt is for objects.
      r.kind !== 'IPAddress',
  );
}

const noType = (arg: string): Parsed => ({
  ok: false,
  error: `error: the server doesn't have a resource type "${arg.toLowerCase().split('/')[0]}"`,
});

interface Flags {
  args: string[];
  values: Record<string, string[]>;
  error?: string;
}

/** Flags with a value; their short forms. Booleans are the rest. */
const VALUE_FLAGS: Record<string, string> = {
  f: 'filename',
  filename: 'filename',
  n: 'namespace',
  namespace: 'namespace',
  o: 'output',
  output: 'output',
  replicas: 'replicas',
  r: 'replicas',
  image: 'image',
  l: 'selector',
  selector: 'selector',
  cascade: 'cascade',
};
const BOOL_FLAGS: Record<string, string> = { A: 'all-namespaces', 'all-namespaces': 'all-namespaces' };

/** pflag: `--name=value`, `--name value`, `-n value`, `-nvalue`; an unknown flag is an error. */
function parseFlags(words: string[], allowed: readonly string[], path: string): Flags {
  const out: Flags = { args: [], values: {} };
  // kubectl's FlagErrorFunc (templater.go) adds where to find the usage.
  const usage = `\nSee '${path} --help' for usage.`;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      out.args.push(...words.slice(i + 1));
      break;
    }
    if (!w.startsWith('-') || w === '-') {
      out.args.push(w);
      continue;
    }
    const long = w.startsWith('--');
    const body = w.slice(long ? 2 : 1);
    const eq = body.indexOf('=');
    let name = eq < 0 ? body : body.slice(0, eq);
    let value: string | undefined = eq < 0 ? undefined : body.slice(eq + 1);
    if (!long && name.length > 1 && eq < 0) {
      // `-nkube-system`, `-owide`: a short flag with its value attached.
      value = name.slice(1);
      name = name[0]!;
    }
    let full = long ? (name.length > 1 ? VALUE_FLAGS[name] : undefined) : VALUE_FLAGS[name];
    // Only `create deployment` has -r for --replicas; scale's --replicas has no shorthand.
    if (!long && name === 'r' && path !== 'kubectl create deployment') full = undefined;
    const bool = BOOL_FLAGS[name];
    if (bool && allowed.includes(bool)) {
      out.values[bool] = ['true'];
      continue;
    }
    if (!full || !allowed.includes(full)) {
      out.error =
        (long ? `error: unknown flag: --${name}` : `error: unknown shorthand flag: '${name}' in ${w}`) + usage;
      return out;
    }
    // --cascade has a default when bare (NoOptDefVal "background"): it never takes the next word.
    if (full === 'cascade' && value === undefined) value = 'background';
    if (value === undefined) {
      value = words[++i];
      if (value === undefined) {
        out.error =
          (long ? `error: flag needs an argument: --${name}` : `error: flag needs an argument: '${name}' in -${name}`) +
          usage;
        return out;
      }
    }
    (out.values[full] ??= []).push(value);
  }
  return out;
}

/** `TYPE NAME…` or `TYPE/NAME…`, as the resource builder takes them. */
function typeAndNames(args: string[]): { type: ResourceInfo; names: string[] } | Parsed {
  const first = args[0]!;
  if (first.includes('/')) {
    let type: ResourceInfo | undefined;
    const names: string[] = [];
    for (const a of args) {
      const [t, n] = a.split('/', 2) as [string, string];
      if (!a.includes('/'))
        return {
          ok: false,
          error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        };
      const info = resolveType(t);
      if (!info) return noType(t);
      type = info;
      names.push(n);
    }
    return { type: type!, names };
  }
  const type = resolveType(first);
  if (!type) return noType(first);
  return { type, names: args.slice(1) };
}

const isParsed = (v: unknown): v is Parsed => typeof v === 'object' && v !== null && 'ok' in v;

/** Levenshtein distance, as cobra's suggestions use it. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

/** cobra: `unknown command "x" for "kubectl"`, with commands within distance 2 or starting with it. */
function unknownCommand(word: string): Parsed {
  const lower = word.toLowerCase();
  const near = KUBECTL_COMMANDS.filter((c) => distance(lower, c) <= 2 || c.startsWith(lower));
  const suggest = near.length ? `\n\nDid you mean this?\n${near.map((c) => `\t${c}\n`).join('')}` : '';
  return { ok: false, error: `error: unknown command "${word}" for "kubectl"${suggest}` };
}

const required = (flag: string): Parsed => ({ ok: false, error: `error: required flag(s) "${flag}" not set` });

/** pflag's int flag: strconv.ParseInt, its error named by the flag as pflag names it (`-r, --replicas` with a shorthand). */
function replicasOf(raw: string | undefined, path: string, flagName = '--replicas'): number | Parsed {
  if (raw === undefined) return required('replicas');
  if (!/^-?\d+$/.test(raw))
    return {
      ok: false,
      error: `error: invalid argument "${raw}" for "${flagName}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax\nSee '${path} --help' for usage.`,
    };
  return Number(raw);
}

const last = (values: string[] | undefined): string | undefined => values?.[values.length - 1];

/** Read a command line (with or without the leading `kubectl`). */
export function parseCommand(line: string | string[]): Parsed {
  const words = typeof line === 'string' ? tokenize(line) : [...line];
  if (words[0] === 'kubectl') words.shift();
  const sub = words.shift();
  if (sub === undefined) return { ok: false, error: '' };
  const ns = (f: Flags): { namespace?: string } => {
    const n = last(f.values.namespace);
    return n ? { namespace: n } : {};
  };
  switch (sub) {
    case 'apply':
    case 'create': {
      if (sub === 'create' && words[0] === 'deployment') {
        const f = parseFlags(words.slice(1), ['image', 'replicas', 'namespace'], 'kubectl create deployment');
        if (f.error) return { ok: false, error: f.error };
        const name = f.args[0];
        if (!name)
          return {
            ok: false,
            error: `error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples`,
          };
        const images = (f.values.image ?? []).flatMap((v) => v.split(','));
        if (!images.length) return required('image');
        const replicas = replicasOf(last(f.values.replicas) ?? '1', 'kubectl create deployment', '-r, --replicas');
        if (isParsed(replicas)) return replicas;
        return { ok: true, cmd: { verb: 'create-deployment', name, images, replicas, ...ns(f) } };
      }
      if (sub === 'create' && words[0] && !words[0].startsWith('-')) return { ok: false, error: '', known: true };
      const f = parseFlags(words, ['filename', 'namespace'], `kubectl ${sub}`);
      if (f.error) return { ok: false, error: f.error };
      const files = f.values.filename ?? [];
      if (!files.length)
        // apply.go's Validate; create.go writes its own line, then the usage.
        return {
          ok: false,
          error: sub === 'apply' ? 'error: must specify one of -f and -k' : 'Error: must specify one of -f and -k',
        };
      return { ok: true, cmd: { verb: sub, files } };
    }
    case 'delete': {
      const f = parseFlags(words, ['filename', 'namespace', 'cascade'], 'kubectl delete');
      if (f.error) return { ok: false, error: f.error };
      const cascadeFlag = f.values.cascade?.at(-1);
      const cascade = cascadeFlag === undefined ? undefined : parseCascade(cascadeFlag);
      if (cascadeFlag !== undefined && !cascade)
        return {
          ok: false,
          error: `error: invalid cascade value (${cascadeFlag}). Must be "background", "foreground", or "orphan"`,
        };
      if (f.values.filename?.length) return { ok: true, cmd: { verb: 'delete-f', files: f.values.filename } };
      if (!f.args.length)
        return {
          ok: false,
          error:
            "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
        };
      const tn = typeAndNames(f.args);
      if (isParsed(tn)) return tn;
      if (!tn.names.length)
        return {
          ok: false,
          error: 'error: resource(s) were provided, but no name was specified',
        };
      return {
        ok: true,
        cmd: {
          verb: 'delete',
          type: tn.type,
          names: tn.names,
          ...ns(f),
          ...cascade,
        },
      };
    }
    case 'scale': {
      const f = parseFlags(words, ['replicas', 'namespace', 'filename'], 'kubectl scale');
      if (f.error) return { ok: false, error: f.error };
      const replicas = replicasOf(last(f.values.replicas), 'kubectl scale');
      if (isParsed(replicas)) return replicas;
      if (replicas < 0)
        return {
          ok: false,
          error: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
        };
      if (!f.args.length)
        return {
          ok: false,
          error:
            "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
        };
      const tn = typeAndNames(f.args);
      if (isParsed(tn)) return tn;
      if (tn.names.length !== 1) return { ok: false, error: 'error: no objects passed to scale' };
      return { ok: true, cmd: { verb: 'scale', type: tn.type, name: tn.names[0]!, replicas, ...ns(f) } };
    }
    case 'get':
    case 'describe': {
      const f = parseFlags(
        words,
        sub === 'get' ? ['output', 'namespace', 'all-namespaces'] : ['namespace'],
        `kubectl ${sub}`,
      );
      if (f.error) return { ok: false, error: f.error };
      if (!f.args.length)
        return {
          ok: false,
          error:
            sub === 'get'
              ? 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples'
              : 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl describe -h\' for help and examples',
        };
      const tn = typeAndNames(f.args);
      if (isParsed(tn)) return tn;
      if (sub === 'describe') return { ok: true, cmd: { verb: 'describe', ...tn, ...ns(f) } };
      const o = last(f.values.output);
      if (o !== undefined && !['wide', 'yaml', 'json', 'name'].includes(o))
        return {
          ok: false,
          error: `error: unable to match a printer suitable for the output format "${o}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
        };
      return {
        ok: true,
        cmd: {
          verb: 'get',
          ...tn,
          ...(o ? { output: o as Output } : {}),
          ...ns(f),
          ...(f.values['all-namespaces'] ? { all: true } : {}),
        },
      };
    }
    case 'edit': {
      const f = parseFlags(words, ['namespace'], 'kubectl edit');
      if (f.error) return { ok: false, error: f.error };
      if (!f.args.length)
        return {
          ok: false,
          error:
            "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
        };
      const tn = typeAndNames(f.args);
      if (isParsed(tn)) return tn;
      if (tn.names.length !== 1) return { ok: false, error: '', known: true };
      return { ok: true, cmd: { verb: 'edit', type: tn.type, name: tn.names[0]!, ...ns(f) } };
    }
    default:
      if (KUBECTL_COMMANDS.includes(sub)) return { ok: false, error: '', known: true };
      return unknownCommand(sub);
  }
}
