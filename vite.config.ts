/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { csp } from './scripts/csp.ts';
import { inlineFavicon } from './scripts/inline-favicon.ts';

// `vite build --mode single` (npm run build:single): one self-contained HTML file for rooms without network.
export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  return {
    // Relative asset URLs: dist/ works from any path of a static host.
    base: './',
    plugins: [react(), ...(single ? [viteSingleFile(), inlineFavicon()] : []), csp()],
    publicDir: single ? false : 'public',
    build: { target: 'es2022', sourcemap: !single, outDir: single ? 'dist-single' : 'dist' },
    test: {
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
      environment: 'node',
      setupFiles: ['src/test-setup.ts'],
      // The 50-node scenarios take seconds on a loaded machine; a timeout there would be noise, not a finding.
      testTimeout: 30_000,
    },
  };
});
