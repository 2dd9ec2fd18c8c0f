/**
 * Whether two plain values serialize to the same JSON — the answer of
 * `JSON.stringify(a) === JSON.stringify(b)` without building either string.
 * For a controller that compares what it would write with what is stored
 * (an EndpointSlice of a thousand endpoints), the strings cost more than the
 * walk, and the walk stops at the first difference. Follows JSON.stringify's
 * rules: keys in Object.keys order, an undefined (or function) property left
 * out and an undefined array element written as null, a non-finite number
 * written as null; a value with a toJSON method is compared by its JSON.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  const x = asJsonPrimitive(a);
  const y = asJsonPrimitive(b);
  if (x === y) return true;
  if (hasToJson(x) || hasToJson(y)) return JSON.stringify(x) === JSON.stringify(y);
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  const xArray = Array.isArray(x);
  if (xArray !== Array.isArray(y)) return false;
  if (xArray) {
    const xs = x as unknown[];
    const ys = y as unknown[];
    if (xs.length !== ys.length) return false;
    for (let i = 0; i < xs.length; i++) if (!sameJson(inArray(xs[i]), inArray(ys[i]))) return false;
    return true;
  }
  const xo = x as Record<string, unknown>;
  const yo = y as Record<string, unknown>;
  const xk = Object.keys(xo);
  const yk = Object.keys(yo);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < xk.length && omitted(xo[xk[i]!])) i++;
    while (j < yk.length && omitted(yo[yk[j]!])) j++;
    if (i === xk.length || j === yk.length) return i === xk.length && j === yk.length;
    if (xk[i] !== yk[j] || !sameJson(xo[xk[i]!], yo[yk[j]!])) return false;
    i++;
    j++;
  }
}

/** A number JSON cannot write (NaN, ±Infinity) is written as null. */
function asJsonPrimitive(v: unknown): unknown {
  return typeof v === 'number' && !Number.isFinite(v) ? null : v;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function inArray(v: unknown): unknown {
  return omitted(v) ? null : v;
}

function hasToJson(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function';
}
