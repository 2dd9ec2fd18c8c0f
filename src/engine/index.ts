/** The engine's public face: simulate a run, read its trace. */
export { simulate, simulateToData, simulation, SETTLE_MS, DEFAULT_MAX_STEPS } from './simulate';
export { traceFromData } from './core/trace';
export { DEFAULT_CLUSTER, KUBERNETES_VERSION } from './cluster/bootstrap';
export { printPod, type PodRow } from './kubectl/print-pod';
export * from './types';
export { iptablesChainsAt } from './proxy/chains-at';
export type { IptablesChain } from './proxy/iptables';
