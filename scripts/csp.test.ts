import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, scriptHashes, withCsp } from './csp.ts';

const HTML = `<!doctype html>
<html><head>
<meta charset="UTF-8" />
<script type="module" src="./assets/index.js"></script>
<script>window.boot = 1;</script>
</head><body></body></html>`;

describe('the Content-Security-Policy of the build', () => {
  it('allows inline scripts by their sha256 only, and scripts with src from self', () => {
    const hash = createHash('sha256').update('window.boot = 1;').digest('base64');
    expect(scriptHashes(HTML)).toEqual([`'sha256-${hash}'`]);
    expect(contentSecurityPolicy(HTML)).toContain(`script-src 'self' 'sha256-${hash}'`);
  });

  it('has no unsafe-inline, no unsafe-eval and no remote origin', () => {
    const policy = contentSecurityPolicy(HTML);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(policy).toMatch(/^default-src 'none';/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
  });

  it('goes first in <head>, right after the charset', () => {
    const out = withCsp(HTML);
    expect(out).toMatch(
      /<meta charset="UTF-8" \/>\n\s+<meta http-equiv="Content-Security-Policy" content="default-src/,
    );
    expect(out.indexOf('Content-Security-Policy')).toBeLessThan(out.indexOf('<script'));
  });
});
