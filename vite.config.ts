/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { csp } from './scripts/csp.ts';

export default defineConfig({
  // Relative asset URLs: dist/ works from any path of a static host.
  base: './',
  plugins: [react(), csp()],
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // The 50-node scenarios take seconds on a loaded machine; a timeout there would be noise, not a finding.
    testTimeout: 30_000,
  },
});
