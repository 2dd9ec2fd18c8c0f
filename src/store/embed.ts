/**
 * Embed mode, for an iframe in a slide deck or a course page:
 * `?embed=1&from=3&to=12&autoplay=1&controls=0&origin=https://deck.example`,
 * with the view itself (scenario, start step, speed, loop, …) in the
 * fragment as for any link. Options are validated like the rest of a link.
 */
export interface EmbedOptions {
  embed: boolean;
  /** The step range playback stays in (cursor numbers, as "Step N of M" counts). */
  from?: number;
  to?: number;
  autoplay: boolean;
  /** Show the transport bar. */
  controls: boolean;
  /**
   * Parent origins allowed to drive the embed and hear its events. Empty: any parent (events carry no
   * secrets). `null` is the origin of a page opened from a file.
   */
  origins: string[];
}

const STEP = /^\d{1,7}$/;
const FLAG: Record<string, boolean> = { '1': true, '0': false, true: true, false: false };

function origin(raw: string): string | undefined {
  if (raw === 'null') return raw;
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === raw ? raw : undefined;
  } catch {
    return undefined;
  }
}

export function readEmbed(search: string): { options: EmbedOptions; rejected: string[] } {
  const params = new URLSearchParams(search.length > 2_048 ? '' : search);
  const options: EmbedOptions = { embed: false, autoplay: false, controls: true, origins: [] };
  const rejected: string[] = [];
  for (const [name, raw] of params) {
    let ok = true;
    if (name === 'embed' || name === 'autoplay' || name === 'controls') {
      ok = Object.hasOwn(FLAG, raw);
      if (ok) options[name] = FLAG[raw]!;
    } else if (name === 'from' || name === 'to') {
      ok = STEP.test(raw);
      if (ok) options[name] = Number(raw);
    } else if (name === 'origin') {
      const o = origin(raw);
      ok = o !== undefined;
      if (o) options.origins.push(o);
    } else ok = false;
    if (!ok) rejected.push(name);
  }
  if (options.from !== undefined && options.to !== undefined && options.from > options.to) {
    rejected.push('from', 'to');
    delete options.from;
    delete options.to;
  }
  return { options, rejected };
}

export const EMBED = readEmbed(typeof location === 'undefined' ? '' : location.search);

/** The embed's range as the store keeps it, or none. */
export function embedRange(o: EmbedOptions): { from: number; to: number } | null {
  if (!o.embed || (o.from === undefined && o.to === undefined)) return null;
  return { from: o.from ?? 0, to: o.to ?? Number.MAX_SAFE_INTEGER };
}

export interface EmbedChoice {
  from: number;
  to: number;
  autoplay: boolean;
  controls: boolean;
  title: string;
}

/** The embed's address: the app's own URL with the embed options, and the view in the fragment. */
export function embedUrl(app: string, choice: EmbedChoice, fragment: string): string {
  const url = new URL(app);
  // The step range goes in the fragment with the view (`…#scenario=…&from=2&to=9`); the query says how to embed.
  const params = new URLSearchParams({ embed: '1' });
  if (choice.autoplay) params.set('autoplay', '1');
  if (!choice.controls) params.set('controls', '0');
  url.search = params.toString();
  url.hash = fragment;
  return url.toString();
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };

/** The iframe to paste: sized for a 16:9 slide, titled for screen readers. */
export function embedSnippet(src: string, title: string): string {
  const escape = (text: string): string => text.replace(/[&"<>]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
  return `<iframe src="${escape(src)}" title="${escape(title)}" width="960" height="540" style="border:0" loading="lazy"></iframe>`;
}
