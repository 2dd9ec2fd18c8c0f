/**
 * What this build may use. The single-file build (`npm run build:single`,
 * Vite mode `single`) is opened from disk, where module Workers cannot load
 * (file:// has no origin to load them from): it simulates and encodes on the
 * page instead.
 */
export function canUseWorkers(): boolean {
  return import.meta.env.MODE !== 'single' && typeof Worker !== 'undefined';
}
