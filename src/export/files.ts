/**
 * The files an export writes: their names, the zip of numbered PNGs and
 * the animated GIF. Pure functions of their input (no DOM), so the encode
 * Worker runs them and unit tests check them.
 */
import { zipSync } from 'fflate';
import { applyPalette, GIFEncoder, quantize } from 'gifenc';

export type ExportFormat = 'png' | 'svg' | 'zip' | 'gif';

/** `podflow-<scenario>-step-007.png`: the step number is the cursor, padded so files sort in order. */
export function frameName(scenario: string, cursor: number, ext: 'png' | 'svg'): string {
  return `podflow-${scenario}-step-${String(cursor).padStart(3, '0')}.${ext}`;
}

export function rangeName(scenario: string, from: number, to: number, ext: 'zip' | 'gif'): string {
  return `podflow-${scenario}-steps-${String(from).padStart(3, '0')}-${String(to).padStart(3, '0')}.${ext}`;
}

/**
 * PNGs are compressed already, so they are stored, not deflated again; a
 * fixed modification time keeps the same range giving the same bytes.
 */
export function zipFrames(files: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const mtime = new Date(Date.UTC(2025, 0, 1));
  const entries: Record<string, [Uint8Array, { level: 0; mtime: Date }]> = {};
  for (const f of files) entries[f.name] = [f.data, { level: 0, mtime }];
  return zipSync(entries);
}

export interface RgbaFrame {
  width: number;
  height: number;
  rgba: Uint8Array | Uint8ClampedArray;
}

/** One GIF frame per step, each with its own 256-colour palette, looping forever. */
export function encodeGif(frames: readonly RgbaFrame[], delayMs: number): Uint8Array {
  const gif = GIFEncoder();
  frames.forEach((f, i) => {
    const palette = quantize(f.rgba, 256);
    const index = applyPalette(f.rgba, palette);
    gif.writeFrame(index, f.width, f.height, { palette, delay: delayMs, ...(i === 0 ? { repeat: 0 } : {}) });
  });
  gif.finish();
  return gif.bytes();
}
