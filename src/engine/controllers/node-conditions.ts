/**
 * What the node lifecycle controller writes into a node that stopped
 * posting its status (pkg/controller/nodelifecycle): plain data, so the
 * page can name it without loading the simulator.
 */

/** Conditions the controller sets to Unknown (NetworkUnavailable is left to the control plane). */
export const NODE_CONDITION_TYPES = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;
export const NODE_STATUS_UNKNOWN = { reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' };
