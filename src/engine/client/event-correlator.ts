/**
 * client-go record's EventCorrelator (tools/record/events_cache.go), which
 * every core/v1 event recorder runs before it writes: the EventAggregator
 * folds similar Events (same source, object, type and reason, different
 * messages) into one `(combined from similar events): …` Event once ten
 * distinct messages came within ten minutes; the eventLogger turns an Event
 * it has seen before into a PATCH of the first one (count + 1,
 * lastTimestamp); the spam filter's token bucket (burst 25, one more every
 * 5 minutes per source and object) drops what is left over. Plain data, so
 * that a component's state stays serialisable; the clock is virtual ms.
 */

/** defaultAggregateMaxEvents: distinct messages of one aggregate group before they are combined. */
import { dict } from '../core/dict';

export const AGGREGATE_MAX_EVENTS = 10;
/** defaultAggregateIntervalInSeconds: a group unseen this long starts over. */
export const AGGREGATE_INTERVAL_MS = 600_000;
/** defaultSpamBurst and defaultSpamQPS: 25 Events per source and object, refilled 1 per 300 s. */
export const SPAM_BURST = 25;
export const SPAM_QPS = 1 / 300;
/** EventAggregatorByReasonMessageFunc's prefix. */
export const COMBINED_PREFIX = '(combined from similar events): ';

/** What the correlator reads of an Event. */
export interface CorrelatedEvent {
  component: string;
  host: string;
  kind: string;
  namespace: string;
  name: string;
  fieldPath: string;
  uid: string;
  apiVersion: string;
  type: string;
  reason: string;
  message: string;
}

export interface EventCorrelatorState {
  /** The aggregator's records: distinct messages seen (at most 9 kept) and when the group was last seen. */
  aggregates?: Record<string, { localKeys: string[]; last: number }>;
  /** The eventLogger's cache: the Event each key was first written as, and its count so far. */
  logs?: Record<string, { name: string; namespace: string; count: number; first: number; written?: boolean }>;
  /** The spam filter's token buckets, per source and object. */
  spam?: Record<string, { tokens: number; last: number }>;
}

/**
 * `create`: POST the Event (its message possibly the combined one) under
 * `name`: a first occurrence, or one whose earlier occurrences the spam
 * filter dropped (recordToSink creates when there is nothing to PATCH), with
 * its count. `patch`: PATCH the Event first written under this key (count,
 * lastTimestamp, message). `skip`: the spam filter dropped it.
 */
export type CorrelateResult =
  | {
      action: 'create' | 'patch';
      message: string;
      name: string;
      namespace: string;
      count: number;
      first: number;
      aggregated: boolean;
    }
  | { action: 'skip' };

// The keys are the parts run together (strings.Join with ""). Every Event makes all three: the group
// key is the spam key and two more parts, and so is the event key the group key and the message
// when there is no fieldPath, so each is built on the one before rather than from its parts again.

/** getSpamKey: source and object only. */
export function spamKey(e: CorrelatedEvent): string {
  return `${e.component}${e.host}${e.kind}${e.namespace}${e.name}${e.uid}${e.apiVersion}`;
}

/**
 * EventAggregatorByReasonFunc: the group key (source, object without
 * fieldPath, type, reason; reportingController and reportingInstance, empty
 * for the legacy recorder) and the local key (the message).
 */
export function aggregateKey(e: CorrelatedEvent, spam: string = spamKey(e)): string {
  return spam + e.type + e.reason;
}

/** getEventKey: source, involvedObject (with fieldPath), type, reason, message. */
export function eventKey(e: CorrelatedEvent, group: string = aggregateKey(e)): string {
  if (!e.fieldPath) return group + e.message;
  return `${e.component}${e.host}${e.kind}${e.namespace}${e.name}${e.fieldPath}${e.uid}${e.apiVersion}${e.type}${e.reason}${e.message}`;
}

/**
 * EventAggregator.EventAggregate: the message to record and the key to
 * correlate it under (the full event key, or the group key once combined).
 */
function aggregate(st: EventCorrelatorState, e: CorrelatedEvent, now: number, group: string) {
  const groups = (st.aggregates ??= dict());
  let record = groups[group];
  // A record unseen for longer than the interval (or none: the zero time) starts over.
  if (!record || now - record.last > AGGREGATE_INTERVAL_MS) record = { localKeys: [], last: now };
  if (!record.localKeys.includes(e.message)) record.localKeys.push(e.message);
  record.last = now;
  groups[group] = record;
  if (record.localKeys.length < AGGREGATE_MAX_EVENTS) return false;
  // Do not grow the set any larger: PopAny takes one out (here the oldest).
  record.localKeys.shift();
  return true;
}

/** flowcontrol's token bucket (NewTokenBucketRateLimiterWithClock): starts full, refills at qps up to burst. */
function tryAccept(st: EventCorrelatorState, key: string, now: number): boolean {
  const buckets = (st.spam ??= dict());
  const b = (buckets[key] ??= { tokens: SPAM_BURST, last: now });
  b.tokens = Math.min(SPAM_BURST, b.tokens + ((now - b.last) / 1000) * SPAM_QPS);
  b.last = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

/**
 * EventCorrelate: aggregate, then observe (the logger counts the Event even
 * if the spam filter then drops it, so a later PATCH's count jumps), then
 * filter. `created` names the Event a first occurrence writes (makeEvent's
 * name), logged for the next occurrence.
 */
export function correlate(
  st: EventCorrelatorState,
  e: CorrelatedEvent,
  now: number,
  created: () => { name: string; namespace: string },
): CorrelateResult {
  const spam = spamKey(e);
  const group = aggregateKey(e, spam);
  const aggregated = aggregate(st, e, now, group);
  const message = aggregated ? COMBINED_PREFIX + e.message : e.message;
  const key = aggregated ? group : eventKey(e, group);
  const logs = (st.logs ??= dict());
  const seen = logs[key];
  if (seen) seen.count++;
  let log = seen;
  if (!log) {
    // Every field written at once, `written` too: records of one shape keep the correlator's loads fast.
    const { name, namespace } = created();
    log = logs[key] = { name, namespace, count: 1, first: now, written: false };
  }
  if (!tryAccept(st, spam, now)) return { action: 'skip' };
  const { name, namespace, count, first } = log;
  const action = log.written ? 'patch' : 'create';
  log.written = true;
  return { action, message, name, namespace, count, first, aggregated };
}
