/**
 * The Content-Security-Policy of every production build, as a <meta> in
 * index.html: nothing remote, nothing inline unless hashed, no eval. Inline
 * scripts and styles (the single-file build has them) are allowed by their
 * sha256, computed from the final HTML, after every other plugin is done.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const CSP_META = /\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function scriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map((m) => sha256(m[1]!));
}

export function styleHashes(html: string): string[] {
  return [...html.matchAll(INLINE_STYLE)].map((m) => sha256(m[1]!));
}

export function contentSecurityPolicy(html: string): string {
  return [
    "default-src 'none'",
    ["script-src 'self'", ...scriptHashes(html)].join(' '),
    ["style-src 'self'", ...styleHashes(html)].join(' '),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function withCsp(html: string): string {
  const bare = html.replace(CSP_META, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(bare)}" />`;
  // First in <head> after the charset, so it governs everything that follows.
  return bare.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    ${meta}`);
}

/** Last of the plugins: it sees index.html as it will be written (inlined or not). */
export function csp(): Plugin {
  return {
    name: 'podflow-csp',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      // After vite-plugin-singlefile, whose own hook is also order 'post' and comes earlier in the list.
      order: 'post',
      handler(_, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type === 'asset' && file.fileName.endsWith('.html') && typeof file.source === 'string') {
            file.source = withCsp(file.source);
          }
        }
      },
    },
  };
}
