/** The engine's public face: simulate a run, read its trace. */
export { simulate, SETTLE_MS, DEFAULT_MAX_STEPS } from './simulate';
export { DEFAULT_CLUSTER, KUBERNETES_VERSION } from './cluster/bootstrap';
export { printPod, type PodRow } from './kubectl/print-pod';
export * from './types';
