import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the floor page (bench/floor) with the app's own build settings, into bench/dist-floor. */
export default defineConfig({
  root: fileURLToPath(new URL('./floor', import.meta.url)),
  base: './',
  plugins: [react()],
  build: { target: 'es2022', outDir: fileURLToPath(new URL('./dist-floor', import.meta.url)), emptyOutDir: true },
  logLevel: 'warn',
});
