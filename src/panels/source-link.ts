/** The web address of a step's upstream source (`k8s:pkg/...`), pinned to the versions podflow follows. */
const REPOS: Record<string, string> = {
  k8s: 'https://github.com/kubernetes/kubernetes/blob/release-1.33/',
  containerd: 'https://github.com/containerd/containerd/blob/v2.0.5/',
  'cni-plugins': 'https://github.com/containernetworking/plugins/blob/v1.6.2/',
  // CoreDNS as kubeadm v1.33 deploys it; the docs as published.
  coredns: 'https://github.com/coredns/coredns/blob/v1.12.0/',
  website: 'https://github.com/kubernetes/website/blob/main/',
  // The CSI external-provisioner sidecar that dynamic provisioning goes through.
  'external-provisioner': 'https://github.com/kubernetes-csi/external-provisioner/blob/v5.2.0/',
  // The webhook servers of the admission scenarios (issues #4 and #5).
  istio: 'https://github.com/istio/istio/blob/1.27.3/',
  kyverno: 'https://github.com/kyverno/kyverno/blob/v1.15.2/',
  // Services and traffic (issue #5): Calico's Felix, ingress-nginx, and curl as the client Pods run it.
  calico: 'https://github.com/projectcalico/calico/blob/v3.29.3/',
  'ingress-nginx': 'https://github.com/kubernetes/ingress-nginx/blob/controller-v1.12.1/',
  curl: 'https://github.com/curl/curl/blob/curl-8_7_1/',
};

export function sourceLink(source: string): { href: string; path: string } | null {
  const colon = source.indexOf(':');
  const base = REPOS[source.slice(0, colon)];
  if (colon < 0 || !base) return null;
  const path = source.slice(colon + 1);
  return { href: base + path, path };
}
