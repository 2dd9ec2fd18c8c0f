import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../headless';
import { en } from '../i18n/en';
import { translator } from '../i18n';
import { visibleSteps } from '../store/visible';
import { encodeGif, frameName, rangeName, zipFrames } from './files';
import { clip, PALETTE, renderSvg, type FrameInput } from './render-svg';

const run = simulateScenario('deployment');
const visible = visibleSteps(run.trace.steps, 'overview');
const t = translator('en');

function frame(patch: Partial<FrameInput> = {}): string {
  return renderSvg({
    trace: run.trace,
    visible,
    cursor: 3,
    progress: 0.5,
    theme: 'light',
    t,
    width: 1280,
    height: 720,
    ...patch,
  });
}

describe('renderSvg', () => {
  it('gives the same string for the same input', () => {
    expect(frame()).toBe(frame());
    expect(frame({ cursor: visible.length, theme: 'dark' })).toBe(frame({ cursor: visible.length, theme: 'dark' }));
  });

  it('is plain SVG: shapes and <text>, no foreignObject, no CSS', () => {
    const svg = frame();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<text');
    expect(svg).not.toMatch(/foreignObject|<style|<image|url\(/);
    const tags = new Set([...svg.matchAll(/<([a-z]+)/g)].map((m) => m[1]));
    expect([...tags].filter((tag) => !['circle', 'g', 'line', 'rect', 'svg', 'text'].includes(tag!))).toEqual([]);
    expect(tags.has('rect') && tags.has('line') && tags.has('text')).toBe(true);
  });

  it('names every component of the topology', () => {
    const svg = frame();
    for (const kind of [
      'kubectl',
      'kube-apiserver',
      'etcd',
      'kube-scheduler',
      'kubelet',
      'runtime',
      'cni',
      'kube-proxy',
    ]) {
      expect(svg).toContain(`>${en.component[kind as keyof typeof en.component]}</text>`);
    }
    expect(svg).toContain(`>${en.diagram.controlPlane}</text>`);
  });

  it('shows each Pod with its kubectl STATUS at the end', () => {
    const svg = frame({ cursor: visible.length });
    const pods = run.getPods();
    expect(pods.length).toBeGreaterThan(0);
    for (const p of pods) {
      expect(svg).toContain(`data-pod="${p.name}"`);
      expect(svg).toContain(`>${p.status}</text>`);
    }
    expect(pods.every((p) => p.status === 'Running')).toBe(true);
  });

  it('draws the light and the dark palette', () => {
    const light = frame();
    const dark = frame({ theme: 'dark' });
    expect(light).toContain(`fill="${PALETTE.light.bg}"`);
    expect(dark).toContain(`fill="${PALETTE.dark.bg}"`);
    expect(light).not.toContain(PALETTE.dark.bg);
    expect(dark).not.toContain(PALETTE.light.bg);
  });

  it('moves the packet with progress, and captions the step title and counter', () => {
    const step = visible.findIndex((s) => s.from !== s.to) + 1;
    const at = (progress: number) =>
      /<circle cx="([\d.-]+)" cy="([\d.-]+)"/.exec(frame({ cursor: step, progress }))!.slice(1);
    expect(at(0)).not.toEqual(at(1));
    expect(at(0.25)).not.toEqual(at(0.75));
    const svg = frame({ cursor: step });
    expect(svg).toContain(`>${step} / ${visible.length}</text>`);
    expect(svg).toContain(run.steps('overview')[step - 1]!.title.slice(0, 20).replace(/&/g, '&amp;'));
    expect(frame({ cursor: 0, startTitle: 'Hello <world>' })).toContain('>Hello &lt;world&gt;</text>');
  });

  it('clips long captions, wide characters counting double', () => {
    expect(clip('abcdef', 4)).toBe('abcd…');
    expect(clip('调度器绑定', 4)).toBe('调度…');
    expect(clip('short', 10)).toBe('short');
  });
});

describe('export files', () => {
  it('numbers frames so they sort in order', () => {
    expect(frameName('deployment', 7, 'png')).toBe('podflow-deployment-step-007.png');
    expect(rangeName('deployment', 2, 12, 'zip')).toBe('podflow-deployment-steps-002-012.zip');
  });

  it('zips the numbered PNGs, one entry each, byte for byte and the same every time', () => {
    const files = [3, 4, 5].map((c) => ({
      name: frameName('x', c, 'png'),
      data: new Uint8Array([137, 80, 78, 71, c]),
    }));
    const zip = zipFrames(files);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(['podflow-x-step-003.png', 'podflow-x-step-004.png', 'podflow-x-step-005.png']);
    expect([...back['podflow-x-step-004.png']!]).toEqual([137, 80, 78, 71, 4]);
    expect(zipFrames(files)).toEqual(zip);
  });

  /** Walks the GIF's blocks and counts image descriptors (one per frame). */
  function gifFrames(bytes: Uint8Array): {
    header: string;
    width: number;
    height: number;
    frames: number;
    loops: boolean;
  } {
    const header = String.fromCharCode(...bytes.slice(0, 6));
    const width = bytes[6]! | (bytes[7]! << 8);
    const height = bytes[8]! | (bytes[9]! << 8);
    let i = 13;
    if (bytes[10]! & 0x80) i += 3 * 2 ** ((bytes[10]! & 7) + 1);
    let frames = 0;
    let loops = false;
    const skipSubBlocks = (): void => {
      while (bytes[i]! !== 0) i += bytes[i]! + 1;
      i++;
    };
    while (i < bytes.length && bytes[i] !== 0x3b) {
      if (bytes[i] === 0x21) {
        if (bytes[i + 1] === 0xff && String.fromCharCode(...bytes.slice(i + 3, i + 14)) === 'NETSCAPE2.0') loops = true;
        i += 2;
        skipSubBlocks();
      } else if (bytes[i] === 0x2c) {
        frames++;
        const packed = bytes[i + 9]!;
        i += 10;
        if (packed & 0x80) i += 3 * 2 ** ((packed & 7) + 1);
        i++; // LZW minimum code size
        skipSubBlocks();
      } else throw new Error(`bad block ${bytes[i]} at ${i}`);
    }
    return { header, width, height, frames, loops };
  }

  it('encodes a looping GIF89a with one frame per step', () => {
    const frames = [0, 1, 2, 3].map((k) => {
      const rgba = new Uint8Array(8 * 6 * 4);
      for (let p = 0; p < rgba.length; p += 4) rgba.set([k * 60, 255 - k * 60, (p / 4) % 256, 255], p);
      return { width: 8, height: 6, rgba };
    });
    const gif = gifFrames(encodeGif(frames, 1500));
    expect(gif).toEqual({ header: 'GIF89a', width: 8, height: 6, frames: 4, loops: true });
  });
});
