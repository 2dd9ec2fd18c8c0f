/**
 * The learner's kubectl prompt, inside the simulation: each command typed at
 * a step is delivered to kubectl right after that step (like a what-if
 * fault), and kubectl sends its requests through kube-apiserver as the real
 * commands do — apply (GET, then POST or PATCH), create (POST), delete
 * (DELETE), scale (GET, then PATCH of the scale subresource), edit (PATCH).
 * What kubectl prints is written on the step where the answer arrives, so
 * the printed text comes from the simulated apiserver's response.
 */
import { mergePatch } from '../apiserver/apiserver';
import { byKind, type ResourceInfo } from '../apiserver/resources';
import { request } from '../client/client';
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId, KubectlCommand } from '../types';
import { parseCommand, MUTATING, type Cascade } from './argv';
import type { KubectlState } from './kubectl';
import { errorText, kindString, LAST_APPLIED, printName } from './print';

const SELF: ComponentId = 'kubectl';

/** One object's work within a command: kubectl visits the objects of a command one after another. */
interface Job {
  op: 'apply' | 'create' | 'delete' | 'scale' | 'edit';
  info: ResourceInfo;
  name: string;
  namespace?: string;
  obj?: ApiObject;
  replicas?: number;
  /** The file an object came from (`nginx.yaml`, `STDIN`), for kubectl's `error when creating "…"`. */
  source?: string;
  /** Set for the object's second request (the POST or PATCH after apply's or scale's GET). */
  second?: boolean;
  /** `kubectl delete --cascade`: the propagationPolicy its DeleteOptions carry. */
  cascade?: Cascade;
  /** What kubectl wrote to stderr before the answer (apply's missing-annotation warning). */
  warning?: string;
}

export interface PromptState {
  commands: KubectlCommand[];
  /** The jobs still to do, per command. */
  jobs: Record<number, Job[]>;
  /** Request id → the command whose job it is. */
  waiting: Record<number, number>;
}

export function initPrompt(commands: KubectlCommand[] = []): PromptState {
  return { commands, jobs: {}, waiting: {} };
}

type KSim = Sim<{ kubectl: KubectlState }>;

/** The delivery that makes a command run: a step of its own, `$ kubectl …`. */
export function commandDelivery(command: KubectlCommand, index: number) {
  return {
    from: SELF,
    to: SELF,
    msg: { type: 'kubectl-command' as const, index },
    meta: {
      kind: 'internal' as const,
      level: 'overview' as const,
      say: { key: 'kubectl-typed', params: { cmd: index, command: ['kubectl', ...command.argv].join(' ') } },
    },
  };
}

/** True when the message was the prompt's (a command, or an answer to one of its requests). */
export function handlePrompt(sim: KSim, msg: Message): boolean {
  const st = sim.world.kubectl.prompt;
  if (msg.type === 'kubectl-command') {
    const command = st.commands[msg.index];
    if (command) start(sim, msg.index, command);
    return true;
  }
  if (msg.type !== 'http-response' || !(msg.id in st.waiting)) return false;
  const index = st.waiting[msg.id]!;
  delete st.waiting[msg.id];
  answered(sim, index, msg);
  return true;
}

function start(sim: KSim, index: number, command: KubectlCommand): void {
  const parsed = parseCommand(command.argv);
  if (!parsed.ok || !MUTATING.has(parsed.cmd.verb)) return;
  const cmd = parsed.cmd;
  const jobs: Job[] = [];
  const source = (command.files ?? []).map((f) => (f === '-' ? 'STDIN' : f))[0];
  const fromFiles = (op: Job['op']): string | null => {
    for (const raw of command.objects ?? []) {
      const obj = raw as ApiObject;
      const info = byKind(obj?.kind);
      if (!info) {
        // cli-runtime's mapper: no REST mapping for the kind; kubectl stops at the first.
        return `error: resource mapping not found for name: "${String(obj?.metadata?.name ?? '')}" namespace: "${String(obj?.metadata?.namespace ?? '')}" from "${source ?? ''}": no matches for kind "${String(obj?.kind)}" in version "${String(obj?.apiVersion)}"\nensure CRDs are installed first`;
      }
      jobs.push({
        op,
        info,
        name: String(obj.metadata?.name ?? ''),
        ...(info.namespaced ? { namespace: String(obj.metadata?.namespace ?? 'default') } : {}),
        obj,
        ...(source ? { source } : {}),
      });
    }
    return null;
  };
  let refused: string | null = null;
  switch (cmd.verb) {
    case 'apply':
      refused = fromFiles('apply');
      break;
    case 'create':
      refused = fromFiles('create');
      break;
    case 'delete-f':
      refused = fromFiles('delete');
      break;
    case 'create-deployment':
      jobs.push({
        op: 'create',
        info: byKind('Deployment')!,
        name: cmd.name,
        namespace: cmd.namespace ?? 'default',
        obj: deploymentFor(cmd.name, cmd.images, cmd.replicas),
      });
      break;
    case 'delete':
      for (const name of cmd.names)
        jobs.push({
          op: 'delete',
          info: cmd.type,
          name,
          cascade: cmd.cascade ?? 'Background',
          ...(cmd.warning && name === cmd.names[0] ? { warning: cmd.warning } : {}),
          ...(cmd.type.namespaced ? { namespace: cmd.namespace ?? 'default' } : {}),
        });
      break;
    case 'scale':
      jobs.push({
        op: 'scale',
        info: cmd.type,
        name: cmd.name,
        replicas: cmd.replicas,
        ...(cmd.type.namespaced ? { namespace: cmd.namespace ?? 'default' } : {}),
      });
      break;
    case 'edit': {
      const obj = (command.objects ?? [])[0] as ApiObject | undefined;
      if (obj)
        jobs.push({
          op: 'edit',
          info: cmd.type,
          name: cmd.name,
          obj,
          ...(cmd.type.namespaced ? { namespace: cmd.namespace ?? 'default' } : {}),
        });
      break;
    }
    default:
      return;
  }
  if (refused !== null && !jobs.length) {
    sim.annotate({ printed: refused });
    return;
  }
  sim.world.kubectl.prompt.jobs[index] = jobs;
  next(sim, index);
}

/**
 * `kubectl create deployment NAME --image=IMG [--replicas=N]`: the object
 * create_deployment.go builds — labels app=NAME on the Deployment, its
 * selector and template, one container per image named after it.
 */
export function deploymentFor(name: string, images: string[], replicas: number): ApiObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: images.map((image) => ({ name: containerName(image), image })) },
      },
    },
  };
}

/** create_deployment.go parseImageName: the last path part, without tag or digest. */
export function containerName(image: string): string {
  let name = image.slice(image.lastIndexOf('/') + 1);
  name = name.split('@')[0]!.split(':')[0]!;
  return name;
}

/** A request of command `index`, signed as the learner's kubectl (the kubeadm admin). */
function send(sim: KSim, index: number, o: Omit<Parameters<typeof request>[2], 'user' | 'level'>): void {
  const id = request(sim, SELF, { ...o, user: sim.world.kubectl.user, level: 'overview' });
  sim.world.kubectl.prompt.waiting[id] = index;
}

/** Send the next job's first request; nothing left: the command is done. */
function next(sim: KSim, index: number): void {
  const job = sim.world.kubectl.prompt.jobs[index]?.[0];
  if (!job) return;
  const where = {
    resource: job.info.resource,
    group: job.info.group,
    ...(job.namespace ? { namespace: job.namespace } : {}),
  };
  const params = { cmd: index, kind: kindString(job.info), name: job.name };
  switch (job.op) {
    case 'create':
      return send(sim, index, {
        verb: 'create',
        ...where,
        body: withNamespace(job),
        say: { key: 'kubectl-prompt-create', params },
      });
    case 'delete':
      return send(sim, index, {
        verb: 'delete',
        ...where,
        name: job.name,
        body: deleteOptions(job.cascade ?? 'Background'),
        say: { key: 'kubectl-prompt-delete', params },
      });
    case 'edit':
      return send(sim, index, {
        verb: 'patch',
        ...where,
        name: job.name,
        body: structuredClone(job.obj!),
        say: { key: 'kubectl-prompt-edit', params },
      });
    case 'apply':
    case 'scale':
      // Both read the live object first (the resource builder's GET).
      return send(sim, index, {
        verb: 'get',
        ...where,
        name: job.name,
        say: { key: 'kubectl-prompt-get', params },
      });
  }
}

function withNamespace(job: Job): ApiObject {
  const body = structuredClone(job.obj!);
  if (job.namespace) body.metadata = { ...body.metadata, namespace: job.namespace };
  return body;
}

/** Print a line of the command's answer on this step (the answer's arrival) and go on with the next job. */
function print(sim: KSim, index: number, status: number, out: string): void {
  sim.retell({ key: 'kubectl-prints', params: { cmd: index, status, printed: out } }, 'overview');
  const jobs = sim.world.kubectl.prompt.jobs[index]!;
  jobs.shift();
  // kubectl goes on after an object's error (ContinueOnError) with the next object of the file.
  next(sim, index);
}

function answered(sim: KSim, index: number, msg: Extract<Message, { type: 'http-response' }>): void {
  const job = sim.world.kubectl.prompt.jobs[index]?.[0];
  if (!job) return;
  const warn = (job.warning ?? '') + (msg.warnings ?? []).map((w) => `Warning: ${w}\n`).join('');
  const fail = (verb: string): void =>
    print(sim, index, msg.status, warn + errorText(msg.status, msg.message ?? '', verb, job.source));
  const ok = (op: string): void => print(sim, index, msg.status, warn + printName(job.info, job.name, op));
  const where = {
    resource: job.info.resource,
    group: job.info.group,
    ...(job.namespace ? { namespace: job.namespace } : {}),
  };
  const params = { cmd: index, kind: kindString(job.info), name: job.name };
  switch (job.op) {
    case 'create':
      return msg.status < 300 ? ok('created') : fail('creating');
    case 'delete':
      return msg.status < 300 ? print(sim, index, msg.status, warn + deletedLine(job)) : fail('deleting');
    case 'edit':
      return msg.status < 300 ? ok('edited') : fail('patching');
    case 'apply': {
      if (job.second)
        return msg.status < 300
          ? ok(msg.status === 201 ? 'created' : 'configured')
          : fail(job.obj ? 'creating' : 'patching');
      job.second = true;
      // apply.go: NotFound → create with the last-applied annotation; found → a patch, or nothing if it changes nothing.
      const applied = annotated(job.obj!);
      if (msg.status === 404) {
        job.obj = applied;
        return send(sim, index, {
          verb: 'create',
          ...where,
          body: withNamespace({ ...job, obj: applied }),
          say: { key: 'kubectl-prompt-create', params },
        });
      }
      if (msg.status >= 300) return fail('retrieving current configuration of');
      const live = msg.body!;
      // The three-way patch (last-applied, live, new) is empty when the new configuration is the one
      // applied last and the live object still carries it: nothing is sent.
      const lastApplied = (live.metadata.annotations as Record<string, string> | undefined)?.[LAST_APPLIED];
      const appliedNow = (applied.metadata.annotations as Record<string, string>)[LAST_APPLIED];
      if (
        lastApplied === appliedNow &&
        JSON.stringify(mergePatch(live, { metadata: applied.metadata })) === JSON.stringify(live)
      )
        return ok('unchanged');
      job.obj = undefined;
      if (!(live.metadata.annotations as Record<string, string> | undefined)?.[LAST_APPLIED])
        job.warning = `Warning: resource ${job.info.resource}/${job.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
      return send(sim, index, {
        verb: 'patch',
        ...where,
        name: job.name,
        body: applied,
        say: { key: 'kubectl-prompt-apply', params },
      });
    }
    case 'scale': {
      if (job.second) return msg.status < 300 ? ok('scaled') : fail('scaling');
      if (msg.status >= 300) return fail('');
      if (!['deployments', 'replicasets'].includes(job.info.resource))
        // No scale subresource: the PATCH of …/scale finds nothing to serve it.
        return print(sim, index, 404, 'Error from server (NotFound): the server could not find the requested resource');
      job.second = true;
      return send(sim, index, {
        verb: 'patch',
        ...where,
        name: job.name,
        subresource: 'scale',
        // scale.go's ScaleSimple: a merge patch of the Scale, `{"spec":{"replicas":N}}`.
        body: { spec: { replicas: job.replicas } } as unknown as ApiObject,
        say: { key: 'kubectl-prompt-scale', params: { ...params, replicas: job.replicas ?? 0 } },
      });
    }
  }
}

/** delete.go PrintObj: `deployment.apps "nginx" deleted`. */
function deletedLine(job: Job): string {
  return `${kindString(job.info)} "${job.name}" deleted`;
}

/** The object with kubectl's last-applied-configuration annotation (apply.go, util.CreateApplyAnnotation). */
function annotated(obj: ApiObject): ApiObject {
  const copy = structuredClone(obj);
  const annotations = { ...(copy.metadata.annotations as Record<string, string> | undefined) };
  delete annotations[LAST_APPLIED];
  const config = { ...copy, metadata: { ...copy.metadata, annotations } };
  if (!Object.keys(annotations).length) delete (config.metadata as { annotations?: unknown }).annotations;
  copy.metadata = { ...copy.metadata, annotations: { ...annotations, [LAST_APPLIED]: JSON.stringify(config) + '\n' } };
  return copy;
}

/** delete.go: `options.PropagationPolicy = &o.CascadingStrategy` (Background unless --cascade says otherwise). */
export function deleteOptions(policy: Cascade): ApiObject {
  return { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: policy } as unknown as ApiObject;
}
