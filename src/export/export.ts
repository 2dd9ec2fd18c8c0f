/**
 * Export in the browser: render frames with the pure SVG renderer,
 * rasterize them (an Image of the SVG drawn on a canvas), and hand the
 * heavy encoding (zip, GIF) to a Worker. Loaded only when the learner
 * exports, so the first paint does not pay for it.
 */
import { canUseWorkers } from '../platform';
import type { Step, Trace } from '../engine';
import type { Translate } from '../i18n';
import type { EncodeReply, EncodeRequest } from './encode.worker';
import { encodeGif, frameName, rangeName, zipFrames, type ExportFormat, type RgbaFrame } from './files';
import { renderSvg, type ExportTheme } from './render-svg';

export interface ExportJob {
  format: ExportFormat;
  trace: Trace;
  visible: readonly Step[];
  scenario: string;
  /** For png/svg the one cursor exported is `from`. */
  from: number;
  to: number;
  width: number;
  height: number;
  theme: ExportTheme;
  t: Translate;
  startTitle: string;
  /** Called after each frame, for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

/** Still frames show the packet half way along its edge, so the step's direction reads at a glance. */
const STILL_PROGRESS = 0.5;
const GIF_DELAY_MS = 1500;

function svgOf(job: ExportJob, cursor: number): string {
  return renderSvg({
    trace: job.trace,
    visible: job.visible,
    cursor,
    progress: STILL_PROGRESS,
    theme: job.theme,
    t: job.t,
    width: job.width,
    height: job.height,
    startTitle: job.startTitle,
  });
}

async function canvasOf(svg: string, width: number, height: number): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.drawImage(img, 0, 0, width, height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function pngOf(svg: string, width: number, height: number): Promise<Blob> {
  const canvas = await canvasOf(svg, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

async function rgbaOf(svg: string, width: number, height: number): Promise<RgbaFrame> {
  const canvas = await canvasOf(svg, width, height);
  const rgba = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
  return { width, height, rgba };
}

/** Runs the encoding in a Worker where there is one; here otherwise. */
function encode(req: EncodeRequest): Promise<Uint8Array> {
  if (!canUseWorkers()) {
    return Promise.resolve(req.kind === 'zip' ? zipFrames(req.files) : encodeGif(req.frames, req.delay));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./encode.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (e: MessageEvent<EncodeReply>) => {
      worker.terminate();
      if ('bytes' in e.data) resolve(e.data.bytes);
      else reject(new Error(e.data.error));
    });
    worker.addEventListener('error', (e) => {
      worker.terminate();
      reject(new Error(e.message));
    });
    const buffers =
      req.kind === 'zip' ? req.files.map((f) => f.data.buffer) : req.frames.map((f) => f.rgba.buffer as ArrayBuffer);
    worker.postMessage(req, buffers as ArrayBuffer[]);
  });
}

/** The file for a job: its name and contents. */
export async function runExport(job: ExportJob): Promise<{ name: string; blob: Blob }> {
  const { width, height, format, scenario } = job;
  if (format === 'svg') {
    return {
      name: frameName(scenario, job.from, 'svg'),
      blob: new Blob([svgOf(job, job.from)], { type: 'image/svg+xml' }),
    };
  }
  if (format === 'png') {
    return { name: frameName(scenario, job.from, 'png'), blob: await pngOf(svgOf(job, job.from), width, height) };
  }
  const cursors: number[] = [];
  for (let c = job.from; c <= job.to; c++) cursors.push(c);
  if (format === 'zip') {
    const files: { name: string; data: Uint8Array }[] = [];
    for (const c of cursors) {
      const png = await pngOf(svgOf(job, c), width, height);
      files.push({ name: frameName(scenario, c, 'png'), data: new Uint8Array(await png.arrayBuffer()) });
      job.onProgress?.(files.length, cursors.length);
    }
    const bytes = await encode({ kind: 'zip', files });
    return {
      name: rangeName(scenario, job.from, job.to, 'zip'),
      blob: new Blob([bytes as BlobPart], { type: 'application/zip' }),
    };
  }
  const frames: RgbaFrame[] = [];
  for (const c of cursors) {
    frames.push(await rgbaOf(svgOf(job, c), width, height));
    job.onProgress?.(frames.length, cursors.length);
  }
  const bytes = await encode({ kind: 'gif', frames, delay: GIF_DELAY_MS });
  return {
    name: rangeName(scenario, job.from, job.to, 'gif'),
    blob: new Blob([bytes as BlobPart], { type: 'image/gif' }),
  };
}

/** Saves a blob as a download with its name. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
