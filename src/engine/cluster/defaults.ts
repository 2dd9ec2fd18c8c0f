/**
 * The cluster a run gets when its input names none, and the Kubernetes
 * version the engine follows: plain data, so the page can draw a cluster
 * without loading the simulator.
 */
import type { ClusterSpec } from '../types';

export const KUBERNETES_VERSION = 'v1.33';

export const DEFAULT_CLUSTER: ClusterSpec = {
  nodes: [
    { name: 'node-1', cpu: '4', memory: '8Gi', pods: 110, podCIDR: '10.244.1.0/24' },
    { name: 'node-2', cpu: '4', memory: '8Gi', pods: 110, podCIDR: '10.244.2.0/24' },
  ],
};
