/**
 * A seeded pseudo-random generator (sfc32). Its whole state is four numbers,
 * so a run can be saved and resumed exactly (what-if branches need that).
 */
export type PrngState = [number, number, number, number];

export function seedPrng(seed: number): PrngState {
  // splitmix32 spreads a small integer seed over the four words.
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state: PrngState = [next(), next(), next(), next()];
  for (let i = 0; i < 12; i++) nextFloat(state);
  return state;
}

/** A float in [0, 1); advances the state in place. */
export function nextFloat(st: PrngState): number {
  // Indexed reads, not `let [a, b, c, d] = st`: destructuring goes through the array iterator, which
  // code that is not optimized yet runs for real, with a result object per element, on every draw.
  let a = st[0];
  let b = st[1];
  let c = st[2];
  let d = st[3];
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) | 0;
  st[0] = a;
  st[1] = b;
  st[2] = c;
  st[3] = d;
  return (t >>> 0) / 4294967296;
}

/** An integer in [min, max]. */
export function nextInt(st: PrngState, min: number, max: number): number {
  return min + Math.floor(nextFloat(st) * (max - min + 1));
}
