/**
 * cloneData: what structuredClone gives for JSON-like data (plain objects,
 * arrays without holes, primitives), without its serialize-and-parse round
 * trip through the host (several times slower on the Pod bodies every create
 * copies). An object reached twice (a YAML alias, a label map two fields
 * share) is copied once and stays shared in the copy, as structuredClone
 * keeps it. Anything else (a Date from a YAML timestamp, a Map, a sparse
 * array, a class instance, a function) sends the whole value to
 * structuredClone, so the result, or the error, is always structuredClone's.
 */
export function cloneData<T>(value: T): T {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? structuredClone(value) : value;
  const out = copy(value, new Map());
  return out === NOT_PLAIN ? structuredClone(value) : (out as T);
}

/** Returned from anywhere inside: the value holds something only structuredClone copies faithfully. */
const NOT_PLAIN = Symbol('not plain');

function copy(value: unknown, seen: Map<object, unknown>): unknown {
  if (value === null) return null;
  const type = typeof value;
  if (type !== 'object') return type === 'function' || type === 'symbol' ? NOT_PLAIN : value;
  const obj = value as object;
  const done = seen.get(obj);
  if (done !== undefined) return done;
  const proto = Object.getPrototypeOf(obj);
  if (proto === Array.prototype) {
    const arr = obj as unknown[];
    const out: unknown[] = [];
    seen.set(obj, out);
    for (let i = 0; i < arr.length; i++) {
      // A hole stays a hole in structuredClone; an own non-index property is copied too: leave both to it.
      if (!(i in arr)) return NOT_PLAIN;
      const v = copy(arr[i], seen);
      if (v === NOT_PLAIN) return NOT_PLAIN;
      out.push(v);
    }
    return Object.keys(arr).length === arr.length ? out : NOT_PLAIN;
  }
  if (proto !== Object.prototype) return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  seen.set(obj, out);
  const src = obj as Record<string, unknown>;
  for (const key of Object.keys(src)) {
    // Assigning `__proto__` would set the prototype, where structuredClone makes an own property.
    if (key === '__proto__') return NOT_PLAIN;
    const v = copy(src[key], seen);
    if (v === NOT_PLAIN) return NOT_PLAIN;
    out[key] = v;
  }
  return out;
}
