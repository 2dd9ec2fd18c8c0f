/**
 * The walking skeleton's scenario: a bare Pod, as in the Kubernetes docs
 * (pods/simple-pod.yaml in block style), read the way kubectl reads YAML.
 */
import { loadManifests } from '../manifest/load';

export const DEFAULT_MANIFEST_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.14.2
    ports:
    - containerPort: 80
`;

const loaded = loadManifests(DEFAULT_MANIFEST_YAML);
if (!loaded.ok) throw new Error(`the default scenario does not parse: ${loaded.message}`);

export const DEFAULT_MANIFESTS: unknown[] = loaded.objects;
