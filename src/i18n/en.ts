/**
 * English message catalog: the source of every text a person reads.
 * `{{name}}` is filled from a step's parameters. zh.ts must have the same keys.
 */
export const en = {
  app: {
    title: 'podflow',
    tagline: 'How Kubernetes creates a Pod, step by step',
    version: 'Follows Kubernetes {{version}}',
  },
  transport: {
    label: 'Playback',
    restart: 'Restart',
    stepBack: 'Step back',
    play: 'Play',
    pause: 'Pause',
    stepForward: 'Step forward',
    end: 'Go to end',
    loop: 'Loop',
    simulating: 'Simulating the run…',
    speed: 'Speed',
    scrubber: 'Step',
    stepOf: 'Step {{n}} of {{total}}',
    clock: 'Virtual time {{time}}',
    clockLabel: 'Virtual clock',
    level: 'Detail',
  },
  level: {
    overview: 'Overview',
    standard: 'Standard',
    deep: 'Deep',
  },
  settings: {
    scenario: 'Scenario',
    language: 'Language',
    theme: 'Theme',
    themeSystem: 'System',
    themeLight: 'Light',
    themeDark: 'Dark',
  },
  share: {
    tooLong: 'Your YAML makes the link too long to share ({{size}} characters; the limit is {{max}}).',
    button: 'Share',
    title: 'Copy a link to this very step',
    copied: 'Link copied',
    copyThis: 'Copy this link',
  },
  link: {
    problem: 'Part of this link was not understood and was left out: {{names}}.',
    tooLong: 'This link is too long to open (over {{max}} characters), so the default view is shown.',
    dismiss: 'Dismiss',
  },
  embed: {
    open: 'Open in podflow',
    button: 'Embed',
    dialogTitle: 'Embed this scenario in a page or a slide',
    from: 'From step',
    to: 'To step',
    autoplay: 'Play on load',
    controls: 'Show the controls',
    loop: 'Loop',
    frameTitle: 'Title (read by screen readers)',
    snippet: 'HTML to paste',
    copy: 'Copy',
    copied: 'Copied',
    close: 'Close',
  },
  chapter: {
    label: 'Chapter',
    none: 'Before the story',
    listening: 'Everyone listens',
    kubectl: 'kubectl sends',
    checks: 'kube-apiserver checks',
    stored: 'Stored in etcd',
    controllers: 'Watchers and controllers',
    scheduling: 'Scheduling',
    binding: 'Binding',
    kubelet: 'The kubelet sees it',
    sandbox: 'Sandbox',
    ip: 'Pod IP',
    containers: 'Containers start',
    probes: 'Probes',
    status: 'Status reported',
    endpoints: 'Endpoints',
    'proxy-dns': 'kube-proxy and DNS',
    afterwards: 'Afterwards',
  },
  myth: {
    label: 'Common mistake',
    'only-apiserver-talks-to-etcd': {
      wrong: 'Components read and write etcd.',
      right:
        'Only kube-apiserver talks to etcd. The kubelet, the scheduler, the controllers and kube-proxy list and watch through kube-apiserver, which serves watches from its watch cache.',
    },
    'scheduler-starts-nothing': {
      wrong: 'The scheduler starts the Pod on a node.',
      right:
        'The scheduler only writes the binding (spec.nodeName). The kubelet on that node does the rest when its watch delivers the Pod.',
    },
    'kubelet-does-not-call-cni': {
      wrong: 'The kubelet calls the CNI plugin.',
      right:
        'Since dockershim was removed (1.24), the kubelet asks the CRI runtime for a sandbox, and the runtime (containerd, CRI-O) runs the CNI plugins inside RunPodSandbox.',
    },
    'docker-is-not-the-runtime': {
      wrong: 'Docker runs the containers.',
      right: 'The kubelet speaks CRI to containerd or CRI-O. Images built with Docker still run: they are OCI images.',
    },
    'kube-proxy-carries-no-traffic': {
      wrong: 'kube-proxy forwards the packets.',
      right:
        'kube-proxy only programs iptables (or IPVS, nftables) rules; the kernel DNATs the packet and it goes straight from client to Pod. Only the old userspace mode proxied traffic.',
    },
    'kube-proxy-registers-no-dns': {
      wrong: 'kube-proxy registers the DNS names.',
      right: 'CoreDNS watches Services and EndpointSlices through kube-apiserver and answers from what it sees.',
    },
    'running-is-not-ready': {
      wrong: 'Running means the Pod gets traffic.',
      right:
        'A Pod is Running once a container runs; it receives Service traffic only when its readiness probe passes and its endpoint turns ready.',
    },
    'deployments-do-not-create-pods': {
      wrong: 'The Deployment creates the Pods.',
      right: 'The Deployment controller creates a ReplicaSet; the ReplicaSet controller creates the Pods.',
    },
    'static-pods-skip-the-scheduler': {
      wrong: 'Every Pod goes through the scheduler.',
      right:
        'A kubelet also runs Pods from its own manifest folder (that is how kubeadm runs the control plane) and publishes a read-only mirror Pod to kube-apiserver.',
    },
  },
  panel: {
    failed: 'The {{panel}} failed to draw. The rest of podflow works, and your YAML is kept.',
    inspector: 'inspector',
    retry: 'Retry',
    header: 'header',
    diagram: 'diagram',
    narration: 'narration',
    transport: 'playback bar',
    editor: 'YAML editor',
    sequence: 'sequence diagram',
    timeline: 'Pod timeline',
  },
  // What-if branches and the cluster editor (issue #6, branch whatif).
  whatif: {
    button: 'What if…',
    menuLabel: 'Inject a fault',
    heading: 'What if, right after step {{step}}…',
    timeline: 'Timeline',
    original: 'Original',
    branch: 'Branch {{n}}: {{fault}} at step {{step}}',
    inject: 'Branch here',
    cancel: 'Cancel',
    node: 'Node',
    mark: 'Branch point: step {{step}}',
    fault: {
      'node-down': '{{node}} fails',
      'etcd-slow': 'etcd slows down',
      'ips-exhausted': '{{node}} runs out of Pod IPs',
    },
    describe: {
      'node-down': 'The node’s kubelet stops: no Lease renewals, no status.',
      'etcd-slow': 'Every etcd answer takes {{ms}} ms longer from then on.',
      'ips-exhausted': 'The node’s CNI IPAM has no free address left.',
    },
  },
  cluster: {
    button: 'Cluster',
    heading: 'Edit the cluster',
    intro: 'Nodes, their allocatable capacity, labels and taints. Apply re-runs the simulation on this cluster.',
    name: 'Name',
    cpu: 'CPU',
    memory: 'Memory',
    pods: 'Pods',
    labels: 'Labels (key=value, …)',
    taints: 'Taints (key=value:Effect, …)',
    node: 'Node {{n}}',
    add: 'Add node',
    remove: 'Remove',
    reset: 'Scenario’s cluster',
    apply: 'Apply',
    cancel: 'Cancel',
    invalid: 'Nothing was applied: fix the fields marked below.',
    error: {
      noNodes: 'A cluster needs at least one node.',
      tooMany: 'At most {{max}} nodes fit the diagram.',
      name: '“{{value}}” is not a valid node name: lowercase letters, digits, “-” and “.”, starting and ending with a letter or digit (a DNS-1123 subdomain).',
      duplicate: 'Another node is already called “{{value}}”.',
      quantity: '“{{value}}” is not a Kubernetes quantity above zero (for example 4, 500m, 8Gi).',
      pods: '“{{value}}” is not a whole number of Pods from 1 to {{max}}.',
      label: '“{{value}}” is not key=value.',
      labelKey:
        '“{{value}}” is not a valid key: a name of up to 63 letters, digits, “-”, “_” or “.”, optionally after a DNS prefix and “/”.',
      labelValue:
        '“{{value}}” is not a valid value: up to 63 letters, digits, “-”, “_” or “.”, starting and ending with a letter or digit.',
      taintForm: '“{{value}}” is not a taint: write key=value:Effect or key:Effect.',
      taintEffect: 'In “{{taint}}”, the effect “{{value}}” is not one of NoSchedule, PreferNoSchedule, NoExecute.',
    },
  },
  predict: {
    toggle: 'Predict',
    question: 'Who acts next? Click it in the diagram, or here.',
    right: 'Right: {{actor}} acts. Why, below.',
    wrong: 'Not {{guess}}: it is {{actor}}. Why, below.',
    done: 'The end of the story.',
    score: 'Score: {{right}} of {{total}} right',
  },
  narration: {
    heading: 'What happens',
    startBody: 'The cluster: a control plane and {{nodes}} worker nodes. Press Play, or → to go one step at a time.',
    kind: {
      request: 'request',
      response: 'response',
      watch: 'watch',
      internal: 'inside',
      event: 'Event',
    },
    summary: 'summary of several steps',
    iptables: 'iptables-save -t nat / -t filter on {{node}} (what kube-proxy wrote)',
    facts: {
      kind: 'Kind of step',
      edge: 'From and to',
      call: 'Call',
      time: 'Virtual time',
      source: 'Source in the real code',
    },
  },
  diagram: {
    label: 'Cluster diagram',
    controlPlane: 'Control plane',
    node: 'Worker node {{name}}',
    unscheduled: 'Not yet scheduled',
    unscheduledHint: 'Pods stored in etcd, waiting for a node',
    podCard: 'Pod {{name}}: {{status}}',
    noIP: 'no IP yet',
    morePods: '+{{count}} more ({{running}} Running)',
    nodeNotReady: 'NotReady',
  },
  // Failures in the diagram (branch failures, issue #6).
  failure: {
    badge: 'Failed:',
    where: 'Where it fails: {{component}}',
    onNode: '{{component}} ({{node}})',
  },
  component: {
    kubectl: 'kubectl',
    'kube-apiserver': 'kube-apiserver',
    etcd: 'etcd',
    'kube-controller-manager': 'kube-controller-manager',
    'kube-scheduler': 'kube-scheduler',
    coredns: 'CoreDNS',
    kubelet: 'kubelet',
    runtime: 'containerd (CRI)',
    cni: 'CNI plugin',
    'kube-proxy': 'kube-proxy',
    'csi-provisioner': 'csi-provisioner',
    istiod: 'istiod',
    kyverno: 'Kyverno',
    // Services and traffic (issue #6).
    'ingress-nginx': 'ingress-nginx',
  },
  role: {
    kubectl: 'the user',
    'kube-apiserver': 'the API; only it talks to etcd',
    etcd: 'key-value store of all objects',
    'kube-controller-manager': 'control loops',
    'kube-scheduler': 'picks a node',
    coredns: 'cluster DNS',
    kubelet: 'runs the node’s Pods',
    runtime: 'sandboxes, images, containers',
    cni: 'Pod network, IPs',
    'kube-proxy': 'writes Service rules (iptables)',
    'csi-provisioner': 'creates volumes for claims (CSI hostpath)',
    istiod: 'Istio control plane: injects sidecars, pushes xDS',
    kyverno: 'policy webhook (Kyverno)',
    // Services and traffic (issue #6).
    'ingress-nginx': 'routes Ingress traffic to Pods',
  },
  scenario: {
    // Dynamic admission webhooks and the Istio mesh (issues #4 and #5).
    'istio-sidecar': {
      title: 'Istio injects its sidecar: a mutating webhook, then an EDS push',
      lesson:
        'istiod runs in istio-system; its istio-sidecar-injector MutatingWebhookConfiguration matches Pods in namespaces labelled istio-injection=enabled. When the ReplicaSet controller creates each Pod, kube-apiserver runs the built-in admission plugins, then MutatingAdmissionWebhook posts an AdmissionReview to istiod, which answers with a JSONPatch: istio-init and the istio-proxy native sidecar. The kubelet runs istio-init, then istio-proxy until its startup probe passes, then nginx: READY 2/2. When the Pods turn ready, istiod sees the EndpointSlice change and pushes the endpoints to every proxy (EDS).',
    },
    'webhook-denied': {
      title: 'A validating webhook says no: Kyverno blocks the latest tag',
      lesson:
        'Kyverno runs in the kyverno namespace with the disallow-latest-tag ClusterPolicy in Enforce mode. The Pod asks for nginx:latest. After the built-in validating plugins, ValidatingAdmissionWebhook posts an AdmissionReview to Kyverno; the rule validate-image-tag fails at /spec/containers/0/image/, so Kyverno answers allowed: false and kube-apiserver refuses the Pod with “admission webhook … denied the request”. Nothing is stored.',
    },
    // Container failures (branch failures).
    'image-pull-backoff': {
      title: 'A typo in the image tag: ErrImagePull, then ImagePullBackOff',
      lesson:
        'The Pod asks for nginx:1.142 (meant: 1.14.2), a tag the registry does not have (the scenario’s image-missing fault). containerd’s pull fails with “not found”; the kubelet records Failed events, the container waits as ErrImagePull, then ImagePullBackOff while the image back-off runs: 10 s, 20 s, 40 s … up to 5 min between pulls. The Pod stays Pending and never gets a container.',
    },
    crashloop: {
      title: 'A container that exits: Error, then CrashLoopBackOff',
      lesson:
        'The program runs `sh -c "…; sleep 5; exit 1"`: it works five seconds and fails. podflow reads such a script as a real shell would: its sleeps are how long it runs, its exit N is its exit code. restartPolicy Always restarts it, the first time at once, then after a back-off that doubles (10 s, 20 s, 40 s … 300 s). STATUS shows Error, then CrashLoopBackOff; RESTARTS counts, and lastState.terminated keeps exit code 1.',
    },
    'liveness-restart': {
      title: 'A liveness probe fails: the kubelet restarts the container',
      lesson:
        'pods/probe/http-liveness.yaml from the Kubernetes docs. Its server answers /healthz with 200 for 10 s, then 500. The probe runs every 3 s after 3 s; after three failures in a row (failureThreshold) the kubelet records Killing “failed liveness probe, will be restarted” and starts a new container. Each restart comes sooner after the last than the growing back-off allows, so it ends in CrashLoopBackOff.',
    },
    'readiness-failing': {
      title: 'A readiness probe that never passes: Running, 0/1, no traffic',
      lesson:
        'The nginx Deployment with a readiness probe on /healthz, a path nginx does not serve (404). The containers run, but are never ready: READY 0/1, Unhealthy events, Ready=False. The EndpointSlice lists the Pods as not ready, so kube-proxy sends the Service’s traffic nowhere, and the curl is refused. Running is not Ready.',
    },
    'oom-killed': {
      title: 'Over its memory limit: OOMKilled',
      lesson:
        'pods/resource/memory-request-limit-2.yaml from the Kubernetes docs: stress allocates 250M in a container limited to 100Mi. The kernel’s OOM killer ends it (exit code 137, reason OOMKilled); the kubelet restarts it with the crash back-off. STATUS shows OOMKilled, then CrashLoopBackOff.',
    },
    'cni-out-of-ips': {
      title: 'The node’s podCIDR is full: FailedCreatePodSandBox',
      lesson:
        'One node whose podCIDR is a /29: host-local IPAM has five addresses (.2–.6) for seven nginx replicas. The scheduler does not count IPs, so all seven land there; five get a sandbox and run, and for the other two the bridge plugin fails “no IP addresses available in range set”. The kubelet records FailedCreatePodSandBox and retries every 10 s or so; those Pods stay ContainerCreating.',
    },
    // Refusals: the scheduler finds no node, validation refuses the Pod (branch failures, issue #6).
    'unschedulable-cpu': {
      title: 'No node has the CPU: FailedScheduling',
      lesson:
        'pods/resource/cpu-request-limit-2.yaml from the Kubernetes docs asks for 100 CPUs; each of the three nodes has 4. The Pod is stored, but kube-scheduler’s NodeResourcesFit filter rejects every node (Insufficient cpu), and preemption finds no Pod to evict that would make room. The scheduler records FailedScheduling and sets PodScheduled=False (Unschedulable); the Pod stays Pending and no kubelet ever hears of it.',
    },
    'unschedulable-selector': {
      title: 'No node has the label: FailedScheduling',
      lesson:
        'pods/pod-nginx.yaml from the Kubernetes docs has nodeSelector disktype: ssd, and no node carries that label. The NodeAffinity filter rejects all three nodes; preemption cannot help, since evicting Pods does not add a label. The Pod stays Pending until someone runs kubectl label nodes <node> disktype=ssd.',
    },
    'unschedulable-taint': {
      title: 'Every node is tainted: FailedScheduling',
      lesson:
        'All three nodes carry the taint key1=value1:NoSchedule (kubectl taint nodes … key1=value1:NoSchedule) and the nginx Pod has no toleration for it. The TaintToleration filter rejects every node, preemption cannot help, and the Pod stays Pending. A toleration in the Pod, or removing the taint, lets it schedule.',
    },
    'invalid-pod': {
      title: 'An invalid Pod: 422, nothing stored',
      lesson:
        'The nginx Pod with its image line forgotten and restartPolicy: always in lower case. Authentication, authorization and mutating admission pass; then validation finds two field errors and kube-apiserver answers 422 Unprocessable Entity with both, in brackets. Nothing reaches etcd: no Pod, no watch event, no scheduler, no kubelet. The flow stops at kube-apiserver.',
    },
    // Admission scenarios.
    'quota-exceeded': {
      title: 'A ResourceQuota stops the third Pod',
      lesson:
        'A namespace with a ResourceQuota of two Pods, and a Deployment of three. ResourceQuota, the last admission plugin, charges each Pod to the quota; the third would go over, so kube-apiserver refuses it with 403 and the ReplicaSet controller records FailedCreate.',
    },
    'pod-security': {
      title: 'PodSecurity refuses a Pod: restricted',
      lesson:
        'The namespace is labelled pod-security.kubernetes.io/enforce=restricted. A plain nginx Pod sets no securityContext, so the PodSecurity admission plugin refuses it with 403 and lists every check it fails.',
    },
    'limit-range': {
      title: 'LimitRanger fills in requests and limits',
      lesson:
        'A namespace with a LimitRange of default requests and limits for containers. The Pod names none, so the LimitRanger admission plugin sets them and says so in the kubernetes.io/limit-ranger annotation; the Pod is Burstable instead of BestEffort.',
    },
    'bare-pod': {
      title: 'A bare Pod',
      lesson:
        'kubectl creates one Pod, nginx (pods/simple-pod.yaml from the Kubernetes docs), and follows it from the manifest to a running container with an IP.',
    },
    deployment: {
      title: 'A Deployment of 3',
      lesson:
        'kubectl creates a Deployment (controllers/nginx-deployment.yaml): the Deployment controller makes a ReplicaSet, the ReplicaSet controller makes three Pods, and each goes its own way to Running.',
    },
    'rolling-update': {
      title: 'A rolling update',
      lesson:
        'The Deployment of 3 runs nginx:1.14.2; then the learner applies nginx:1.16.1. A new ReplicaSet grows while the old one shrinks, one Pod at a time (maxSurge 25 % = 1, maxUnavailable 25 % = 0), so three Pods always serve.',
    },
    'init-containers': {
      title: 'Init containers first',
      lesson:
        'The init-demo Pod (pods/init-containers.yaml) has an init container, install, that writes a page into a shared emptyDir volume. kubectl get pods shows Init:0/1, then PodInitializing, then Running: nginx starts only after install has exited 0.',
    },
    readiness: {
      title: 'Running is not Ready: a readiness probe',
      lesson:
        'The goproxy Pod (pods/probe/tcp-liveness-readiness.yaml) runs within seconds, but its readiness probe starts only after 15 s: until it passes, the Pod is Running 0/1 and would get no Service traffic.',
    },
    delete: {
      title: 'Deleting a Pod: graceful termination',
      lesson:
        'The bare Pod runs, then the learner types kubectl delete pod nginx. The story runs backwards: deletionTimestamp first, then the kubelet stops the container, the sandbox and its IP go, and only then is the object removed.',
    },
    forbidden: {
      title: 'RBAC says no: 403 Forbidden',
      lesson:
        'The user jane has a valid client certificate, so kube-apiserver knows who she is, but no Role or ClusterRole grants her anything: authorization refuses the Pod before admission or etcd ever see it.',
    },
    // RBAC (issue #7): Roles and bindings from the learner's YAML.
    'rbac-granted': {
      title: 'RBAC says yes, then no: a Role for Pods',
      lesson:
        'The cluster admin creates a Role that may create Pods in default and binds it to jane. Her Pod passes authorization (RBAC names the RoleBinding that allowed it); her Deployment gets 403 Forbidden, because the Role covers only pods in the core API group, not deployments in apps.',
    },
    scale: {
      title: 'At scale: 200 replicas on 50 nodes',
      lesson:
        'The same Deployment with 200 replicas on a cluster of 50 nodes: slow-start batches of 1, 2, 4 … 64, the scheduler spreading Pods by score, and each node pulling the image once. Zoom into the diagram to read a node.',
    },
    // Node failure (branch nodes).
    'node-failure': {
      title: 'A node fails: taint-based eviction',
      lesson:
        'The Deployment of 3 runs on three nodes; at 10 s node-1’s kubelet stops. After the 50 s grace period the node lifecycle controller marks node-1 NotReady (Ready=Unknown), its Pod not Ready, and taints the node unreachable. The taint eviction controller deletes the Pod when its toleration runs out: here the template tolerates node.kubernetes.io/unreachable for 30 s instead of the 300 s DefaultTolerationSeconds adds, to keep the story short. The Pod stays Terminating on the lost node; its replacement runs elsewhere.',
    },
    // kube-scheduler (issue #4)
    taints: {
      title: 'Scheduling: a tainted node and a full one',
      lesson:
        'Three nodes: node-1 is tainted dedicated=web:NoSchedule, node-2 already runs a Pod that takes 1500m of its 2 cpu. The web Deployment tolerates the taint and asks for 1 cpu each: Filter drops node-2 (Insufficient cpu), keeps node-1, and the scores (LeastAllocated, BalancedAllocation, and PodTopologySpread’s default spreading) put the replicas on node-1 and node-3. Switch to deep to see every plugin’s score.',
    },
    'deployment-service': {
      title: 'A Service and an Ingress in front of the Deployment, and requests',
      lesson:
        'The Deployment of 3 and a Service nginx on port 80. kube-apiserver gives the Service a ClusterIP; the EndpointSlice controller lists each Pod once it is ready; kube-proxy on every node writes the KUBE-SVC and KUBE-SEP chains; CoreDNS answers for nginx.default.svc.cluster.local. Then a client Pod runs curl: DNS, the ClusterIP, iptables picks a Pod at random, HTTP 200. Later the learner deletes one Pod: its endpoint turns terminating and leaves the rules while the kubelet stops it, and the next curl reaches only ready Pods. An Ingress (class nginx, host hello-world.example) sends requests the other way: ingress-nginx reloads nginx for the new rule, follows the EndpointSlice itself and updates its upstreams without a reload, proxies each request straight to a ready Pod IP, and writes the Ingress ADDRESS at its next 60 s status sync.',
    },
    // Volumes and the Pod lifecycle (issues #4 and #5).
    'missing-configmap': {
      title: 'A ConfigMap that is not there yet',
      lesson:
        'dapi-test-pod mounts the ConfigMap special-config, which nobody has created. The Pod is scheduled and the kubelet admits it, but its volume manager cannot set up config-volume: FailedMount “MountVolume.SetUp failed for volume "config-volume" : configmap "special-config" not found”, again and again with a doubling back-off, and the Pod stays ContainerCreating. At 20 s the learner applies the ConfigMap; the next retry mounts it and the Pod starts.',
    },
    // Sidecars, lifecycle hooks and graceful termination (issue #4), continued.
    sidecar: {
      title: 'A sidecar container',
      lesson:
        'myapp writes a log file to an emptyDir volume; logshipper, an init container with restartPolicy: Always, tails it. The kubelet starts logshipper first, as an init container, but does not wait for it to exit: as soon as it has started, myapp starts, and both run side by side. kubectl counts the sidecar in READY: 2/2.',
    },
    'graceful-termination': {
      title: 'Graceful termination: preStop, SIGTERM, SIGKILL',
      lesson:
        'lifecycle-demo has nginx with postStart and preStop hooks and a container that ignores SIGTERM, and a grace period of 10 s. At 15 s the learner deletes it. The kubelet records Killing for both; it runs nginx’s preStop hook first, then SIGTERM with what is left of the 10 s, and nginx exits. The other container ignores SIGTERM, so when its 10 s run out containerd sends SIGKILL: exit code 137. Then the sandbox goes and the Pod is deleted.',
    },
    // PersistentVolume binding and dynamic provisioning (issue #5).
    volumes: {
      title: 'Volumes: a ConfigMap and a PersistentVolumeClaim',
      lesson:
        'A ConfigMap, a claim task-pv-claim of 1Gi on the default StorageClass csi-hostpath-sc (WaitForFirstConsumer, CSI hostpath driver), and a Pod that mounts both. The PV controller waits for a consumer; the scheduler picks a node and, in PreBind, writes it on the claim; the external-provisioner creates the volume there; the PV controller binds it (Pending → Bound); only then is the Pod bound. The kubelet mounts the ConfigMap and stages and publishes the CSI volume before the sandbox.',
    },
    // Static Pods and mirror Pods (issue #4).
    'static-pod': {
      title: 'A static Pod and its mirror',
      lesson:
        'static-web is a manifest in node-1’s /etc/kubernetes/manifests: kubectl sends nothing and the scheduler never sees it. node-1’s kubelet runs it as static-web-node-1 and publishes a mirror Pod (kubernetes.io/config.mirror, owned by the Node). At 15 s the learner deletes the Pod through the API: the containers keep running, and the kubelet makes the mirror again.',
    },
    // Lifecycle hook failures (issue #5).
    'poststart-hook-failed': {
      title: 'A postStart hook that fails',
      lesson:
        'lifecycle-demo’s nginx has a postStart hook that exits 1. The kubelet starts the container, runs the hook and waits for it; the hook fails, so the kubelet records FailedPostStartHook, kills the container (Killing, message “FailedPostStartHook”) and reports it waiting as PostStartHookError with the handler’s message. restartPolicy Always restarts it: the first time at once, then with the crash back-off (10 s, 20 s, 40 s …), so kubectl get pods shows PostStartHookError and CrashLoopBackOff in turn (never Running: the hook runs inside startContainer, before any status shows the container running), and the Event counts go up.',
    },
    // Services and traffic (issues #5 and #6).
    'network-policy': {
      title: 'A NetworkPolicy: one curl allowed, one dropped',
      lesson:
        'The docs’ declare-network-policy task on a cluster with Calico: an nginx Deployment behind a Service, the default-deny-ingress policy, access-nginx (only Pods labelled access=true may connect to nginx), and two client Pods. kube-apiserver only stores the policies; Felix on each node watches policies, Pods and Namespaces and writes filter rules for the Pods a policy selects. client-allowed’s curl gets HTTP 200; client-other’s SYN is dropped at the nginx Pod’s node and curl --connect-timeout 5 ends in “Connection timed out”, not “connection refused”.',
    },
  },
  param: {
    probe: {
      readiness: 'Readiness',
      liveness: 'Liveness',
    },
    via: {
      x509: 'X.509 client certificate',
      'serviceaccount-token': 'ServiceAccount token',
      bootstrap: 'bootstrap token',
    },
  },
  error: {
    boundary: 'Something went wrong in this panel: {{message}}',
    retry: 'Try again',
  },
  // The YAML editor (bring your own YAML).
  editor: {
    fromLink: 'This is the YAML from the link you opened, running now.',
    restore: 'Restore my own earlier YAML',
    restored: 'Your earlier YAML is back (Apply runs it).',
    open: 'Edit YAML',
    close: 'Close',
    lesson: 'kubectl creates the objects of your YAML, one after another, on the cluster of the scenario picked above.',
    title: 'Your YAML',
    label: 'YAML manifests',
    apply: 'Apply',
    applyHint: 'Apply (Ctrl+Enter)',
    openFile: 'Open file…',
    scenarioYaml: 'Scenario YAML',
    scenarioYamlHint: 'Replace the text with the YAML of the scenario picked above (undo brings yours back)',
    drop: 'Drop a YAML file to edit it',
    loading: 'Loading the editor…',
    problems: 'Problems',
    noProblems: 'No problems: Apply runs these objects on the scenario’s cluster.',
    applied: 'Applied: the diagram shows your objects.',
    notApplied: 'Not applied: fix the errors first. The diagram still shows the last good run.',
    shown: 'Your YAML',
    at: 'Line {{line}}, column {{column}}',
    error: 'Error',
    warning: 'Note',
    fileTooBig:
      'The file {{name}} is {{size}} bytes: the editor takes at most 1 MiB ({{max}} bytes). Nothing was loaded.',
    fileUnreadable: 'The file {{name}} could not be read as UTF-8 text. Nothing was loaded.',
    fileLoaded: 'Loaded {{name}}.',
    diag: {
      notSimulated: '{{kind}} "{{name}}" is not a kind podflow simulates: it is skipped.',
      tooBig: 'The text is {{size}} bytes: podflow takes at most 1 MiB ({{max}} bytes).',
      empty: 'There is no object to apply.',
    },
  },
  // Presenter mode and export (issue 9).
  present: {
    button: 'Present',
    title: 'Present full screen (P): PageDown/PageUp step, B or . blanks the screen, Esc leaves',
    exit: 'Leave',
    notes: 'Speaker notes',
    notesTitle: 'Speaker notes',
    blanked: 'Screen blanked: press B or . to show it again',
    step: 'Step {{n}} of {{total}}',
    clock: 'Virtual time',
    next: 'Next',
    prev: 'Previous',
    nextUp: 'Next step',
    end: 'This is the last step.',
    blank: 'Blank the screen',
    waiting: 'Waiting for the presentation… (keep the podflow tab that opened this window open)',
    label: 'Presentation',
  },
  export: {
    button: 'Export',
    dialogTitle: 'Export for slides',
    step: 'Step',
    format: 'Format',
    png: 'PNG image of this step',
    svg: 'SVG of this step (plain shapes and text)',
    zip: 'Numbered PNGs of a step range (zip)',
    gif: 'Animated GIF of a step range',
    from: 'From step',
    to: 'To step',
    size: 'Size',
    theme: 'Colours',
    save: 'Export',
    working: 'Rendering frame {{done}} of {{total}}…',
    done: 'Saved {{name}}',
    failed: 'The export failed: {{error}}',
    close: 'Close',
    loading: 'Loading the exporter…',
  },
  // Inspectors, kubectl views and the transcript (issue #8).
  inspect: {
    tabs: 'Side panel',
    tab: { narration: 'Narration', inspector: 'Inspector', kubectl: 'kubectl', transcript: 'Transcript' },
    textAlternative: 'The whole run as text, one line a step, is in the Transcript tab of the side panel.',
    loading: 'Loading…',
    object: 'Object',
    atStep: 'after step {{seq}}',
    pick: 'Inspect',
    components: 'Components',
    objects: 'Objects (etcd keys)',
    nothingYet: 'Nothing yet at this step.',
    objectGone: 'This object does not exist at this step.',
    pod: 'Pod',
    noPods: 'No Pods yet.',
    apiserver: {
      stages: 'The request through the handler chain',
      stage: 'Stage',
      verdict: 'Verdict',
      defaulted: 'defaulted',
      response: 'Response',
      pending: 'not answered yet',
    },
    etcd: {
      revision: 'Current revision',
      deleted: 'Deleted at this step',
      keys: 'Keys in etcd',
      key: 'Key',
      modRevision: 'mod_revision',
      written: 'written now',
    },
    scheduler: {
      pod: 'Pod',
      unschedulable: 'unschedulable',
      table: 'Filter verdicts and scores per node',
      node: 'Node',
      filter: 'Filter',
      total: 'Final score',
      passed: 'passed',
      formula: 'Each cell: the plugin’s raw score → normalized to 0–100. Final score = Σ weight × normalized score.',
    },
    kubelet: {
      probeOk: 'last passed at step {{seq}}',
      probeNotYet: 'not probed yet',
    },
    runtime: {
      sandboxes: 'Pod sandboxes (pause containers)',
      containers: 'Containers',
      images: 'Images in the store',
    },
    // Issue #8: the add-ons' inspectors (istiod, Kyverno, ingress-nginx, Calico's Felix).
    istiod: {
      reviews: 'AdmissionReviews answered (/inject)',
      pod: 'Pod',
      verdict: 'Answer',
      patch: 'JSONPatch',
      patched: 'allowed, patched ({{ops}} operations)',
      skipped: 'allowed, no patch: {{reason}}',
      notApplied: 'not applied by kube-apiserver yet',
      proxies: 'Connected proxies (ADS streams)',
      proxy: 'Proxy',
      lastPush: 'Last EDS push',
      pushed: 'version {{version}}: {{clusters}} → {{endpoints}}',
      noPush: 'only the full configuration at connect',
      none: 'none',
    },
    kyverno: {
      policies: 'ClusterPolicies in its cache',
      rule: 'Rule',
      action: 'Action',
      kinds: 'Kinds',
      message: 'Message',
      reviews: 'AdmissionReviews answered',
      allowed: 'allowed (rules checked: {{rules}})',
      blocked: 'allowed: false',
      none: 'none',
    },
    ingressNginx: {
      server: 'server {{host}}',
      path: 'Path',
      service: 'Service',
      endpoints: 'Upstream endpoints (ready only)',
      none: 'none ready',
      reloads: 'nginx reloads: {{count}}',
      lastReload: 'Last change: nginx.conf rewritten and nginx reloaded (servers changed)',
      lastDynamic: 'Last change: upstreams posted to the Lua balancer, no reload (endpoints changed)',
      address: 'Ingress {{ingress}} ADDRESS {{address}} (node {{node}})',
      addressStored: 'kube-apiserver answered {{status}}',
      addressPending: 'not answered yet',
      noAddress: 'ADDRESS not written yet (the status sync runs every 60 s)',
    },
    felix: {
      heading: 'Calico Felix on this node',
      endpoints: 'Local Pods and the policies that select them',
      ingress: 'ingress',
      egress: 'egress',
      chains: 'Chains programmed',
      noPolicy: 'no policy selects it: all traffic allowed',
      drops: 'Packets dropped',
      drop: '{{url}} → {{pod}} ({{endpoint}}) dropped in {{chain}}',
      noDrops: 'none',
    },
  },
  // The kubectl prompt (issue #7).
  prompt: {
    label: 'kubectl command',
    heading: 'kubectl prompt',
    hint: 'Type a kubectl command and press Enter: apply -f {{file}}, create, delete, scale, get, describe, edit. ↑/↓ recall earlier ones. Commands that change the cluster run from the step on screen.',
    answerAt: 'Go to the answer (step {{step}})',
    run: 'Run',
    clear: 'Clear',
    output: 'kubectl output',
    atStep: 'at step {{step}}',
    waiting: '(the answer has not arrived within the run)',
    notSimulated:
      'podflow does not simulate “kubectl {{command}}”. Try apply, create, delete, scale, get, describe or edit.',
    editing: 'Editing {{object}}: change the YAML and press Apply to save it (kubectl edit).',
    editCancelled: 'Edit cancelled, no changes made.',
    describeOther: 'podflow has no kubectl describer for this kind yet; here is the object as YAML:',
    noFile: 'error: the path "{{file}}" does not exist',
  },
  // Issue #8: the main area's views (the run as a sequence diagram, each Pod's lifecycle over time).
  mainView: {
    label: 'Main view',
    diagram: 'Diagram',
    sequence: 'Sequence',
    timeline: 'Timeline',
  },
  sequence: {
    label: 'Sequence diagram of the run',
    row: 'Step {{n}}, {{kind}}: {{from}} → {{to}}: {{title}}',
    rowSelf: 'Step {{n}}, {{kind}} {{from}}: {{title}}',
    hint: '↑/↓ move the cursor; click an arrow to go to its step.',
    empty: 'No steps at this level.',
  },
  timeline: {
    label: 'Each Pod’s lifecycle over virtual time',
    none: 'No Pod in this run.',
    pod: 'Pod {{name}}',
    onNode: 'on {{node}}',
    band: '{{phase}}: {{duration}}, from {{from}}',
    restart: 'Restart {{count}} of {{container}} at {{at}}',
    deleted: 'deleted at {{at}}',
    cursor: 'The cursor: {{time}}',
    legend: 'Phases',
    hint: 'Click a band, or anywhere on a Pod’s line, to go to that moment. Keyboard: Tab to a Pod’s line, ←/→ between its bands, Enter to go there.',
    zoom: 'Zoom to start-up',
    phase: {
      pending: 'Pending',
      scheduled: 'Scheduled',
      sandbox: 'Sandbox',
      pulling: 'Pulling image',
      creating: 'Creating container',
      init: 'Init containers',
      running: 'Running',
      ready: 'Ready',
      backoff: 'Exited · back-off',
      completed: 'Completed',
      terminating: 'Terminating',
    },
  },
};

/** The shape every catalog must have: the same keys, strings at the leaves. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalog = Widen<typeof en>;
