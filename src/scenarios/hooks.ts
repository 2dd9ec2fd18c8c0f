/**
 * Scenarios of container lifecycle hook failures (issue #5): a postStart
 * hook that exits 1, as lifecycle-events.yaml's hook would if its command
 * failed. The kubelet kills the container and restarts it with the crash
 * back-off.
 */
import { DEFAULT_CLUSTER } from '../engine/cluster/defaults';
import type { Scenario } from './index';

/** lifecycle-events.yaml's nginx, whose postStart hook fails (exit 1). */
const POSTSTART_HOOK_FAILED = `apiVersion: v1
kind: Pod
metadata:
  name: lifecycle-demo
spec:
  containers:
  - name: lifecycle-demo-container
    image: nginx
    lifecycle:
      postStart:
        exec:
          command: ["/bin/sh", "-c", "echo Registering with the load balancer; exit 1"]
`;

export const HOOK_SCENARIOS: Scenario[] = [
  { id: 'poststart-hook-failed', yaml: POSTSTART_HOOK_FAILED, cluster: DEFAULT_CLUSTER },
];
