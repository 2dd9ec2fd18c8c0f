/**
 * Facts about container images the simulation needs: their size (what a
 * pull costs) and their digest. Known images use their published sizes;
 * others get a stable size derived from the name, never from the run's PRNG,
 * so the same image is the same everywhere.
 */
import { remembering } from '../core/memo';
import { normalizeImage } from '../scheduler/plugins';

/** Compressed sizes as `Image size:` reports them (events.md, describe-examples.md). */
const KNOWN_SIZES: Record<string, number> = {
  'docker.io/library/nginx:1.14.2': 44710204,
  'docker.io/library/nginx:latest': 72188133,
  'docker.io/library/busybox:latest': 4277910,
  'docker.io/library/busybox:1.28': 727869,
  'registry.k8s.io/pause:3.10': 320368,
};

function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function imageSize(image: string): number {
  const ref = normalizeImage(image);
  return KNOWN_SIZES[ref] ?? 5_000_000 + (fnv1a(ref) % 120_000_000);
}

/** A stable sha256-looking digest for an image reference. */
export function imageDigest(image: string): string {
  const ref = normalizeImage(image);
  let out = '';
  for (let i = 0; out.length < 64; i++)
    out += fnv1a(ref, 0x811c9dc5 + i)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, 64);
}

/**
 * `docker.io/library/nginx@sha256:…`, as containerStatuses[].imageID shows it. Remembered: every
 * status the kubelet reports names its containers' images (~7 µs each to make).
 */
export const imageId = remembering((image: string): string => {
  const ref = normalizeImage(image);
  const repo = ref.includes('@') ? ref.slice(0, ref.indexOf('@')) : ref.slice(0, ref.lastIndexOf(':'));
  return `${repo}@sha256:${imageDigest(image)}`;
});

/**
 * Go's time.Duration.String() after truncation to milliseconds, as the
 * kubelet prints pull times: `4.211s`, `550ms`, `1m5.2s`.
 */
export function goDuration(ms: number): string {
  const whole = Math.round(ms);
  if (whole < 1000) return `${whole}ms`;
  const totalSec = whole / 1000;
  const m = Math.floor(totalSec / 60);
  const s = +(totalSec - m * 60).toFixed(3);
  const sec = `${s}s`;
  return m > 0 ? `${m}m${sec}` : sec;
}
