/**
 * The headless API from Node: `npm run example:headless`.
 * Simulates the Kubernetes docs' nginx Deployment on a three-node cluster
 * and prints the story, the Pods and the Events.
 */
import { simulateYaml } from '../src/headless';

const yaml = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
spec:
  replicas: 3
  selector:
    matchLabels: { app: nginx }
  template:
    metadata:
      labels: { app: nginx }
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
`;

const cluster = {
  nodes: ['node-1', 'node-2', 'node-3'].map((name, i) => ({
    name,
    cpu: '4',
    memory: '8Gi',
    pods: 110,
    podCIDR: `10.244.${i + 1}.0/24`,
  })),
};

const run = simulateYaml(yaml, { cluster, seed: 7 });

console.log(`${run.trace.steps.length} steps; the story:`);
for (const s of run.steps('overview')) console.log(`  ${(s.at / 1000).toFixed(1).padStart(5)}s  ${s.title}`);

console.log('\nkubectl get pods -o wide');
for (const p of run.getPods())
  console.log(`  ${p.name.padEnd(36)} ${p.ready}  ${p.status.padEnd(8)} ${p.ip.padEnd(12)} ${p.node}`);

console.log('\nkubectl events');
for (const e of run.events()) console.log(`  ${e.type.padEnd(7)} ${e.reason.padEnd(17)} ${e.object}: ${e.message}`);
