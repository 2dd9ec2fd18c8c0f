/**
 * A frame of the diagram as plain SVG: rectangles, lines, circles and
 * <text>, nothing else (no foreignObject, no CSS, no web fonts), so
 * PowerPoint, Keynote and Inkscape show it as the browser does. It is drawn
 * from (trace, step, packet progress) and the same topology the live
 * diagram uses, never captured from the page: the same input always gives
 * the same string.
 */
import type { ComponentId, Step, Trace } from '../engine';
import type { Translate } from '../i18n';
import { shortName } from '../diagram/PodCard';
import { nodeReadyAt, podsAt, type PodView } from '../diagram/pods';
import { buildTopology, center, optionalPartsOf, type Box, type Topology } from '../diagram/topology';
import { narrationOf } from '../i18n/narrate';

export type ExportTheme = 'light' | 'dark';

/** The colours of styles.css, one set per theme (the SVG cannot read CSS variables). */
export const PALETTE = {
  light: {
    bg: '#f6f8fb',
    text: '#1b2230',
    muted: '#4f5b6d',
    border: '#cfd6e1',
    groupCp: '#eef3fd',
    groupNode: '#f1f7f1',
    groupTray: '#fdf6e9',
    edge: '#9aa6b8',
    edgeActive: '#2357c9',
    component: '#ffffff',
    from: '#2357c9',
    to: '#0f8a5f',
    ok: '#0b7a3e',
    okBg: '#e3f5ea',
    progress: '#8a5a00',
    progressBg: '#fff3d6',
    failed: '#b3261e',
    failedBg: '#fde7e5',
    caption: '#ffffff',
    packet: { request: '#2357c9', response: '#0f8a5f', watch: '#8e3fc4', event: '#b86e00', internal: '#2357c9' },
  },
  dark: {
    bg: '#0f141c',
    text: '#e6ebf2',
    muted: '#a9b4c4',
    border: '#334052',
    groupCp: '#17233a',
    groupNode: '#15261d',
    groupTray: '#2b2414',
    edge: '#52607a',
    edgeActive: '#8db0ff',
    component: '#1d2633',
    from: '#8db0ff',
    to: '#4cd39b',
    ok: '#6ee7a1',
    okBg: '#123323',
    progress: '#ffd27a',
    progressBg: '#33290f',
    failed: '#ff9a90',
    failedBg: '#3d1714',
    caption: '#171e29',
    packet: { request: '#8db0ff', response: '#4cd39b', watch: '#d39bff', event: '#ffc266', internal: '#8db0ff' },
  },
} as const;

export interface FrameInput {
  trace: Trace;
  /** The steps shown at the chosen detail level. */
  visible: readonly Step[];
  /** 0 = before the first step; n = after visible step n. */
  cursor: number;
  /** Where the step's packet is on its edge, 0 (at the sender) to 1 (at the receiver). */
  progress: number;
  theme: ExportTheme;
  t: Translate;
  /** Output size in pixels; the diagram is fitted inside, centred. */
  width: number;
  height: number;
  /** The title shown before the first step (the scenario's). */
  startTitle?: string;
}

const FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
const MONO = "ui-monospace, 'SF Mono', Menlo, Consolas, 'Noto Sans Mono', monospace";
const MARGIN = 24;
const CAPTION_H = 96;
const CARD_H = 52;
const CARD_H_COMPACT = 36;
const CARD_GAP = 6;
const MAX_CARDS = 3;
const ICON: Record<PodView['health'], string> = { ok: '✓', progress: '◷', failed: '✕' };

/** Numbers with at most two decimals and no trailing zeros: the string never depends on float noise. */
function n(v: number): string {
  return String(Math.round(v * 100) / 100);
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Keeps a line within `max` characters, wide (CJK) characters counting double. */
export function clip(s: string, max: number): string {
  let width = 0;
  let out = '';
  for (const ch of s) {
    width += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
    if (width > max) return `${out}…`;
    out += ch;
  }
  return out;
}

/** A bold name fits its box: long names (kube-controller-manager) get a smaller size, never below 11. */
export function nameSize(name: string, room: number): number {
  const width = [...name].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.6), 0);
  return Math.max(11, Math.min(15, Math.floor((room / width) * 2) / 2));
}

function rect(b: Box, fill: string, stroke: string, rx: number, strokeWidth = 1): string {
  return `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="${rx}" fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`;
}

function text(x: number, y: number, s: string, size: number, fill: string, extra = ''): string {
  return `<text x="${n(x)}" y="${n(y)}" font-size="${size}" fill="${fill}"${extra}>${escapeXml(s)}</text>`;
}

function roleOf(step: Step | null, id: ComponentId): 'from' | 'to' | 'self' | null {
  if (!step) return null;
  if (step.from === id && step.to === id) return 'self';
  if (step.from === id) return 'from';
  if (step.to === id || step.fanout?.includes(id)) return 'to';
  return null;
}

function ease(p: number): number {
  const x = Math.max(0, Math.min(1, p));
  return x < 0.5 ? 2 * x * x : 1 - (-2 * x + 2) ** 2 / 2;
}

function podCards(
  pods: readonly PodView[],
  area: Box,
  compact: boolean,
  c: (typeof PALETTE)[ExportTheme],
  t: Translate,
): string[] {
  const out: string[] = [];
  const h = compact ? CARD_H_COMPACT : CARD_H;
  const shown = pods.length > MAX_CARDS ? MAX_CARDS - 1 : pods.length;
  pods.slice(0, shown).forEach((p, i) => {
    const y = area.y + i * (h + CARD_GAP);
    const fg = c[p.health];
    const bg = c[`${p.health}Bg`];
    out.push(`<g data-pod="${escapeXml(p.name)}">`);
    out.push(rect({ x: area.x, y, w: area.w, h }, bg, fg, 6));
    out.push(text(area.x + 8, y + 16, `${ICON[p.health]} ${shortName(p.name)}`, 12, c.text, ' font-weight="600"'));
    out.push(text(area.x + 8, y + 31, p.status, 12, fg, ' font-weight="600"'));
    out.push(text(area.x + area.w - 8, y + 31, p.ready, 12, c.text, ' text-anchor="end"'));
    if (!compact) {
      const ip = p.ip === '<none>' ? t('diagram.noIP') : p.ip;
      out.push(text(area.x + 8, y + 46, ip, 11, c.muted, ` font-family="${MONO}"`));
    }
    out.push('</g>');
  });
  if (pods.length > shown) {
    const rest = pods.slice(shown);
    const y = area.y + shown * (h + CARD_GAP) + 14;
    const label = t('diagram.morePods', {
      count: rest.length,
      running: rest.filter((p) => p.status === 'Running').length,
    });
    out.push(text(area.x + 8, y, label, 12, c.muted));
  }
  return out;
}

/** The frame's title and counter: the step's narration title, or the scenario's before the first step. */
export function captionOf(input: Pick<FrameInput, 'visible' | 'cursor' | 't' | 'startTitle'>): {
  title: string;
  counter: string;
} {
  const step = input.cursor === 0 ? null : (input.visible[input.cursor - 1] ?? null);
  return {
    title: step ? narrationOf(input.t, step).title : (input.startTitle ?? ''),
    counter: `${input.cursor} / ${input.visible.length}`,
  };
}

const topologies = new WeakMap<object, Topology>();

function topologyOf(trace: Trace): Topology {
  let top = topologies.get(trace.steps);
  if (!top) {
    top = buildTopology(trace.nodes, optionalPartsOf(trace.steps));
    topologies.set(trace.steps, top);
  }
  return top;
}

export function renderSvg(input: FrameInput): string {
  const { trace, visible, cursor, theme, t } = input;
  const c = PALETTE[theme];
  const top = topologyOf(trace);
  const step = cursor === 0 ? null : (visible[cursor - 1] ?? null);
  const seq = step?.seq ?? -1;
  const pods = podsAt(trace, seq);

  // Fit the diagram plus the caption band into the requested size, centred.
  const b = top.bounds;
  const contentW = b.w + 2 * MARGIN;
  const contentH = b.h + 2 * MARGIN + CAPTION_H;
  const scale = Math.min(input.width / contentW, input.height / contentH);
  const vw = input.width / scale;
  const vh = input.height / scale;
  const vx = b.x - MARGIN - (vw - contentW) / 2;
  const vy = b.y - MARGIN - (vh - contentH) / 2;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${input.width}" height="${input.height}" viewBox="${n(vx)} ${n(vy)} ${n(vw)} ${n(vh)}" font-family="${FONT}" data-theme="${theme}">`,
  );
  out.push(`<rect x="${n(vx)}" y="${n(vy)}" width="${n(vw)}" height="${n(vh)}" fill="${c.bg}"/>`);

  for (const g of top.groups) {
    const fill = g.kind === 'control-plane' ? c.groupCp : g.kind === 'worker' ? c.groupNode : c.groupTray;
    const ready = g.kind !== 'worker' || nodeReadyAt(trace, g.node!, seq);
    out.push(rect(g.box, fill, ready ? c.border : c.failed, 12, ready ? 1 : 2));
    const label =
      g.kind === 'control-plane'
        ? t('diagram.controlPlane')
        : g.kind === 'worker'
          ? t('diagram.node', { name: g.node! })
          : t('diagram.unscheduled');
    out.push(
      text(
        g.box.x + 12,
        g.box.y + 20,
        label + (ready ? '' : ` · ${t('diagram.nodeNotReady')}`),
        13,
        c.muted,
        ' font-weight="600"',
      ),
    );
  }

  const lit = new Set<string>();
  if (step && step.from !== step.to)
    for (const to of [step.to, ...(step.fanout ?? [])]) lit.add([step.from, to].sort().join('--'));
  const place = (id: ComponentId) => top.components.find((p) => p.id === id);
  for (const e of top.edges) {
    const a = place(e.source);
    const z = place(e.target);
    if (!a || !z) continue;
    const p = center(a.box);
    const q = center(z.box);
    const on = lit.has(e.id);
    out.push(
      `<line x1="${n(p.x)}" y1="${n(p.y)}" x2="${n(q.x)}" y2="${n(q.y)}" stroke="${on ? c.edgeActive : c.edge}" stroke-width="${on ? 3 : 1.5}"/>`,
    );
  }

  for (const comp of top.components) {
    const role = roleOf(step, comp.id);
    const stroke = role === 'to' ? c.to : role ? c.from : c.border;
    out.push(`<g data-component="${escapeXml(comp.id)}">`);
    out.push(rect(comp.box, c.component, stroke, 8, role ? 3 : 1));
    const name = t(`component.${comp.kind}`);
    out.push(
      text(
        comp.box.x + comp.box.w / 2,
        comp.box.y + 23,
        name,
        nameSize(name, comp.box.w - 12),
        c.text,
        ' text-anchor="middle" font-weight="600"',
      ),
    );
    out.push(
      text(comp.box.x + comp.box.w / 2, comp.box.y + 41, t(`role.${comp.kind}`), 11, c.muted, ' text-anchor="middle"'),
    );
    out.push('</g>');
  }

  for (const g of top.groups) {
    if (g.kind === 'control-plane') continue;
    const node = g.kind === 'worker' ? g.node! : '';
    const area = top.podAreas[g.kind === 'worker' ? g.node! : 'unscheduled'];
    if (area) out.push(...podCards(pods.get(node) ?? [], area, g.kind === 'unscheduled', c, t));
  }

  if (step && step.from !== step.to) {
    const from = place(step.from);
    const k = ease(input.progress);
    for (const id of [step.to, ...(step.fanout ?? [])]) {
      const to = place(id);
      if (!from || !to) continue;
      const a = center(from.box);
      const z = center(to.box);
      const x = a.x + (z.x - a.x) * k;
      const y = a.y + (z.y - a.y) * k;
      out.push(
        `<circle cx="${n(x)}" cy="${n(y)}" r="9" fill="${c.packet[step.kind]}" stroke="${c.bg}" stroke-width="2" data-packet="${escapeXml(id)}"/>`,
      );
    }
  }

  const { title, counter } = captionOf(input);
  const cap: Box = { x: b.x, y: b.y + b.h + MARGIN, w: b.w, h: CAPTION_H - MARGIN };
  out.push(rect(cap, c.caption, c.border, 10));
  out.push(
    text(
      cap.x + 20,
      cap.y + cap.h / 2 + 9,
      clip(title, Math.floor((cap.w - 160) / 13)),
      26,
      c.text,
      ' font-weight="700"',
    ),
  );
  out.push(
    text(cap.x + cap.w - 20, cap.y + cap.h / 2 + 8, counter, 20, c.muted, ` text-anchor="end" font-family="${MONO}"`),
  );
  out.push('</svg>');
  return out.join('\n');
}
