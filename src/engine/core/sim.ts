/**
 * The discrete-event core: a virtual clock, the agenda of deliveries, the
 * seeded PRNG and the trace recorder. Components never call each other; they
 * send messages that arrive later, and each arrival is a step of the trace.
 */
import type { ApiObject, ComponentId, Say, Step } from '../types';
import { Agenda } from './agenda';
import type { Message } from './messages';
import { nextFloat, nextInt, seedPrng, type PrngState } from './prng';
import { NO_CHANGES, TraceRecorder } from './recorder';

/** The char codes of the hex digits `0`–`f`, by value. */
const HEX_CODES: readonly number[] = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** hex()'s digits as char codes, reused (the engine is single-threaded): its length is set on each call. */
const HEX_BUFFER: number[] = [];

/** What a step says about itself; the core fills in seq, time and the edge. */
export type StepMeta = Pick<Step, 'kind' | 'level'> &
  Partial<Pick<Step, 'verb' | 'path' | 'status' | 'summary' | 'source'>> & { say: Say };

export interface Delivery {
  from: ComponentId;
  to: ComponentId;
  fanout?: ComponentId[];
  msg: Message;
  /** The step this delivery is; none for a silent wake-up of the receiver. */
  meta?: StepMeta;
  /**
   * Repeats forever (lease renewals, probes): does not keep the run alive.
   * Unset, it follows the delivery that sends it; `false` marks a change that
   * periodic work found (a probe that now passes), which does.
   */
  periodic?: boolean;
}

/**
 * The run ends this long after the last non-periodic work: three default
 * probe periods. A retry that waits longer than this is repetition (a
 * back-off that has grown), and is sent as periodic work.
 */
export const SETTLE_MS = 3 * 10_000;

export type Handler<W> = (sim: Sim<W>, self: ComponentId, msg: Message, from: ComponentId) => void;

export class Sim<W> {
  now = 0;
  readonly agenda = new Agenda<Delivery>();
  /** How many non-periodic deliveries the agenda holds: asked after every step, so counted, not searched. */
  private waiting = 0;
  readonly recorder = new TraceRecorder();
  readonly prng: PrngState;
  private nextId = 1;
  /** Work caused by periodic work is periodic too. */
  private inPeriodic = false;
  /** The message being handled: notes made meanwhile belong to its request and Pod. */
  private handling: Message | undefined;

  /** Typed loosely so a Sim of a larger world passes where a component asks for its slice. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readonly handlers: Record<string, Handler<any>>;
  /** Each component's handler, found once (by the id's kind) rather than on each of its deliveries. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readonly handlerOf = new Map<ComponentId, Handler<any>>();

  constructor(
    readonly world: W,
    seed: number,
    handlers: Record<string, Handler<W>>,
  ) {
    this.prng = seedPrng(seed);
    this.handlers = handlers;
  }

  /** A fresh id for a request, so its answer can be matched. */
  id(): number {
    return this.nextId++;
  }

  random(): number {
    return nextFloat(this.prng);
  }

  int(min: number, max: number): number {
    return nextInt(this.prng, min, max);
  }

  /** A latency in ms drawn from [min, max], rounded to 0.1 ms. */
  latency(min: number, max: number): number {
    return Math.round((min + this.random() * (max - min)) * 10) / 10;
  }

  hex(length: number): string {
    // One draw a digit, in order, laid out as char codes and made into one string: ids and Event names
    // take ~240 digits a Pod, and appending them made a chain of pieces (a 64-digit id some thirty).
    const codes = HEX_BUFFER;
    codes.length = length;
    for (let i = 0; i < length; i++) codes[i] = HEX_CODES[this.int(0, 15)]!;
    return String.fromCharCode.apply(null, codes);
  }

  send(d: Delivery, delay: number): void {
    const periodic = d.periodic ?? this.inPeriodic;
    if (!periodic) this.waiting++;
    // A copy marked periodic, written out field by field: a spread gave each copy a hidden class of
    // its own, and every one of them missed the lookup cache where deliver() reads deliveries.
    const item: Delivery =
      periodic && d.periodic === undefined
        ? { from: d.from, to: d.to, fanout: d.fanout, msg: d.msg, meta: d.meta, periodic: true }
        : d;
    this.agenda.push(this.now + delay, item);
  }

  /** Record a step that happens now, without a message (internal work, a summary). */
  note(from: ComponentId, meta: StepMeta, to: ComponentId = from, fanout?: ComponentId[]): Step {
    return this.recorder.add(stepOf(meta, this.now, from, to, fanout, this.handling));
  }

  /** Attach an object write to the step being recorded. */
  change(key: string, before: ApiObject | null, after: ApiObject | null, revision: number): void {
    this.recorder.change(key, before, after, revision);
  }

  /** Tell the current step differently when the receiver's outcome is not what the sender expected. */
  retell(say: Say, level?: Step['level']): void {
    const step = this.recorder.steps[this.recorder.steps.length - 1];
    if (step) step.say = say;
    // What the user sees printed is part of the story even where the sender thought it detail.
    if (step && level) step.level = level;
  }

  /** Add parameters that only the receiver knows (a revision, an IP) to the current step. */
  annotate(params: Record<string, string | number>): void {
    const step = this.recorder.steps[this.recorder.steps.length - 1];
    if (step) Object.assign(step.say.params, params);
  }

  /** Deliver the next message; false when the agenda is empty. */
  deliverNext(): Delivery | undefined {
    const at = this.agenda.peekAt();
    if (at === undefined) return undefined;
    const next = this.agenda.take()!;
    this.now = at;
    return this.deliver(next, true);
  }

  /** Deliver a message now, ahead of the agenda: a what-if fault strikes between two steps. */
  inject(d: Delivery): Delivery {
    return this.deliver(d, false);
  }

  private deliver(d: Delivery, fromAgenda: boolean): Delivery {
    // Each field read once: deliveries come in many shapes, so each read is a megamorphic lookup.
    const { from, to, fanout, msg, meta } = d;
    const periodic = !!d.periodic;
    if (fromAgenda && !periodic) this.waiting--;
    if (meta) this.recorder.add(stepOf(meta, this.now, from, to, fanout, msg));
    this.inPeriodic = periodic;
    this.handling = msg;
    try {
      this.handle(to, msg, from);
      if (fanout) for (const target of fanout) this.handle(target, msg, from);
    } finally {
      this.inPeriodic = false;
      this.handling = undefined;
    }
    return d;
  }

  private handle(target: ComponentId, msg: Message, from: ComponentId): void {
    let handler = this.handlerOf.get(target);
    if (!handler) {
      handler = this.handlers[kindOf(target)];
      if (!handler) throw new Error(`no component handles ${target}`);
      this.handlerOf.set(target, handler);
    }
    handler(this, target, msg, from);
  }

  /** True when nothing but periodic work is waiting. */
  onlyPeriodicLeft(): boolean {
    return this.waiting === 0;
  }
}

/**
 * A step in the one shape every step has: all of Step's fields, always in
 * this order, those the step lacks undefined (as good as absent to JSON, the
 * views and structuredClone's readers). Senders' metas come in dozens of
 * shapes; copying them into one keeps every reader of the 100k steps of a big
 * run monomorphic, and the step is one object of its final size instead of
 * the meta grown field by field. `changes` is the shared empty list until the
 * recorder attaches a write; `seq` and a missing `source` are the recorder's.
 * The step belongs to the request and the Pod its message names, if any.
 */
function stepOf(
  meta: StepMeta,
  at: number,
  from: ComponentId,
  to: ComponentId,
  fanout: ComponentId[] | undefined,
  msg: Message | undefined,
): Step {
  const m = msg as { id?: unknown; podKey?: unknown } | undefined;
  const id = m?.id;
  const podKey = m?.podKey;
  return {
    seq: -1,
    at,
    from,
    to,
    fanout,
    kind: meta.kind,
    verb: meta.verb,
    path: meta.path,
    status: meta.status,
    level: meta.level,
    summary: meta.summary,
    say: meta.say,
    source: meta.source,
    changes: NO_CHANGES,
    requestId: typeof id === 'number' ? id : undefined,
    pod: typeof podKey === 'string' ? podKey : undefined,
  };
}

/** `kubelet/node-1` → `kubelet`. */
export function kindOf(id: ComponentId): string {
  const slash = id.indexOf('/');
  return slash < 0 ? id : id.slice(0, slash);
}

/** `kubelet/node-1` → `node-1`. */
export function nodeOf(id: ComponentId): string {
  const slash = id.indexOf('/');
  return slash < 0 ? '' : id.slice(slash + 1);
}
