/** The scenario the app opens with, parsed: the walking skeleton's bare Pod. */
import { DEFAULT_SCENARIO, manifestsOf } from '../scenarios';

export const DEFAULT_MANIFESTS: unknown[] = manifestsOf(DEFAULT_SCENARIO);
