/**
 * What every step says, in English: a title and a body per step key, with
 * `{{name}}` filled from the step's parameters. These are most of the
 * words podflow has, and no step is told before the first run is made, so
 * they load with that run, not with the page. steps-zh.ts has the same keys.
 */
import type { Widen } from './en';

export const enSteps = {
  // Informers: each reflector's LIST and WATCH (issue #4).
  'informer-list': {
    title: 'LIST {{resource}} ({{component}})',
    body: 'One reflector of {{component}}’s informers starts: GET {{resource}}{{query}}. resourceVersion=0 lets kube-apiserver answer from its watch cache instead of a quorum read of etcd; limit=500 is the pager’s page size; a fieldSelector narrows what this informer keeps.',
  },
  'informer-watch': {
    title: 'WATCH {{resource}} from resourceVersion {{resourceVersion}} ({{component}})',
    body: 'The LIST returned {{count}} {{resource}} at resourceVersion {{resourceVersion}}; the reflector now keeps GET {{resource}}{{query}} open: every change after that resourceVersion streams in as ADDED, MODIFIED or DELETED, with bookmarks, until the random 5–10 minute timeout, when it watches again.',
  },
  'informer-list-watch': {
    title: '{{component}} opens its watches',
    body: '{{component}} lists {{resources}} from kube-apiserver, then keeps a WATCH open from that resourceVersion. From now on it learns of every change through this connection, never by reading etcd.',
  },
  'apiserver-list': {
    title: 'kube-apiserver answers the LIST',
    body: 'It returns {{count}} objects ({{resources}}) from its watch cache. The informer fills its local cache with them before it starts watching.',
  },
  'cluster-watching': {
    title: 'Everyone is already listening',
    body: 'Before anything happens, {{count}} components hold list-watch connections to kube-apiserver: the controller-manager, the scheduler, every kubelet and kube-proxy, and CoreDNS. Each hears about changes as they happen.',
  },
  'kubectl-create': {
    title: 'kubectl sends the {{kind}}',
    body: 'kubectl create -f turns the manifest from YAML into JSON and sends it to kube-apiserver: a POST to the collection, for the {{kind}} named {{name}}. It signs in with the client certificate in its kubeconfig.',
  },
  'kubectl-no-mapping': {
    title: 'kubectl does not know the kind {{kind}}',
    body: 'error: resource mapping not found for name: "{{name}}" namespace: "" from "STDIN": no matches for kind "{{kind}}" in version "{{apiVersion}}". This object is skipped.',
  },
  'apiserver-authentication': {
    title: 'Authentication: who are you?',
    body: 'kube-apiserver checks the caller’s credentials ({{via}}) and knows it as {{user}}. Without valid credentials the request would end here with 401 Unauthorized.',
  },
  'apiserver-authorization': {
    title: 'Authorization: may you?',
    body: 'The authorizers decide whether {{user}} may {{verb}} {{resource}}. Allowed: {{reason}}. A denial would end here with 403 Forbidden.',
  },
  'apiserver-forbidden': {
    title: 'Authorization denied: 403 Forbidden',
    body: '{{message}}',
  },
  'apiserver-mutating-admission': {
    title: 'Defaulting and mutating admission',
    body: 'kube-apiserver fills in the defaults, then the mutating admission plugins change the object in order: {{plugins}} (ServiceAccount mounts a token volume, Priority sets the priority, DefaultTolerationSeconds adds two tolerations). Fields set: {{fields}}. Each plugin’s verdict: {{verdicts}}.',
  },
  'apiserver-defaulting': {
    title: 'Defaulting and admission',
    body: 'kube-apiserver fills in the defaults of the {{kind}}: {{fields}}. No mutating admission plugin has anything to add.',
  },
  'apiserver-validation': {
    title: 'Validation',
    body: 'The {{kind}} gets its uid and creationTimestamp and status.phase Pending; then every field of {{name}} is validated. It is valid.',
  },
  'apiserver-invalid': {
    title: 'Validation failed: 422 Unprocessable Entity',
    body: '{{message}}. Nothing is stored; kubectl prints this error.',
  },
  'apiserver-validating-admission': {
    title: 'Validating admission',
    body: 'The validating admission plugins check the final object in the {{namespace}} namespace, in order, ResourceQuota last. Each plugin’s verdict: {{verdicts}}.',
  },
  'apiserver-checks': {
    title: 'kube-apiserver checks the request',
    body: 'Authentication (who are you? {{user}}), authorization (may you? yes), admission (defaults and mutations added, then validating plugins) and validation: the {{kind}} {{name}} passes every check.',
  },
  'apiserver-store-pod': {
    title: 'The Pod is stored in etcd',
    body: 'kube-apiserver writes {{name}} to etcd under {{key}} at revision {{revision}}, which becomes its resourceVersion. The Pod exists only as data: no node, no container yet.',
  },
  'apiserver-store-running': {
    title: 'etcd stores it: {{name}} is Running',
    body: 'kube-apiserver writes the kubelet’s report to etcd at revision {{revision}}: phase Running, podIP {{ip}}, Ready=True. Now kubectl get pods shows Running 1/1, and every watcher hears of it.',
  },
  'apiserver-store-binding': {
    title: 'spec.nodeName is written to etcd',
    body: 'The binding sets spec.nodeName: {{node}} and the condition PodScheduled=True in one write to {{key}} (revision {{revision}}). Still no container runs anywhere.',
  },
  'apiserver-store-status': {
    title: 'The new status is stored',
    body: 'kube-apiserver writes the status of {{name}} (phase {{phase}}) to etcd at revision {{revision}}.',
  },
  'apiserver-store': {
    title: 'The {{kind}} {{name}} is stored in etcd',
    body: 'kube-apiserver writes it under {{key}} at revision {{revision}}. Every informer that watches this resource will hear of it.',
  },
  'etcd-committed': {
    title: 'etcd commits',
    body: 'The transaction on {{key}} is committed at revision {{revision}}, and etcd answers kube-apiserver.',
  },
  'etcd-committed-not': {
    title: 'etcd answers: not written',
    body: 'The transaction’s condition failed, so {{key}} is unchanged; etcd tells kube-apiserver.',
  },
  'apiserver-namespace-missing': {
    title: 'Admission: the namespace {{namespace}} does not exist',
    body: 'The NamespaceLifecycle admission plugin refuses objects in a namespace that does not exist: {{message}} (404 Not Found). Create the namespace first.',
  },
  'apiserver-bad-request': {
    title: 'Decoding failed: 400 Bad Request',
    body: '{{message}}. The body is not a valid object of its kind, so no admission plugin ever sees it.',
  },
  'etcd-conflict': {
    title: 'etcd refuses: the key exists',
    body: 'A create is a transaction that writes {{key}} only if it does not exist yet. It does, so nothing is written.',
  },
  'etcd-watch': {
    title: 'etcd’s watch reports the change',
    body: 'kube-apiserver watches everything under /registry in etcd. etcd tells it that {{key}} changed at revision {{revision}}, and the watch cache updates.',
  },
  'apiserver-created': {
    title: '{{status}} Created',
    body: 'kube-apiserver answers kubectl with the stored object, and kubectl prints “{{printed}}”. The request is done; everything from here happens without the user.',
  },
  'apiserver-response': {
    title: '{{status}} back to the caller',
    body: 'kube-apiserver answers {{path}} with {{status}}.',
  },
  'apiserver-error': {
    title: 'kube-apiserver answers {{status}}',
    body: 'The request is refused: {{message}}',
  },
  'apiserver-watch-pod': {
    title: 'The watchers hear about {{name}}',
    body: 'The watch cache sends the change to every informer whose watch matches: {{watchers}}. Each updates its cache and decides whether it has work to do.',
  },
  'apiserver-watch': {
    title: 'The watchers hear about {{name}}',
    body: 'A change to {{resource}} goes to every informer that watches it: {{watchers}}.',
  },
  'scheduler-filter': {
    title: 'Filter: which nodes can run {{pod}}?',
    body: 'The filter plugins ({{plugins}}) check every node. {{feasible}} of {{total}} nodes fit: {{nodes}}.',
  },
  'scheduler-score': {
    title: 'kube-scheduler picks a node for {{pod}}',
    body: 'Nodes that cannot run the Pod were filtered out; the rest are scored by the score plugins, weighted and summed: {{scores}}. {{node}} wins (a tie is broken at random).',
  },
  'scheduler-bind': {
    title: 'The scheduler binds {{pod}} to {{node}}',
    body: 'It sends POST pods/{{pod}}/binding with the target {{node}}. That is all the scheduler does: it starts nothing; the kubelet on {{node}} does the rest.',
  },
  'scheduler-unschedulable': {
    title: 'No node fits {{pod}}',
    body: '{{message}} The Pod stays Pending; the scheduler tries again when the cluster changes.',
  },
  'scheduler-patch-unschedulable': {
    title: 'PodScheduled=False',
    body: 'The scheduler records the condition PodScheduled=False, reason Unschedulable, in the status of {{pod}}.',
  },
  event: {
    title: 'Event: {{reason}}',
    body: '{{type}} Event on {{object}}: {{message}}',
  },
  'deployment-sync': {
    title: 'The Deployment controller makes a ReplicaSet',
    body: 'Deployment {{deployment}} has no ReplicaSet for its Pod template yet. The controller names one after the template’s hash ({{hash}}): {{rs}}, for {{replicas}} replicas, and makes itself its owner. It creates no Pods itself.',
  },
  'deployment-create-rs': {
    title: 'POST replicasets {{rs}}',
    body: 'The Deployment controller sends the new ReplicaSet to kube-apiserver, like any client. It signs in with its own ServiceAccount, deployment-controller.',
  },
  'deployment-status': {
    title: 'Deployment status: {{available}} of {{replicas}} available',
    body: 'The Deployment controller adds up its ReplicaSets’ status and writes it to {{deployment}}’s status: replicas, updated, ready and available, and the Available and Progressing conditions.',
  },
  'replicaset-sync': {
    title: 'The ReplicaSet controller: {{want}} wanted, {{have}} there',
    body: 'ReplicaSet {{rs}} asks for {{want}} Pods and owns {{have}}. The controller creates {{create}} from the template, in slow-start batches of 1, 2, 4 … so that a broken template fails fast.',
  },
  'replicaset-create-pod': {
    title: 'POST pods with generateName {{prefix}}',
    body: 'The ReplicaSet controller creates a Pod from the template of {{rs}}, owned by it. kube-apiserver will add five random characters to the name.',
  },
  'replicaset-status': {
    title: 'ReplicaSet status: {{ready}} of {{replicas}} ready',
    body: 'The ReplicaSet controller counts the Pods it owns and writes the status of {{rs}}.',
  },
  'kubelet-admit': {
    title: 'The kubelet on {{node}} takes {{pod}}',
    body: 'Its watch delivered a Pod bound to this node (SyncLoop ADD). The admit handlers check that it fits, a pod worker starts to sync it, and the kubelet reports a first status.',
  },
  'kubelet-volumes': {
    title: 'Volumes first',
    body: 'Before any container starts, the kubelet sets up the Pod’s volumes and waits until they are mounted: {{volumes}}.',
  },
  'kubelet-status-pending': {
    title: 'Status: Pending, ContainerCreating',
    body: 'The kubelet’s status manager sends PATCH pods/{{pod}}/status: phase {{phase}}, the container waiting in ContainerCreating, PodScheduled=True and Ready=False.',
  },
  'kubelet-status-running': {
    title: 'The kubelet reports Running, IP {{ip}}',
    body: 'PATCH pods/{{pod}}/status: phase Running, podIP {{ip}}, the container running and ready, condition Ready=True. Only now does the API show what the node already knew.',
  },
  'kubelet-run-sandbox': {
    title: 'RunPodSandbox: a sandbox for {{pod}}',
    body: 'The kubelet asks the container runtime over CRI for a sandbox. The runtime creates the network namespace, runs the CNI plugin, which wires it and assigns an IP, and starts the pause container that holds the namespace.',
  },
  'kubelet-sandbox-status': {
    title: 'PodSandboxStatus',
    body: 'The kubelet asks the runtime for the status of the sandbox of {{pod}}, to learn its IP.',
  },
  'kubelet-image-status': {
    title: 'Is {{image}} on the node?',
    body: 'With imagePullPolicy IfNotPresent, the kubelet first asks the runtime’s image service whether {{image}} is already here.',
  },
  'kubelet-pull': {
    title: 'Pull the image {{image}}',
    body: 'The image is not on the node, so the kubelet asks the runtime to pull {{image}} for the container {{container}}. A node pulls one image at a time by default.',
  },
  'kubelet-pull-always': {
    title: 'Pull the image {{image}} (imagePullPolicy Always)',
    body: 'With imagePullPolicy Always the kubelet asks the runtime to pull {{image}} for {{container}} every time. If the layers are already on the node, the runtime only checks the registry for the current digest, which is quick.',
  },
  'kubelet-create': {
    title: 'CreateContainer {{container}}',
    body: 'The image is present; the kubelet asks the runtime to create the container {{container}} in the sandbox of {{pod}}.',
  },
  'kubelet-start': {
    title: 'StartContainer {{container}}',
    body: 'The kubelet asks the runtime to start {{container}}. Its process joins the network namespace held by the pause container.',
  },
  'kubelet-lease': {
    title: 'Heartbeat: the Lease of {{node}}',
    body: 'The kubelet renews its Lease in kube-node-lease every 10 s. The node lifecycle controller reads these heartbeats to know the node is alive.',
  },
  'runtime-netns': {
    title: 'A network namespace',
    body: 'The runtime creates a new network namespace for the sandbox: {{netns}}.',
  },
  'runtime-cni-add': {
    title: 'CNI ADD',
    body: 'The runtime runs the CNI plugins configured in /etc/cni/net.d with the command ADD, for the namespace {{netns}}. The kubelet does not call CNI itself.',
  },
  'cni-result': {
    title: 'The Pod gets its IP: {{ip}}',
    body: 'The plugin connects the namespace to the node’s bridge, and host-local IPAM gives it {{ip}} from the node’s podCIDR {{cidr}}.',
  },
  'cni-error': {
    title: 'CNI ADD failed',
    body: '{{message}}',
  },
  'runtime-pause': {
    title: 'The pause container starts',
    body: 'The runtime starts {{image}} for sandbox {{id}}: a tiny process that holds the Pod’s namespaces for all its containers.',
  },
  'runtime-sandbox-ready': {
    title: 'The sandbox is ready',
    body: 'RunPodSandbox returns the sandbox id {{id}} to the kubelet.',
  },
  'runtime-sandbox-failed': {
    title: 'RunPodSandbox failed',
    body: '{{error}}',
  },
  'runtime-sandbox-status': {
    title: 'The kubelet learns the Pod IP: {{ip}}',
    body: 'PodSandboxStatus answers with the sandbox’s network status. Now the kubelet knows the IP it will report as status.podIP.',
  },
  'runtime-image-present': {
    title: 'The image is here',
    body: '{{image}} is already in the node’s image store: no pull needed.',
  },
  'runtime-image-absent': {
    title: 'The image is not here',
    body: '{{image}} is not on this node yet: it must be pulled.',
  },
  'runtime-pulled': {
    title: 'Image pulled',
    body: '{{image}} is downloaded and unpacked: {{size}} bytes in {{duration}}.',
  },
  'runtime-created': {
    title: 'Container created',
    body: 'The runtime has created {{container}} (id {{id}}); it is ready to start.',
  },
  'runtime-started': {
    title: 'Container running',
    body: '{{container}} is running. The kubelet hears it from the runtime and reports it in the Pod’s status.',
  },
  'kubectl-delete': {
    title: 'kubectl delete {{kind}} {{name}}',
    body: 'The learner deletes the {{kind}}: kubectl sends DELETE to kube-apiserver. For a Pod this starts a graceful termination; nothing is killed yet.',
  },
  'apiserver-delete-graceful': {
    title: 'Graceful deletion: deletionTimestamp is set',
    body: 'kube-apiserver does not remove {{name}} yet. It writes deletionTimestamp (now + {{grace}} s) and deletionGracePeriodSeconds {{grace}} at revision {{revision}}: kubectl get pods shows Terminating, and every watcher hears of it.',
  },
  'apiserver-delete': {
    title: '{{kind}} {{name}} is removed from etcd',
    body: 'kube-apiserver deletes the key {{key}} at revision {{revision}}. Every informer that watched it gets DELETED.',
  },
  'apiserver-deleted': {
    title: '{{status}} OK: deleted',
    body: 'kube-apiserver answers kubectl, which prints “{{printed}}”. The Pod still exists until its kubelet has stopped it.',
  },
  'kubelet-terminate': {
    title: 'The kubelet stops {{pod}}',
    body: 'Its watch shows deletionTimestamp. The kubelet kills the Pod gracefully: each container gets SIGTERM now, and SIGKILL if it still runs after {{grace}} s (preStop hooks would run first). The endpoint controllers stop sending it new traffic at the same time.',
  },
  'kubelet-stop-container': {
    title: 'StopContainer {{container}} (grace {{grace}} s)',
    body: 'The kubelet asks the runtime to stop {{container}}: SIGTERM, then SIGKILL when the {{grace}} s are up.',
  },
  'runtime-stopped': {
    title: '{{container}} has exited',
    body: 'The process ended on SIGTERM with exit code 0, well inside the grace period.',
  },
  'kubelet-stop-sandbox': {
    title: 'StopPodSandbox: the network goes',
    body: 'All containers have stopped, so the kubelet asks the runtime to stop the sandbox: CNI DEL releases the IP {{ip}} and the pause container stops.',
  },
  'runtime-cni-del': {
    title: 'CNI DEL',
    body: 'The runtime runs the CNI plugins with the command DEL for the namespace {{netns}}.',
  },
  'cni-released': {
    title: 'The IP {{ip}} is free again',
    body: "host-local IPAM returns {{ip}} to the node's podCIDR {{cidr}}; the next Pod on this node may get it.",
  },
  'runtime-pause-stopped': {
    title: 'The pause container stops',
    body: 'The sandbox {{id}} and its network namespace are gone.',
  },
  'runtime-sandbox-stopped': {
    title: 'The sandbox is stopped',
    body: 'StopPodSandbox returns to the kubelet (sandbox {{id}}).',
  },
  'kubelet-status-terminated': {
    title: 'Status: Succeeded, containers terminated',
    body: 'PATCH pods/{{pod}}/status: every container terminated (Completed, exit code 0), phase {{phase}}, Ready=False.',
  },
  'kubelet-delete-final': {
    title: 'The kubelet deletes {{pod}} for good',
    body: "With every container stopped, the kubelet sends DELETE with gracePeriodSeconds 0 and the Pod's uid as a precondition. kube-apiserver removes it from etcd.",
  },
  'kubelet-probe': {
    title: '{{probe}} probe passes ({{container}})',
    body: "The kubelet's prober checks {{container}} ({{target}}) and it answers. This repeats every periodSeconds for as long as the container runs.",
  },
  'kubelet-probe-ready': {
    title: 'Readiness probe passed: {{container}} is ready',
    body: 'The first readiness probe of {{container}} ({{target}}) succeeds. Until now the Pod was Running but not Ready; now the kubelet reports Ready=True, and only now would a Service send it traffic.',
  },
  'kubelet-status-running-unready': {
    title: 'The kubelet reports Running, not Ready',
    body: 'PATCH pods/{{pod}}/status: phase Running, podIP {{ip}}, but Ready=False: the container runs, and its readiness probe has not passed yet. Running is not Ready.',
  },
  'apiserver-store-running-unready': {
    title: 'etcd stores it: {{name}} is Running, 0 ready',
    body: "kube-apiserver writes the kubelet's report at revision {{revision}}: phase Running, podIP {{ip}}, Ready=False. kubectl get pods shows Running 0/1 until the readiness probe passes.",
  },
  'kubelet-start-init': {
    title: 'StartContainer {{container}} (an init container)',
    body: 'Init containers run first, one at a time, each to completion. The kubelet starts {{container}}; the app containers of {{pod}} wait, as PodInitializing, until it exits with code 0.',
  },
  'runtime-container-exited': {
    title: 'PLEG: {{container}} has exited (code 0)',
    body: "The kubelet's pod lifecycle event generator relists the runtime and finds {{container}} finished. For an init container this is the signal to go on: the next init container, or the app containers.",
  },
  'kubectl-apply': {
    title: 'kubectl apply: the {{kind}} {{name}} changes',
    body: 'The learner applies an edited manifest. The object exists, so kubectl sends a PATCH with the new fields; the new Pod template makes this a rollout.',
  },
  'apiserver-configured': {
    title: '{{status}} OK: configured',
    body: "kube-apiserver stored the change and answers; kubectl prints “{{printed}}”. The rollout itself is the Deployment controller's work.",
  },
  'deployment-scale-up': {
    title: 'Rolling update: scale up {{rs}} to {{to}}',
    body: 'The Deployment controller scales the new ReplicaSet {{rs}} from {{from}} to {{to}}, as far as maxSurge lets the total go over the desired count.',
  },
  'deployment-scale-down': {
    title: 'Rolling update: scale down {{rs}} to {{to}}',
    body: 'New Pods are available, so the Deployment controller scales the old ReplicaSet {{rs}} from {{from}} to {{to}}, never going below the desired count minus maxUnavailable.',
  },
  'deployment-patch-rs': {
    title: 'PATCH replicasets {{rs}}: replicas {{to}}',
    body: 'The Deployment controller changes spec.replicas of {{rs}}; the ReplicaSet controller will create or delete Pods to match.',
  },
  'replicaset-sync-down': {
    title: 'The ReplicaSet controller: {{want}} wanted, {{have}} there',
    body: 'ReplicaSet {{rs}} has more Pods than it asks for. The controller deletes {{delete}}, the least useful first: not ready before ready, newest before oldest.',
  },
  'replicaset-delete-pod': {
    title: 'DELETE pods {{pod}}',
    body: 'The ReplicaSet controller deletes {{pod}}. Like any deletion it is graceful: the Pod turns Terminating and its kubelet stops it.',
  },
  // Admission: LimitRanger, ServiceAccount, PodSecurity, ResourceQuota, and their controllers.
  'apiserver-serviceaccount-retry': {
    title: 'ServiceAccount admission: no default ServiceAccount yet',
    body: 'The namespace {{namespace}} has no default ServiceAccount in the cache or in etcd yet: the ServiceAccount controller makes it when it sees the new namespace. The plugin looks again in {{ms}} ms (lookup {{attempt}} of 10) before it gives up.',
  },
  'apiserver-admission-denied': {
    title: 'Admission refuses: {{plugin}}',
    body: '{{message}}. Nothing is stored; the answer is 403 Forbidden.',
  },
  'apiserver-quota-charge': {
    title: 'ResourceQuota charges {{quota}}',
    body: 'Before the object is stored, the ResourceQuota plugin writes the new usage to the quota’s status through kube-apiserver’s own loopback client: {{used}}. Only when that write succeeds is the object admitted.',
  },
  'serviceaccount-create': {
    title: 'POST serviceaccounts {{name}} in {{namespace}}',
    body: 'The ServiceAccount controller saw the new namespace {{namespace}} and creates its {{name}} ServiceAccount, which every Pod there uses unless it names another.',
  },
  'resourcequota-sync': {
    title: 'The resource quota controller counts {{quota}}',
    body: 'It counts what the namespace’s Pods use and writes status.hard and status.used of {{quota}}: {{used}}. It counts again whenever a Pod goes, giving its share back.',
  },
  // kube-scheduler: the scheduling queue and the framework's extension points (deep level).
  'event-series': {
    title: 'Event again: {{reason}} (x{{count}})',
    body: 'The same {{reason}} Event for {{object}} once more: the events.k8s.io recorder does not create a second Event, it PATCHes series.count of the first to {{count}} ({{message}}). Later repeats are only counted until the 30-minute heartbeat.',
  },
  'scheduler-queue-add': {
    title: 'PreEnqueue, QueueSort: {{pod}} joins activeQ',
    body: 'No scheduling gate holds {{pod}} back (PreEnqueue: SchedulingGates), so the scheduling queue puts it in activeQ, ordered by PrioritySort: higher priority first, then first come. {{queue}} Pod(s) wait there now.',
  },
  'scheduler-queue-gated': {
    title: 'PreEnqueue: {{pod}} is gated',
    body: '{{pod}} has spec.schedulingGates, so the SchedulingGates plugin keeps it out of activeQ: it waits in unschedulablePods, status SchedulingGated, until the gates are removed.',
  },
  'scheduler-prefilter': {
    title: 'PreFilter: the scheduler works out {{pod}} once',
    body: 'Scheduling attempt {{attempt}} of {{pod}}, on a snapshot of the cache with {{nodes}} node(s). PreFilter computes once what every Filter needs: requests cpu {{cpu}}, memory {{memory}} bytes; {{spread}} DoNotSchedule spread constraint(s) with the matching Pods per domain; the Pods whose affinity or anti-affinity concerns it.',
  },
  'scheduler-postfilter': {
    title: 'PostFilter: could preemption help {{pod}}?',
    body: 'No node passed Filter, so DefaultPreemption (PostFilter) looks for lower-priority Pods to evict. {{unresolvable}} of {{total}} node(s) failed for a reason eviction cannot fix (UnschedulableAndUnresolvable); on the others no Pod has a lower priority, so there are no victims.',
  },
  'scheduler-queue-unschedulable': {
    title: '{{pod}} waits in unschedulablePods',
    body: 'The scheduling queue parks {{pod}} in unschedulablePods. It moves back only when a cluster event one of the rejecting plugins ({{plugins}}) cares about happens (QueueingHints), or after 5 minutes at the latest.',
  },
  'scheduler-queue-backoff': {
    title: '{{pod}} goes to backoffQ',
    body: 'While {{pod}} was being scheduled, the cluster changed in a way that might help ({{plugins}} rejected it), so it waits out its back-off in backoffQ: 1 s, doubled per attempt, at most 10 s.',
  },
  'scheduler-queue-move': {
    title: 'QueueingHint: {{event}} of {{object}} moves {{pods}}',
    body: 'The scheduler hears of {{event}} ({{object}}). The QueueingHints of the plugins that rejected {{pods}} say this may help, so they leave unschedulablePods: to activeQ, or to backoffQ while their back-off runs.',
  },
  'scheduler-queue-backoff-done': {
    title: 'Back-off over: {{pods}} to activeQ',
    body: 'flushBackoffQCompleted, every second, moves the Pods whose back-off has run out from backoffQ to activeQ: {{pods}}.',
  },
  'scheduler-queue-leftover': {
    title: 'Five minutes unschedulable: {{pods}} tried again',
    body: 'flushUnschedulablePodsLeftover, every 30 s, sends Pods that have waited in unschedulablePods for over 5 minutes (podMaxInUnschedulablePodsDuration) back to be tried, whatever happened: {{pods}}.',
  },
  'scheduler-score-plugins': {
    title: 'PreScore, Score, NormalizeScore for {{pod}}',
    body: 'Each score plugin rates every feasible node 0–100 after NormalizeScore, then its weight multiplies it: {{plugins}}. A plugin whose PreScore has nothing to go on is skipped and gives 0.',
  },
  'scheduler-score-single': {
    title: 'kube-scheduler picks {{node}} for {{pod}}',
    body: 'Only {{node}} passed Filter, so there is nothing to compare: the scheduler takes it without running the score plugins.',
  },
  'scheduler-reserve-permit': {
    title: 'Reserve, Permit: {{pod}} assumed on {{node}}',
    body: 'Reserve: the scheduler cache counts {{pod}} on {{node}} at once (assume), so the next cycle sees its requests before the binding is stored. Permit: no plugin asks to wait. The binding cycle follows: PreBind (no volumes to bind), Bind (DefaultBinder), then PostBind.',
  },
  // Volumes (issue #5): the kubelet's volume manager, the root CA publisher.
  'kubelet-mount-failed': {
    title: 'FailedMount: {{volume}} of {{pod}}',
    body: '{{message}}. The kubelet records a FailedMount Warning and its volume manager tries MountVolume again in {{retryMs}} ms (the back-off doubles after each failure, up to 2m2s). No container starts meanwhile: the Pod stays ContainerCreating.',
  },
  'kubelet-volume-populator': {
    title: '{{volume}} of {{pod}} cannot be mounted yet',
    body: 'The volume manager cannot turn the claim into a volume yet: {{error}}. It only logs this (no Event) and looks again in {{retryMs}} ms.',
  },
  'kubelet-csi-stage': {
    title: 'NodeStageVolume {{pv}}',
    body: "MountVolume.MountDevice: the kubelet's CSI plugin calls the driver {{driver}} over its unix socket with NodeStageVolume (volume {{handle}}); the driver prepares it once for the whole node at {{path}}.",
  },
  'kubelet-csi-publish': {
    title: 'NodePublishVolume {{pv}}',
    body: 'MountVolume.SetUp: the CSI plugin calls {{driver}} with NodePublishVolume, which bind-mounts the staged volume into the Pod’s directory {{path}}; the runtime mounts it into the containers from there.',
  },
  'kubelet-volume-mounted': {
    title: 'Volume {{volume}} mounted',
    body: 'MountVolume.SetUp succeeded for volume {{volume}} of {{pod}} ({{plugin}}). Once every volume is mounted, WaitForAttachAndMount returns and the pod worker goes on to the sandbox.',
  },
  'rootca-publish': {
    title: 'POST configmaps kube-root-ca.crt in {{namespace}}',
    body: 'The root CA publisher in kube-controller-manager gives the new namespace {{namespace}} its ConfigMap kube-root-ca.crt: every Pod’s kube-api-access volume mounts the CA from it to trust kube-apiserver.',
  },
  // Volumes and the Pod lifecycle (issues #4 and #5).
  // Sidecars, lifecycle hooks and graceful termination (issue #4).
  'kubelet-start-sidecar': {
    title: 'StartContainer {{container}} (a sidecar)',
    body: '{{container}} is an init container with restartPolicy: Always, a sidecar. The kubelet starts it in its place among the init containers but does not wait for it to finish: once it has started, the next init container (or the app containers of {{pod}}) may start, and it keeps running beside them.',
  },
  'kubelet-stop-sidecar': {
    title: 'StopContainer {{container}} (sidecar, grace {{grace}} s)',
    body: 'Every app container has exited, and every sidecar declared after this one: now it is the turn of the sidecar {{container}}. It gets what is left of the grace period: SIGTERM, then SIGKILL after {{grace}} s.',
  },
  'kubelet-hook-poststart': {
    title: 'postStart hook of {{container}}: {{target}}',
    body: 'Right after StartContainer the kubelet runs the postStart hook ({{target}}). The pod worker waits for it before it starts the next container, and the status still shows the container waiting (ContainerCreating) until the sync after the hook; if the hook failed, the container would be killed (FailedPostStartHook).',
  },
  'kubelet-hook-prestop': {
    title: 'preStop hook of {{container}}: {{target}}',
    body: 'Before any signal, the kubelet runs the preStop hook ({{target}}) and waits for it. Its time counts against the grace period of {{grace}} s: StopContainer gets only what is left (at least 2 s).',
  },
  'kubelet-hook-done': {
    title: '{{hook}} hook of {{container}} done',
    body: 'The {{hook}} hook of {{container}} has returned; the kubelet goes on.',
  },
  'runtime-sigterm': {
    title: 'SIGTERM to {{container}}',
    body: 'containerd sends the stop signal (the image’s STOPSIGNAL, SIGTERM by default) to the container’s main process and waits up to {{timeout}} s for it to exit.',
  },
  'runtime-sigkill': {
    title: 'SIGKILL: {{container}} ignored SIGTERM',
    body: '{{container}} was still running when its {{timeout}} s ran out (its process ignores SIGTERM). containerd sends SIGKILL, which cannot be caught: the process dies with exit code 137 (128 + 9), reason Error.',
  },
  // Sidecars, lifecycle hooks and graceful termination (issue #4), continued.
  'kubelet-status-failed': {
    title: 'Status: Failed, a container was killed',
    body: 'PATCH pods/{{pod}}/status: every container has terminated, but not all with exit code 0 (one was killed with SIGKILL: 137, Error), so getPhase reports {{phase}}. The Pod is deleted all the same.',
  },
  // PersistentVolume binding and dynamic provisioning (issue #5).
  'pv-wait-first-consumer': {
    title: '{{claim}} waits for its first consumer',
    body: 'The PV controller finds no volume for the claim {{claim}}, and its StorageClass has volumeBindingMode WaitForFirstConsumer: nothing is provisioned until a Pod that uses the claim is scheduled, so the volume can be made where the Pod will run. It records WaitForFirstConsumer; the claim stays Pending.',
  },
  'pv-external-provisioning': {
    title: 'PUT persistentvolumeclaims {{claim}}: for {{provisioner}}',
    body: 'The scheduler has chosen a node (volume.kubernetes.io/selected-node). The class’s provisioner {{provisioner}} is not built in, so the PV controller hands the claim over: it sets volume.kubernetes.io/storage-provisioner and records ExternalProvisioning.',
  },
  'csi-create-volume': {
    title: 'CreateVolume for {{claim}}',
    body: 'The external-provisioner sees a claim handed to its driver, records Provisioning, and calls the driver {{driver}} with CreateVolume ({{size}}, accessible from {{node}}, the node the scheduler selected).',
  },
  'csi-create-pv': {
    title: 'POST persistentvolumes {{pv}}',
    body: 'The driver has made the volume; the external-provisioner creates the PersistentVolume {{pv}}: pre-bound to {{claim}} (claimRef), with node affinity to {{node}}, and records ProvisioningSucceeded.',
  },
  'pv-bind-volume': {
    title: 'PUT persistentvolumes {{pv}}: Bound',
    body: 'The PV controller finds {{pv}} pre-bound to {{claim}} and binds it: the volume’s phase goes to Bound.',
  },
  'pv-bind-claim': {
    title: '{{claim}} is Bound to {{pv}}',
    body: 'The other half of the binding: the claim gets spec.volumeName {{pv}}, the annotations pv.kubernetes.io/bind-completed and bound-by-controller, and phase Bound (Pending → Bound).',
  },
  'scheduler-prebind-volume': {
    title: 'PreBind: claim {{claim}} goes to {{node}}',
    body: 'VolumeBinding’s PreBind: {{pod}} uses the unbound claim {{claim}} of a WaitForFirstConsumer class, so the scheduler writes volume.kubernetes.io/selected-node: {{node}} on it and waits until the claim is bound before it binds the Pod.',
  },
  'scheduler-volumes-bound': {
    title: 'The claims of {{pod}} are bound',
    body: 'checkBindings: every claim of {{pod}} is now Bound. PreBind returns and the binding cycle goes on to Bind {{pod}} to {{node}}.',
  },
  // Static Pods and mirror Pods (issue #4).
  'kubelet-static-pod': {
    title: 'Static Pod {{pod}} from {{path}}',
    body: 'The kubelet on {{node}} reads its manifest folder {{path}} and finds a Pod there. It runs it itself: no kube-apiserver write, no scheduler. The file source names it {{pod}} (the manifest’s name and the node’s) and annotates it kubernetes.io/config.source: file.',
  },
  'kubelet-mirror-create': {
    title: 'POST pods {{pod}} (a mirror Pod)',
    body: 'So that the API shows the static Pod, the kubelet creates a mirror Pod: the same spec, the annotation kubernetes.io/config.mirror, and an owner reference to the Node {{node}}. It is read-only: changing it changes nothing on the node.',
  },
  'kubelet-mirror-delete': {
    title: 'DELETE pods {{pod}} (grace 0): the mirror goes',
    body: 'Someone deleted the mirror Pod {{pod}}. That does not stop the static Pod: the kubelet only sees that the mirror is being deleted, removes it at once, and will create a new one. The containers keep running.',
  },
  // Sidecar startup probes (issue #4).
  'kubelet-probe-started': {
    title: 'Startup probe passed: {{container}} has started',
    body: 'The startup probe of {{container}} ({{target}}) succeeds, so the kubelet marks it started. For a sidecar this is the moment the next container of {{pod}} may start; readiness and liveness probes take over from here.',
  },
  // Lifecycle hook failures (issue #5).
  'kubelet-hook-poststart-failed': {
    title: 'postStart hook of {{container}} failed: kill it',
    body: 'The handler runner reports: {{message}}. The kubelet records a FailedPostStartHook Warning whose message is only “PostStartHook failed” (the handler’s output may hold secrets, so it goes only into the container’s waiting message, reason PostStartHookError). Then it kills the container (a Killing Event with the message “FailedPostStartHook”, then StopContainer) and restarts it as the restartPolicy says, with the crash back-off.',
  },
  'kubelet-hook-prestop-failed': {
    title: 'preStop hook of {{container}} failed',
    body: 'The handler runner reports: {{message}}. The kubelet records a FailedPreStopHook Warning whose message is only “PreStopHook failed” (the handler’s output may hold secrets) and goes on: the container gets its stop signal with what is left of the grace period.',
  },
  'cluster-steady': {
    title: 'Steady state: only repetition from here',
    body: 'Nothing changes any more: kubelets renew their Leases every 10 s and the controllers keep watching; if the Pod died, they would act. ({{folded}} repeated steps over {{seconds}} s are folded into this one.)',
  },
  // Services and traffic (ClusterIP allocation, EndpointSlice controller, kube-proxy, CoreDNS, a request).
  'apiserver-service-ip': {
    title: 'ClusterIP {{ip}} allocated for {{name}}',
    body: "Before validation, the Service storage's BeginCreate fills ipFamilyPolicy SingleStack and ipFamilies {{families}}, and the ClusterIP allocator hands out {{ip}} from the service range {{cidr}}. Since v1.33 every allocated address is an IPAddress object named after it; dynamic addresses start at a random point above the lowest 256, which stay free for Services that ask for a fixed IP (like kube-dns at 10.96.0.10).",
  },
  'apiserver-ipaddress': {
    title: 'etcd: IPAddress {{ip}} records the allocation',
    body: 'The ClusterIP allocator creates the IPAddress object {{ip}} (parentRef: the Service {{name}}) before the Service itself is stored. Creating it is what reserves the address: a second create of the same name fails, so two Services can never share a ClusterIP.',
  },
  'endpointslice-create': {
    title: 'EndpointSlice controller: a slice for {{service}}',
    body: 'The EndpointSlice controller in kube-controller-manager sees the new Service {{service}} and, through its Pod informer, the Pods its selector matches that have an IP: {{count}} ({{ready}} ready). It creates one EndpointSlice for the Service, labelled kubernetes.io/service-name={{service}} and owned by it. Endpoints: {{endpoints}}.',
  },
  'endpointslice-update': {
    title: 'EndpointSlice {{slice}}: {{ready}} of {{count}} endpoints ready',
    body: "A selected Pod changed, so the controller recomputes {{service}}'s endpoints: each Pod with an IP is listed with its node and target port; serving is the Pod's Ready condition, terminating is a set deletionTimestamp, and ready is serving and not terminating. Now: {{endpoints}}.",
  },
  'endpointslice-delete': {
    title: 'EndpointSlice {{slice}} is not needed any more',
    body: "No selected Pod of {{service}} has this slice's port mapping now, so the controller deletes it; the other slices keep the endpoints.",
  },
  'endpointslice-delete-request': {
    title: 'DELETE endpointslices {{slice}}',
    body: 'The EndpointSlice controller deletes the slice {{slice}}; kube-proxy and CoreDNS drop its endpoints when their watch tells them.',
  },
  'endpointslice-post': {
    title: 'POST endpointslices (generateName {{prefix}})',
    body: 'The controller creates the slice with generateName {{prefix}}, so kube-apiserver adds five random characters; the labels and the ownerReference tie it to the Service {{service}}.',
  },
  'endpointslice-put': {
    title: 'PUT endpointslices {{slice}}',
    body: 'The controller writes the whole slice {{slice}} with the new endpoints. Everyone who follows EndpointSlices (kube-proxy on every node, CoreDNS) hears of it through their watch.',
  },
  'kube-proxy-sync': {
    title: 'kube-proxy on {{node}} rewrites its iptables rules',
    body: "kube-proxy saw a Service or EndpointSlice change and runs syncProxyRules (its sync runner allows two syncs at once, then one per minSyncPeriod, 1 s) and loads the chains of what changed in one iptables-restore: {{changed}}. KUBE-SERVICES matches each ClusterIP and jumps to the Service's KUBE-SVC chain, whose random rules pick a ready endpoint's KUBE-SEP chain, which DNATs to the Pod IP. A Service with no usable endpoint gets a REJECT instead. kube-proxy carries no traffic itself.",
  },
  'coredns-records': {
    title: 'CoreDNS answers for {{name}}',
    body: "CoreDNS's kubernetes plugin saw the change through its watch on Services and EndpointSlices: {{name}} now resolves to {{ips}} (the ClusterIP; for a headless Service, the ready endpoints' IPs). Nobody registers the name: CoreDNS answers from what it sees.",
  },
  'coredns-answer': {
    title: 'DNS answer: {{name}} is {{ips}}',
    body: 'CoreDNS answers the A query for {{name}} with {{ips}} from its cache of Services. The client does not learn any Pod IP: it will connect to the ClusterIP.',
  },
  'coredns-nxdomain': {
    title: 'DNS answer: {{name}} does not exist (NXDOMAIN)',
    body: 'CoreDNS knows no Service of that name in that namespace, so it answers NXDOMAIN.',
  },
  'kubectl-get': {
    title: 'kubectl get {{kind}} -l {{selector}}',
    body: 'The learner lists the {{kind}}s with the label {{selector}} to pick one by name: a LIST request answered from the watch cache, with no watch kept open.',
  },
  'request-dns-query': {
    title: 'A client Pod on {{node}} runs curl {{url}}',
    body: "First the name: the Pod's resolv.conf (dnsPolicy ClusterFirst) points at the kube-dns Service {{server}}, so the client asks CoreDNS for the A record of {{name}}. That UDP packet to port 53 is a Service connection too: the node's {{dnsChain}} chain DNATs it to one of the CoreDNS Pods.",
  },
  'request-no-client': {
    title: 'No such client Pod',
    body: 'kubectl exec finds no Pod to run curl {{url}} in: {{message}}',
  },
  'request-unresolved': {
    title: 'The name does not resolve',
    body: 'No address for the name, so no connection: {{message}}',
  },
  'request-refused': {
    title: 'Connection refused: {{comment}}',
    body: 'The client connects to {{ip}}:{{port}}. On {{node}} the filter table has the rule kube-proxy writes for a Service with no usable endpoint: REJECT, commented "{{comment}}". The client gets “connection refused” at once, instead of waiting for a timeout.',
  },
  'request-no-rule': {
    title: 'No rule on {{node}} for {{ip}}:{{port}}',
    body: 'kube-proxy has written no rule for {{ip}}:{{port}} on this node (yet), so nothing rewrites the packet.',
  },
  'request-dnat': {
    title: 'iptables on {{node}}: {{svcChain}} picks {{endpoint}}',
    body: "The connection to {{ip}}:{{port}} enters the kernel's nat table on {{node}}: KUBE-SERVICES matches the ClusterIP and jumps to {{svcChain}}. Its {{endpoints}} rules are tried in order with probabilities {{probabilities}} (1/n, 1/(n−1), … so each endpoint is equally likely; random draws {{draws}}). The chosen {{sepChain}} DNATs the packet to {{endpoint}}, the Pod {{pod}}. kube-proxy wrote these rules but takes no part in the packet's way.",
  },
  'request-direct': {
    title: 'No Service rule for {{ip}}: straight to {{pod}}',
    body: 'The name belongs to a headless Service, so DNS answered with a Pod IP. No KUBE-SERVICES rule matches {{ip}}:{{port}} on {{node}}, nothing is rewritten, and the connection goes directly to the Pod.',
  },
  'request-packet': {
    title: 'The packet goes to {{pod}} ({{endpoint}}) on {{node}}',
    body: 'With its destination rewritten to {{endpoint}}, the packet travels over the Pod network, straight to the Pod on {{node}}.',
  },
  'request-answer': {
    title: 'HTTP {{status}} from {{pod}}',
    body: "nginx in {{pod}} answers on {{endpoint}}; conntrack rewrites the reply's source back to the ClusterIP, so curl {{url}} sees its answer come from the Service. This is what the whole story was for.",
  },
  // Node failure: the node lifecycle and taint eviction controllers (branch nodes).
  // What-if faults (branch whatif): etcd slows down, a node's CNI runs out of addresses.
  'fault-etcd-slow': {
    title: 'etcd slows down',
    body: 'From now on every etcd request takes {{ms}} ms longer: a slow disk makes each commit wait for fsync. Every write kube-apiserver makes waits for etcd, so everything after this step is slower: watch what it does to the story.',
  },
  'fault-ips-exhausted': {
    title: '{{node}} runs out of Pod IPs',
    body: 'The CNI plugin’s IPAM (host-local) on {{node}} has no free address left in the node’s podCIDR. The next sandbox on {{node}} cannot get a network: containerd’s RunPodSandbox fails and the kubelet reports FailedCreatePodSandBox.',
  },
  'fault-node-down': {
    title: '{{node}} goes down',
    body: 'The kubelet on {{node}} stops: it renews no Lease, posts no status and does no more pod work. Nothing tells the control plane; its containers keep running, but the node is unreachable. The cluster must notice by itself.',
  },
  'node-monitor': {
    title: 'Node lifecycle controller: every node is alive',
    body: 'Every 5 s (nodeMonitorPeriod) the node lifecycle controller in kube-controller-manager checks each node’s last sign of life, a Lease renewal or a status heartbeat, seen this long ago: {{nodes}}.',
  },
  'node-monitor-silent': {
    title: 'Node lifecycle controller: no heartbeat from {{nodes}}',
    body: 'The Lease has not been renewed for {{nodes}}. The controller waits: only after nodeMonitorGracePeriod ({{grace}} s, the default since v1.32) without a sign of life does it declare the node’s status unknown.',
  },
  'node-lifecycle-unknown': {
    title: 'PUT nodes/{{node}}/status: Ready=Unknown',
    body: 'No heartbeat from {{node}} for {{seconds}} s, more than the {{grace}} s grace period. The node lifecycle controller sets Ready, MemoryPressure, DiskPressure and PIDPressure to Unknown, reason NodeStatusUnknown, “Kubelet stopped posting node status.” kubectl get nodes now shows NotReady.',
  },
  'node-lifecycle-pod-not-ready': {
    title: 'MarkPodsNotReady: {{pod}} is not Ready',
    body: 'The controller sets the Ready condition of {{pod}} on {{node}} to False (PUT pods/{{pod}}/status) and records a Warning NodeNotReady “Node is not ready”. The Pod stays Running, but a Service stops sending it traffic.',
  },
  'node-lifecycle-taint-noschedule': {
    title: 'Taint {{node}}: {{added}}',
    body: 'Taint nodes by condition: Ready=Unknown maps to node.kubernetes.io/unreachable with effect NoSchedule, so the scheduler places no new Pod on {{node}}. Added: {{added}}; removed: {{removed}}.',
  },
  'node-lifecycle-taint-noexecute': {
    title: 'Taint {{node}}: {{taint}}',
    body: 'On its next pass the controller sees Ready=Unknown and queues {{node}} for the NoExecute taint (rate-limited per zone); it PATCHes the Node with {{taint}} and timeAdded. NoExecute means: Pods that do not tolerate it must leave.',
  },
  'node-lifecycle-untaint': {
    title: '{{node}} is Ready again: taints off',
    body: 'The node’s Ready condition is True again, so the controller removes the unreachable and not-ready NoExecute taints from {{node}}.',
  },
  'taint-eviction-now': {
    title: 'Taint eviction: {{pod}} does not tolerate {{taint}}',
    body: '{{node}} has the NoExecute taint {{taint}} and {{pod}} has no toleration for it, so the taint eviction controller deletes it at once.',
  },
  'taint-eviction-forever': {
    title: 'Taint eviction: {{pod}} may stay',
    body: '{{pod}} tolerates {{taint}} on {{node}} without tolerationSeconds, so it is never evicted for this taint.',
  },
  'taint-eviction-scheduled': {
    title: 'Taint eviction: {{pod}} has {{seconds}} s',
    body: 'The taint eviction controller sees {{taint}} on {{node}}. {{pod}} tolerates it, but only for tolerationSeconds {{seconds}} (the shortest matching toleration): its deletion is scheduled for {{at}}. If the taint goes first, the deletion is cancelled.',
  },
  'taint-eviction-fire': {
    title: 'Time is up for {{pod}}',
    body: 'The toleration of {{pod}} has run out while {{node}} is still tainted. The taint eviction controller records TaintManagerEviction “Marking for deletion Pod …”, marks the Pod and deletes it.',
  },
  'taint-eviction-condition': {
    title: 'PATCH pods/{{pod}}/status: DisruptionTarget',
    body: 'Before deleting, the controller adds the condition DisruptionTarget=True, reason DeletionByTaintManager, “Taint manager: deleting due to NoExecute taint”, so whoever looks at the Pod (a Job’s pod failure policy, a person) knows why it went.',
  },
  'taint-eviction-delete': {
    title: 'DELETE pods {{pod}}',
    body: 'An ordinary graceful delete: kube-apiserver sets deletionTimestamp. No kubelet answers on the lost node, so {{pod}} stays Terminating; the ReplicaSet no longer counts it and creates a replacement at once.',
  },
  // Container failures (branch failures): restarts, back-offs, probes, sandbox errors.
  // Event correlation (client-go EventCorrelator).
  'event-spam-filtered': {
    title: 'Event dropped: {{reason}} about {{object}} (spam filter)',
    body: 'The event recorder’s spam filter lets one source send 25 Events about one object at once, then one more every 5 minutes (a token bucket per source and object). This {{type}} {{reason}} Event about {{object}} found the bucket empty: it is not written at all.',
  },
  'event-count': {
    title: 'Event again: {{reason}} (x{{count}})',
    body: 'The same {{reason}} Event for {{object}} once more ({{message}}). The kubelet’s event recorder does not create a second Event: its correlator PATCHes count {{count}} and lastTimestamp onto the first one, created at {{first}}. kubectl describe shows it as (x{{count}} over …).',
  },
  'kubelet-container-exited': {
    title: '{{container}} exited: {{reason}}, code {{code}}',
    body: 'PLEG told the kubelet that the process of {{container}} has ended with exit code {{code}} (reason {{reason}}; 137 is SIGKILL, which the OOM killer sends). What happens next is up to the Pod’s restartPolicy: Always (the default) restarts it, OnFailure only after a failure, Never not at all.',
  },
  'kubelet-restart': {
    title: 'Restart {{container}} (restart {{restarts}})',
    body: 'restartPolicy says to run {{container}} of {{pod}} again, and it is not in back-off: the kubelet counts restart {{restarts}}, keeps the exit it saw as lastState.terminated, and creates and starts a new container. The back-off for the next failure doubles (10 s, 20 s, 40 s … 300 s).',
  },
  'kubelet-crash-backoff': {
    title: 'CrashLoopBackOff: wait {{backoff}} before restarting {{container}}',
    body: '{{container}} of {{pod}} failed again less than {{backoff}} after its last exit, so the kubelet holds it back: the container waits as CrashLoopBackOff (“back-off {{backoff}} restarting failed container”) and a BackOff Event is recorded. The Pod worker comes back when the back-off ends. The delay starts at 10 s, doubles to at most 5 min, and resets after 10 min of running well.',
  },
  'kubelet-pull-failed': {
    title: 'Pulling {{image}} failed: ErrImagePull',
    body: 'The runtime could not pull {{image}} for {{container}}: {{error}}. The kubelet records Failed events (the error, then “Error: ErrImagePull”), the container waits as ErrImagePull, and the image back-off for this Pod and image starts at 10 s.',
  },
  'kubelet-pull-backoff': {
    title: 'ImagePullBackOff: no new pull of {{image}} for {{backoff}}',
    body: 'The last pull of {{image}} failed less than {{backoff}} ago, so this sync does not pull: the container {{container}} waits as ImagePullBackOff (“Back-off pulling image”), with a BackOff event. Each failed pull doubles the wait, up to 5 min.',
  },
  'kubelet-sandbox-failed': {
    title: 'FailedCreatePodSandBox: no sandbox for {{pod}}',
    body: 'RunPodSandbox failed: {{error}}. The kubelet records a FailedCreatePodSandBox event, the Pod stays ContainerCreating with no IP, and the pod worker tries again after about 10 s. It keeps failing until an address is free.',
  },
  'kubelet-probe-failed': {
    title: '{{probe}} probe failed ({{count}}/{{threshold}}): {{container}}',
    body: 'The prober checked {{container}} ({{target}}): {{output}}. An Unhealthy event says so. After failureThreshold ({{threshold}}) failures in a row the kubelet acts: a failed readiness probe makes the container not ready; a failed liveness or startup probe gets it killed and restarted.',
  },
  'kubelet-probe-kill': {
    title: '{{container}} failed its {{probe}} probe {{threshold}} times: restart it',
    body: 'The {{probe}} probe of {{container}} in {{pod}} has failed failureThreshold times in a row. The kubelet records Killing (“failed {{probe}} probe, will be restarted”), stops the container with its grace period, and starts a new one as restartPolicy says.',
  },
  'kubelet-status-failing': {
    title: 'The kubelet reports {{pod}}: {{status}}',
    body: 'PATCH pods/{{pod}}/status: phase {{phase}}, {{ready}} containers ready, {{restarts}} restarts. kubectl get pods prints STATUS {{status}}, the reason the container waits or ended with.',
  },
  'runtime-container-died': {
    title: 'PLEG: {{container}} has exited (code {{code}})',
    body: 'The kubelet’s pod lifecycle event generator relists the runtime and finds {{container}} exited with code {{code}}; containerd gives the reason {{reason}}.',
  },
  'runtime-container-oom': {
    title: 'PLEG: {{container}} was OOM-killed',
    body: 'The process of {{container}} used more memory than its cgroup’s limit (resources.limits.memory), so the kernel’s OOM killer ended it with SIGKILL: exit code {{code}}, and containerd reports the reason {{reason}}.',
  },
  'runtime-pull-failed': {
    title: 'PullImage {{image}}: not found',
    body: 'containerd asked the registry for the manifest of {{image}} and got 404. It answers the kubelet with a gRPC error: {{error}}',
  },
  // Dynamic admission webhooks and the Istio mesh (issues #4 and #5).
  'apiserver-webhook-call': {
    title: 'POST AdmissionReview to {{webhook}}',
    body: '{{kind}} admission webhook {{webhook}} (configuration {{configuration}}) matches {{object}}: its rules, namespaceSelector and objectSelector all fit. kube-apiserver posts an AdmissionReview to {{url}}, dialing {{dial}} (the endpoint behind it: {{endpoint}}), and waits for the answer before the request goes on.',
  },
  'apiserver-validating-webhook-call': {
    title: 'POST AdmissionReview to {{webhook}}',
    body: 'Validating admission webhook {{webhook}} (configuration {{configuration}}) matches {{object}}. kube-apiserver posts an AdmissionReview to {{url}}, dialing {{dial}} (the endpoint behind it: {{endpoint}}). Validating webhooks are called all at once and may only say yes or no; ResourceQuota, the last plugin, waits for them.',
  },
  'apiserver-webhook-patched': {
    title: 'The patch from {{webhook}} is applied',
    body: 'kube-apiserver applies the JSONPatch ({{count}} operations: {{paths}}) to the object, decodes it again and runs the defaulting once more, so the injected containers get their defaults too.',
  },
  'apiserver-webhook-fail-open': {
    title: 'Webhook {{webhook}} failed: failurePolicy Ignore, the request goes on',
    body: '{{message}}. With failurePolicy: Ignore kube-apiserver logs “Failed calling webhook, failing open” and admits the object without this webhook.',
  },
  'apiserver-webhook-rejected': {
    title: 'Admission refuses: {{plugin}}',
    body: '{{message}}. Nothing is stored; the answer is {{status}}.',
  },
  'istiod-inject': {
    title: 'istiod injects the sidecar into {{pod}}',
    body: 'istiod’s /inject handler ({{webhook}}; {{reason}}) renders the sidecar template and answers allowed with a JSONPatch of {{ops}} operations: init container istio-init (istio-iptables redirects the Pod’s traffic to ports 15001/15006), then istio-proxy ({{image}}) as a native sidecar (an init container with restartPolicy: Always and a startupProbe on :15021/healthz/ready, so the app starts after Envoy is ready), its volumes, the istio labels and the sidecar.istio.io/status annotation.',
  },
  'istiod-inject-skip': {
    title: 'istiod leaves {{pod}} as it is',
    body: 'istiod’s /inject handler ({{webhook}}) answers allowed without a patch: {{reason}}.',
  },
  'istiod-ca-configmap': {
    title: 'istiod puts {{name}} into namespace {{namespace}}',
    body: 'istiod’s namespace controller saw the new namespace and creates the ConfigMap {{name}}: the mesh’s root certificate, which every istio-proxy mounts to trust istiod.',
  },
  'istiod-ads-connect': {
    title: 'ADS: new connection for node:{{node}}',
    body: 'The istio-proxy of {{node}} ({{ip}}) has started: its pilot-agent opens an xDS stream (ADS) to istiod:15012, and istiod sends it the whole configuration: clusters (CDS), endpoints (EDS), listeners (LDS) and routes (RDS).',
  },
  'istiod-eds-push': {
    title: 'EDS: PUSH for node:{{node}} resources:{{resources}}',
    body: 'istiod saw the EndpointSlice change through its watch, waited out the 100 ms debounce, and pushes the new endpoints of {{clusters}} to the proxy (push version {{version}}): {{endpoints}}. Envoy in every sidecar now load-balances to them itself; kube-proxy’s rules are not on this path.',
  },
  'kyverno-allowed': {
    title: 'Kyverno allows {{object}}',
    body: 'Kyverno’s {{webhook}} checked {{object}} against the rules of its ClusterPolicies ({{rules}}) and answers allowed.',
  },
  'kyverno-blocked': {
    title: 'Kyverno blocks {{object}}',
    body: 'A rule of a ClusterPolicy in Enforce mode does not match, so {{webhook}} answers allowed: false with its message: {{message}}',
  },
  // The kubectl prompt (issue #7).
  'kubectl-typed': {
    title: '$ {{command}}',
    body: 'The learner types this at the kubectl prompt, right after the step on screen. The run up to here is the same as before; from here it goes on with the command.',
  },
  'kubectl-prompt-get': {
    title: 'kubectl reads {{kind}}/{{name}}',
    body: 'Before it changes anything, kubectl GETs the live object from kube-apiserver (the resource builder of kubectl apply and kubectl scale).',
  },
  'kubectl-prompt-create': {
    title: 'kubectl creates {{kind}}/{{name}}',
    body: 'kubectl sends the object to kube-apiserver: a POST to the collection. It goes through authentication, authorization, admission and validation like every other request.',
  },
  'kubectl-prompt-apply': {
    title: 'kubectl apply patches {{kind}}/{{name}}',
    body: 'The object exists and the manifest changes it: kubectl sends a PATCH with the new fields and the last-applied-configuration annotation.',
  },
  'kubectl-prompt-scale': {
    title: 'kubectl scale {{kind}}/{{name}} to {{replicas}}',
    body: 'kubectl PATCHes the scale subresource: spec.replicas becomes {{replicas}}. Making or removing Pods is the controllers’ work, not kubectl’s.',
  },
  'kubectl-prompt-delete': {
    title: 'kubectl deletes {{kind}}/{{name}}',
    body: 'kubectl sends DELETE to kube-apiserver. What happens next (a graceful termination, the garbage collector) is the cluster’s work.',
  },
  'kubectl-prompt-edit': {
    title: 'kubectl edit saves {{kind}}/{{name}}',
    body: 'The learner saved the edited YAML: kubectl sends the change as a PATCH.',
  },
  'kubectl-prints': {
    title: 'kubectl prints: {{printed}}',
    body: 'The answer of kube-apiserver ({{status}}) arrives, and kubectl prints “{{printed}}”.',
  },
  // Services and traffic (issue #5): NetworkPolicies enforced by Calico's Felix.
  'felix-program': {
    title: 'Felix on {{node}} programs the policy for {{pod}}',
    body: "Calico's Felix (in the calico-node Pod on {{node}}) follows NetworkPolicies, Pods and Namespaces through kube-apiserver. Policies now select {{pod}} ({{ip}}, host interface {{iface}}): for ingress {{ingress}}, for egress {{egress}}. Felix writes the Pod's chains in the node's filter table: {{rules}}. Once any policy selects a Pod for a direction, whatever no policy allows in that direction is dropped.",
  },
  'request-dropped-ingress': {
    title: 'Dropped on {{node}}: no policy lets the client reach {{pod}}',
    body: 'The packet for {{endpoint}} reaches {{node}}, and the filter table sends it through {{chain}}, the chain Felix wrote for traffic to {{pod}}. The policies that select {{pod}} ({{policies}}) allow nothing from this client, so the last rule, "End of tier default. Drop if no policies passed packet", drops the SYN. Nothing answers, not even a refusal: curl waits.',
  },
  'request-dropped-egress': {
    title: 'Dropped on {{node}}: no policy lets {{pod}} send to {{endpoint}}',
    body: 'After kube-proxy’s DNAT to {{endpoint}}, the packet leaves {{pod}} through {{chain}}, the chain Felix wrote for traffic from it. The policies that select {{pod}} for egress ({{policies}}) allow nothing to that address, so "End of tier default. Drop if no policies passed packet" drops it. Nothing answers: curl waits.',
  },
  'request-timeout': {
    title: 'curl gives up: {{message}}',
    body: 'No SYN-ACK and no reset ever came back, so the connection never completed. curl {{url}} waited until its connect timeout ran out and failed: {{message}}. A dropped packet looks like this from the client; a Service with no endpoints is refused at once instead.',
  },
  // Services and traffic (issue #6): the Ingress and ingress-nginx.
  'ingress-nginx-reload': {
    title: 'ingress-nginx rewrites nginx.conf and reloads nginx',
    body: 'The controller saw an Ingress of its class (Event Sync “Scheduled for sync”) and ran syncIngress. The servers and locations changed, which dynamic configuration cannot do: it logs “Configuration changes detected, backend reload required”, writes nginx.conf and reloads nginx (“Backend successfully reloaded”, Event RELOAD on its Pod). Servers: {{servers}}. Upstreams: {{backends}}.',
  },
  'ingress-nginx-backends': {
    title: 'ingress-nginx updates its upstreams: {{backends}}',
    body: 'An EndpointSlice of a Service the Ingress routes to changed. ingress-nginx follows EndpointSlices itself and keeps only the ready endpoints; it POSTs the new upstreams to the Lua balancer inside nginx (/configuration/backends: “Dynamic reconfiguration succeeded”), without reloading nginx. Upstreams now: {{backends}}. It balances over these Pod IPs directly, not over the Service’s ClusterIP.',
  },
  'ingress-nginx-status': {
    title: 'ingress-nginx writes the Ingress ADDRESS: {{address}}',
    body: 'Every 60 s the status sync of the leading controller compares each Ingress’s status.loadBalancer with where the controller runs. With neither --publish-service nor --publish-status-address, that is the InternalIP of the node its Pod runs on ({{node}}, {{address}}): it logs “updating Ingress status” and PUTs ingresses/{{ingress}}/status. Only now does kubectl get ingress show an ADDRESS, often a minute after the Ingress was created.',
  },
  'request-ingress': {
    title: 'curl {{url}} goes to the Ingress address {{address}}',
    body: 'The learner pointed {{host}} at the Ingress ADDRESS (an /etc/hosts line, as the docs’ minikube tutorial does), so no CoreDNS and no ClusterIP are involved: the client on {{node}} connects to the ingress-nginx controller at {{address}}:80 and sends GET with Host: {{host}}.',
  },
  'ingress-nginx-proxy': {
    title: 'ingress-nginx proxies {{host}}{{path}} to {{pod}} ({{endpoint}})',
    body: 'nginx picks the server for {{host}} and the location {{location}}, whose upstream is {{upstream}}. The Lua balancer (round robin over {{endpoints}} ready endpoints) picks {{endpoint}}, the Pod {{pod}}, and nginx opens a connection to that Pod IP directly: the Service’s ClusterIP and kube-proxy’s rules are not on this path.',
  },
  'ingress-nginx-upstream-answer': {
    title: '{{pod}} answers the controller: HTTP {{status}}',
    body: 'nginx in {{pod}} answers ingress-nginx’s proxied request on {{endpoint}}.',
  },
  'ingress-nginx-answer': {
    title: 'HTTP {{status}} through the Ingress, from {{pod}}',
    body: 'ingress-nginx passes {{pod}}’s answer back to the client: curl {{url}} gets HTTP {{status}}. Client → ingress-nginx → a ready Pod IP ({{endpoint}}), and back.',
  },
  'ingress-nginx-default-backend': {
    title: 'HTTP 404 from ingress-nginx: no rule for {{host}}{{path}}',
    body: 'No Ingress rule of the nginx class serves host {{host}} and path {{path}} (Prefix matches whole path elements, Exact the whole path), so the default server answers curl {{url}} with “404 Not Found”.',
  },
  'ingress-nginx-no-endpoints': {
    title: 'HTTP 503 from ingress-nginx: {{upstream}} has no ready endpoint',
    body: 'The rule matches, but the upstream {{upstream}} has no ready endpoint, so nginx answers curl {{url}} with “503 Service Temporarily Unavailable”.',
  },
  'ingress-nginx-gateway-timeout': {
    title: 'HTTP 504 from ingress-nginx: {{pod}} never answered',
    body: 'A NetworkPolicy dropped the controller’s connection to {{endpoint}} ({{pod}}), so nothing came back. After proxy-connect-timeout (5 s) nginx gives up and answers curl {{url}} with “504 Gateway Time-out”. A policy that admits the ingress-nginx namespace would let it through.',
  },
  // RBAC (issue #7): the cluster admin's writes, and the registry's escalation check.
  'kubectl-create-admin': {
    title: 'The cluster admin creates the {{kind}}',
    body: 'Before the learner signs in, the cluster admin ({{user}}, kubeadm’s admin.conf) sends the {{kind}} named {{name}} with kubectl create -f. RBAC objects take effect as soon as kube-apiserver’s watch cache has them: no restart.',
  },
  'apiserver-rbac-role-unresolved': {
    title: 'The binding’s role cannot be resolved: {{status}}',
    body: '{{message}}. Before it stores a binding, kube-apiserver looks up the role it names to check that the creator holds every permission in it; without the role there is nothing to check.',
  },
  'apiserver-rbac-escalation': {
    title: 'RBAC escalation check: 403 Forbidden',
    body: '{{message}}. Nobody can grant, by a Role or a binding, permissions they do not hold themselves, unless they may escalate or bind.',
  },
  // Garbage collector and the apiserver's deletion finalizers (branch gc).
  'gc-graph-owner-gone': {
    title: 'GC graph: {{kind}} {{name}} is gone',
    body: 'The garbage collector’s graph builder hears that {{kind}} {{name}} was deleted. It had {{count}} dependent(s) in the graph of ownerReferences: each goes to the attemptToDelete queue, and {{name}} goes to the absent-owner cache.',
  },
  'gc-graph-foreground': {
    title: 'GC graph: {{kind}} {{name}} deletes its dependents first',
    body: '{{kind}} {{name}} has a deletionTimestamp and the foregroundDeletion finalizer. The graph builder marks it as deleting its dependents and queues its {{count}} dependent(s) and itself for attemptToDelete. It stays until no dependent with blockOwnerDeletion is left.',
  },
  'gc-graph-orphan': {
    title: 'GC graph: {{kind}} {{name}} orphans its dependents',
    body: '{{kind}} {{name}} has a deletionTimestamp and the orphan finalizer. The graph builder queues it for attemptToOrphan: its {{count}} dependent(s) will lose their ownerReference to it and stay.',
  },
  'gc-get': {
    title: 'GC reads {{kind}} {{name}}',
    body: 'Before acting, the garbage collector GETs the latest {{kind}} {{name}} from kube-apiserver: its graph may lag behind.',
  },
  'gc-delete': {
    title: 'GC deletes {{kind}} {{name}} ({{policy}})',
    body: 'The owner of {{kind}} {{name}}, {{ownerKind}} {{owner}}, is gone, and no other owner is left: the garbage collector sends DELETE with propagationPolicy {{policy}} and a precondition on the uid, as any client would.',
  },
  'gc-delete-foreground': {
    title: 'GC deletes {{kind}} {{name}} ({{policy}})',
    body: '{{ownerKind}} {{owner}} is waiting for its dependents to go. {{kind}} {{name}} is one of them: the garbage collector sends DELETE with propagationPolicy {{policy}}.',
  },
  'gc-remove-finalizer': {
    title: 'GC removes the {{finalizer}} finalizer from {{kind}} {{name}}',
    body: 'The garbage collector’s work for {{kind}} {{name}} is done. It patches the finalizers without {{finalizer}}; with none left, kube-apiserver deletes the object.',
  },
  'gc-orphan': {
    title: 'GC orphans {{kind}} {{name}}',
    body: 'A strategic merge patch with “$patch: delete” removes the ownerReference to {{ownerKind}} {{owner}} from {{kind}} {{name}}. It is kept, with no owner.',
  },
  'apiserver-delete-finalizers': {
    title: '{{kind}} {{name}} is marked for deletion ({{finalizers}})',
    body: 'The propagation policy asks the garbage collector to act first, so kube-apiserver does not remove {{key}}: it adds the finalizer(s) {{finalizers}} and sets deletionTimestamp, at revision {{revision}}. The object goes once its finalizers are gone.',
  },
  'apiserver-delete-finalized': {
    title: '{{kind}} {{name}}: last finalizer gone, removed',
    body: 'The update left {{kind}} {{name}} without finalizers while its deletion was pending, so kube-apiserver deletes {{key}} at revision {{revision}}. Every informer gets DELETED.',
  },
};

export type StepTexts = Widen<typeof enSteps>;
