/**
 * Names kube-apiserver makes up: generateName suffixes, uids, timestamps.
 * All drawn from the run's PRNG so a run can be repeated.
 */
import type { Sim } from '../core/sim';

/** Models k8s.io/apimachinery/pkg/util/rand: consonants and digits that spell no words. */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function generateNameSuffix(sim: Sim<unknown>, length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += SAFE_ALPHABET[sim.int(0, SAFE_ALPHABET.length - 1)];
  return out;
}

/**
 * A version 4 UUID: 32 hex digits from four 32-bit draws, the version (digit
 * 12) and the RFC 4122 variant (digit 16, one more draw) cut in at their
 * places, as 8-4-4-4-12. Every object and Event takes one: the 36 characters
 * are laid out as char codes and made into one string, not joined from pieces.
 */
export function uuid(sim: Sim<unknown>): string {
  const codes = UUID_CODES;
  for (let word = 0; word < 4; word++) {
    const n = Math.floor(sim.random() * 2 ** 32) >>> 0;
    for (let d = 0; d < 8; d++) codes[UUID_PLACE[word * 8 + d]!] = HEX_CODES[(n >>> (28 - 4 * d)) & 15]!;
  }
  codes[UUID_PLACE[12]!] = CHAR_4;
  codes[UUID_PLACE[16]!] = VARIANT_CODES[sim.int(0, 3)]!;
  return String.fromCharCode.apply(null, codes);
}
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const VARIANT_CODES = Array.from('89ab', (c) => c.charCodeAt(0));
const CHAR_4 = '4'.charCodeAt(0);
/** Where each of the 32 digits goes in `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`. */
const UUID_PLACE = Array.from(
  { length: 32 },
  (_, i) => i + (i >= 8 ? 1 : 0) + (i >= 12 ? 1 : 0) + (i >= 16 ? 1 : 0) + (i >= 20 ? 1 : 0),
);
/** The 36 char codes, reused (the engine is single-threaded): the dashes stay, the digits are overwritten. */
const UUID_CODES: number[] = Array.from('--------------------------------------'.slice(0, 36), (c) => c.charCodeAt(0));

/** The virtual clock starts at this instant, so timestamps read like real ones. */
export const EPOCH = Date.UTC(2026, 0, 15, 9, 0, 0);

let lastSecond = NaN;
let lastText = '';

/** RFC 3339 at whole seconds, as metav1.Time serializes: the run's virtual time after a fixed epoch, no clock read. */
export function isoTime(at: number): string {
  const second = Math.floor(at / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(EPOCH + second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}
