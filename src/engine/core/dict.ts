/**
 * A record keyed by names that come and go with the run (Pod keys, volume
 * names, container ids, Event keys): a plain object, but in V8's dictionary
 * mode from the start. A `{}` that is given keys no other object has gets a
 * new hidden class for each of them, and the class it came from records the
 * transition to it; with thousands of such keys (every Pod's) each new one
 * took microseconds. An object without a prototype is made in dictionary
 * mode: a key is a hash-table entry, nothing more. Keys, values, their order
 * (insertion order, integer keys first) and JSON are those of `{}`; only
 * Object.prototype's members are missing, which no record may be looked up
 * by anyway.
 */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
