/**
 * 每一步的讲解（简体中文）：键必须与 steps-en.ts 完全一致。
 */
import type { StepTexts } from './steps-en';

export const zhSteps: StepTexts = {
  // Informers: each reflector's LIST and WATCH (issue #4).
  'informer-list': {
    title: 'LIST {{resource}}（{{component}}）',
    body: '{{component}} 的一个 informer 的 reflector 启动：GET {{resource}}{{query}}。resourceVersion=0 让 API Server 从 watch 缓存中回答，而不必对 etcd 做一次法定读；limit=500 是分页器的页大小；fieldSelector 缩小这个 informer 保存的范围。',
  },
  'informer-watch': {
    title: '从 resourceVersion {{resourceVersion}} 起 WATCH {{resource}}（{{component}}）',
    body: 'LIST 在 resourceVersion {{resourceVersion}} 返回了 {{count}} 个 {{resource}}；reflector 现在保持 GET {{resource}}{{query}} 连接：该 resourceVersion 之后的每次变化都以 ADDED、MODIFIED 或 DELETED 流入，并带有书签，直到 5–10 分钟的随机超时，然后重新 watch。',
  },
  'informer-list-watch': {
    title: '{{component}} 建立 watch',
    body: '{{component}} 先向 API Server list {{resources}}，再从该 resourceVersion 起保持一个 WATCH 连接。此后它通过这条连接得知每一次变化，从不直接读取 etcd。',
  },
  'apiserver-list': {
    title: 'API Server 返回 LIST 结果',
    body: '它从 watch 缓存中返回 {{count}} 个对象（{{resources}}）。informer 先用它们填充本地缓存，然后开始 watch。',
  },
  'cluster-watching': {
    title: '所有组件都已在监听',
    body: '在一切开始之前，已有 {{count}} 个组件与 API Server 保持着 list-watch 连接：控制器管理器、调度器、每个节点上的 kubelet 和 kube-proxy，以及 CoreDNS。任何变化它们都会立刻收到。',
  },
  'kubectl-create': {
    title: 'kubectl 提交 {{kind}}',
    body: 'kubectl create -f 把清单从 YAML 转成 JSON，发给 API Server：向资源集合发出 POST，创建名为 {{name}} 的 {{kind}}。它用 kubeconfig 里的客户端证书表明身份。',
  },
  'kubectl-no-mapping': {
    title: 'kubectl 不认识 {{kind}} 这种资源',
    body: 'error: resource mapping not found for name: "{{name}}" namespace: "" from "STDIN": no matches for kind "{{kind}}" in version "{{apiVersion}}"。这个对象被跳过。',
  },
  'apiserver-authentication': {
    title: '认证：你是谁？',
    body: 'API Server 检查调用者的凭据（{{via}}），确认其身份为 {{user}}。如果凭据无效，请求会在这里以 401 Unauthorized 结束。',
  },
  'apiserver-authorization': {
    title: '授权：你有权限吗？',
    body: '授权模块判断 {{user}} 能否对 {{resource}} 执行 {{verb}}。结果：允许（{{reason}}）。如果被拒绝，请求会在这里以 403 Forbidden 结束。',
  },
  'apiserver-forbidden': {
    title: '授权被拒绝：403 Forbidden',
    body: '{{message}}',
  },
  'apiserver-mutating-admission': {
    title: '默认值与变更准入（mutating admission）',
    body: 'API Server 先填入默认值，再由变更准入插件按顺序修改对象：{{plugins}}（ServiceAccount 挂载令牌卷，Priority 设置优先级，DefaultTolerationSeconds 添加两条容忍）。被设置的字段：{{fields}}。各插件的结论：{{verdicts}}。',
  },
  'apiserver-defaulting': {
    title: '默认值与准入',
    body: 'API Server 为这个 {{kind}} 填入默认值：{{fields}}。变更准入插件没有需要修改的地方。',
  },
  'apiserver-validation': {
    title: '校验',
    body: '{{kind}} 获得 uid、creationTimestamp，status.phase 设为 Pending；随后 {{name}} 的每个字段都经过校验。对象合法。',
  },
  'apiserver-invalid': {
    title: '校验失败：422 Unprocessable Entity',
    body: '{{message}}。对象没有被保存，kubectl 会打印这条错误。',
  },
  'apiserver-validating-admission': {
    title: '验证准入（validating admission）',
    body: '验证准入插件按顺序检查 {{namespace}} 命名空间中的最终对象，ResourceQuota 排在最后。各插件的结论：{{verdicts}}。',
  },
  'apiserver-checks': {
    title: 'API Server 检查请求',
    body: '认证（你是谁？{{user}}）、授权（你有权限吗？有）、准入控制（先补默认值并变更，再由验证插件把关）以及校验：{{kind}} {{name}} 通过了全部检查。',
  },
  'apiserver-store-pod': {
    title: 'Pod 持久化到 etcd',
    body: 'API Server 把 {{name}} 写入 etcd 的 {{key}}，修订号（revision）为 {{revision}}，这也就是它的 resourceVersion。此时 Pod 只是一条数据：还没有节点，也没有容器。',
  },
  'apiserver-store-running': {
    title: 'etcd 记下：{{name}} 运行中（Running）',
    body: 'API Server 把 kubelet 的上报写入 etcd，修订号 {{revision}}：phase Running，podIP {{ip}}，Ready=True。现在 kubectl get pods 显示 Running 1/1，所有监听者都会收到通知。',
  },
  'apiserver-store-binding': {
    title: 'spec.nodeName 写入 etcd',
    body: '绑定操作在一次写入中设置 spec.nodeName: {{node}} 和 PodScheduled=True 条件（{{key}}，修订号 {{revision}}）。此时任何地方都还没有运行容器。',
  },
  'apiserver-store-status': {
    title: '新的状态被保存',
    body: 'API Server 把 {{name}} 的状态（phase {{phase}}）写入 etcd，修订号 {{revision}}。',
  },
  'apiserver-store': {
    title: '{{kind}} {{name}} 持久化到 etcd',
    body: 'API Server 把它写入 {{key}}，修订号 {{revision}}。所有 watch 这种资源的 informer 都会收到通知。',
  },
  'etcd-committed': {
    title: 'etcd 提交事务',
    body: '对 {{key}} 的事务以修订号 {{revision}} 提交，etcd 回复 API Server。',
  },
  'etcd-committed-not': {
    title: 'etcd 回复：未写入',
    body: '事务条件不满足，{{key}} 保持不变；etcd 把结果告诉 API Server。',
  },
  'apiserver-namespace-missing': {
    title: '准入控制：命名空间 {{namespace}} 不存在',
    body: 'NamespaceLifecycle 准入插件拒绝放进不存在的命名空间的对象：{{message}}（404 Not Found）。请先创建该命名空间。',
  },
  'apiserver-bad-request': {
    title: '解码失败：400 Bad Request',
    body: '{{message}}。请求体不是该类型的合法对象，任何准入插件都不会看到它。',
  },
  'etcd-conflict': {
    title: 'etcd 拒绝：键已存在',
    body: '创建是一个“仅当 {{key}} 不存在时才写入”的事务。该键已存在，所以什么也没写。',
  },
  'etcd-watch': {
    title: 'etcd 的 watch 报告变化',
    body: 'API Server 在 etcd 上 watch /registry 下的所有键。etcd 告诉它 {{key}} 在修订号 {{revision}} 发生了变化，watch 缓存随之更新。',
  },
  'apiserver-created': {
    title: '{{status}} Created',
    body: 'API Server 把保存后的对象返回给 kubectl，kubectl 打印“{{printed}}”。请求到此完成，之后的一切都无需用户参与。',
  },
  'apiserver-response': {
    title: '向调用者返回 {{status}}',
    body: 'API Server 以 {{status}} 回应 {{path}}。',
  },
  'apiserver-error': {
    title: 'API Server 返回 {{status}}',
    body: '请求被拒绝：{{message}}',
  },
  'apiserver-watch-pod': {
    title: '监听者收到 {{name}} 的变化',
    body: 'watch 缓存把这次变化推送给所有匹配的 informer：{{watchers}}。各组件更新自己的缓存，再决定是否有事要做。',
  },
  'apiserver-watch': {
    title: '监听者收到 {{name}} 的变化',
    body: '{{resource}} 的变化被推送给所有 watch 它的 informer：{{watchers}}。',
  },
  'scheduler-filter': {
    title: '预选：哪些节点能运行 {{pod}}？',
    body: '预选（过滤）插件（{{plugins}}）逐个检查节点。{{total}} 个节点中有 {{feasible}} 个符合条件：{{nodes}}。',
  },
  'scheduler-score': {
    title: '调度器为 {{pod}} 选定节点',
    body: '无法运行该 Pod 的节点已在预选中被过滤掉；剩下的节点由优选（打分）插件打分，加权求和：{{scores}}。{{node}} 胜出（分数相同时随机选择）。',
  },
  'scheduler-bind': {
    title: '调度器将 {{pod}} 绑定到 {{node}}',
    body: '它发送 POST pods/{{pod}}/binding，目标为 {{node}}。调度器做的仅此而已：它不启动任何东西，剩下的交给 {{node}} 上的 kubelet。',
  },
  'scheduler-unschedulable': {
    title: '没有节点能运行 {{pod}}',
    body: '{{message}} Pod 保持 Pending；集群发生变化时调度器会再次尝试。',
  },
  'scheduler-patch-unschedulable': {
    title: 'PodScheduled=False',
    body: '调度器在 {{pod}} 的状态中记下条件 PodScheduled=False，原因 Unschedulable。',
  },
  event: {
    title: '事件：{{reason}}',
    body: '{{object}} 上的 {{type}} 事件：{{message}}',
  },
  'deployment-sync': {
    title: 'Deployment 控制器创建 ReplicaSet',
    body: 'Deployment {{deployment}} 还没有与其 Pod 模板对应的 ReplicaSet。控制器按模板的哈希（{{hash}}）为它命名为 {{rs}}，副本数 {{replicas}}，并把自己设为它的属主（owner）。它自己并不创建 Pod。',
  },
  'deployment-create-rs': {
    title: 'POST replicasets {{rs}}',
    body: 'Deployment 控制器像其他客户端一样把新的 ReplicaSet 发给 API Server，使用自己的 ServiceAccount：deployment-controller。',
  },
  'deployment-status': {
    title: 'Deployment 状态：{{replicas}} 个中 {{available}} 个可用',
    body: 'Deployment 控制器汇总其 ReplicaSet 的状态，写入 {{deployment}} 的 status：副本数、已更新、就绪与可用数量，以及 Available 和 Progressing 条件。',
  },
  'replicaset-sync': {
    title: '副本集控制器：期望 {{want}} 个，现有 {{have}} 个',
    body: 'ReplicaSet {{rs}} 需要 {{want}} 个 Pod，现在拥有 {{have}} 个。控制器按模板创建 {{create}} 个，分批慢启动（1、2、4……），模板有问题时能尽早失败。',
  },
  'replicaset-create-pod': {
    title: 'POST pods，generateName 为 {{prefix}}',
    body: '副本集控制器按 {{rs}} 的模板创建一个归它所有的 Pod。API Server 会在名字后面加上 5 个随机字符。',
  },
  'replicaset-status': {
    title: 'ReplicaSet 状态：{{replicas}} 个中 {{ready}} 个就绪',
    body: '副本集控制器清点自己拥有的 Pod，写入 {{rs}} 的 status。',
  },
  'kubelet-admit': {
    title: '{{node}} 上的 kubelet 接手 {{pod}}',
    body: '它的 watch 送来一个绑定到本节点的 Pod（SyncLoop ADD）。准入检查确认节点容得下它，一个 pod worker 开始同步它，kubelet 上报第一份状态。',
  },
  'kubelet-volumes': {
    title: '先准备存储卷',
    body: '在启动任何容器之前，kubelet 先为 Pod 准备存储卷并等待挂载完成：{{volumes}}。',
  },
  'kubelet-status-pending': {
    title: '状态：Pending，ContainerCreating',
    body: 'kubelet 的状态管理器发送 PATCH pods/{{pod}}/status：phase {{phase}}，容器处于 ContainerCreating 等待状态，PodScheduled=True，Ready=False。',
  },
  'kubelet-status-running': {
    title: 'kubelet 上报 Running，IP {{ip}}',
    body: 'PATCH pods/{{pod}}/status：phase Running，podIP {{ip}}，容器运行中且就绪，Ready=True。直到这时，API 里才看到节点早已知道的事实。',
  },
  'kubelet-run-sandbox': {
    title: 'RunPodSandbox：为 {{pod}} 创建沙箱',
    body: 'kubelet 通过 CRI 请求容器运行时创建沙箱（Sandbox）。运行时创建网络命名空间，调用 CNI 网络插件完成连线并分配 IP，再启动持有该命名空间的 pause 容器（根容器）。',
  },
  'kubelet-sandbox-status': {
    title: 'PodSandboxStatus',
    body: 'kubelet 向运行时查询 {{pod}} 沙箱的状态，以得知它的 IP。',
  },
  'kubelet-image-status': {
    title: '节点上有 {{image}} 吗？',
    body: 'imagePullPolicy 为 IfNotPresent，kubelet 先问运行时的镜像服务：{{image}} 是否已在本节点。',
  },
  'kubelet-pull': {
    title: '拉取镜像 {{image}}',
    body: '节点上没有这个镜像，kubelet 请运行时为容器 {{container}} 拉取 {{image}}。默认情况下，一个节点同一时间只拉取一个镜像。',
  },
  'kubelet-pull-always': {
    title: '拉取镜像 {{image}}（imagePullPolicy Always）',
    body: 'imagePullPolicy 为 Always，kubelet 每次都请运行时为 {{container}} 拉取 {{image}}。如果镜像层已在节点上，运行时只向镜像仓库确认最新的摘要（digest），很快完成。',
  },
  'kubelet-create': {
    title: '创建容器 {{container}}',
    body: '镜像已就位，kubelet 请运行时在 {{pod}} 的沙箱中创建容器 {{container}}（CreateContainer）。',
  },
  'kubelet-start': {
    title: '启动容器 {{container}}',
    body: 'kubelet 请运行时启动 {{container}}（StartContainer）。容器进程加入 pause 容器持有的网络命名空间。',
  },
  'kubelet-lease': {
    title: '心跳：续约 {{node}} 的 Lease',
    body: 'kubelet 每 10 秒在 kube-node-lease 中续约自己的 Lease。节点生命周期控制器据此判断节点是否存活。',
  },
  'runtime-netns': {
    title: '网络命名空间',
    body: '运行时为沙箱创建新的网络命名空间：{{netns}}。',
  },
  'runtime-cni-add': {
    title: 'CNI ADD',
    body: '运行时以 ADD 命令调用 /etc/cni/net.d 中配置的 CNI 插件，目标命名空间为 {{netns}}。kubelet 本身并不调用 CNI。',
  },
  'cni-result': {
    title: 'Pod 获得 IP：{{ip}}',
    body: '插件把命名空间接到节点的网桥上，host-local IPAM 从节点的 podCIDR {{cidr}} 中分配出 {{ip}}。',
  },
  'cni-error': {
    title: 'CNI ADD 失败',
    body: '{{message}}',
  },
  'runtime-pause': {
    title: 'pause 容器启动',
    body: '运行时为沙箱 {{id}} 启动 {{image}}：一个极小的进程，为 Pod 的所有容器持有命名空间。',
  },
  'runtime-sandbox-ready': {
    title: '沙箱就绪',
    body: 'RunPodSandbox 把沙箱 ID {{id}} 返回给 kubelet。',
  },
  'runtime-sandbox-failed': {
    title: 'RunPodSandbox 失败',
    body: '{{error}}',
  },
  'runtime-sandbox-status': {
    title: 'kubelet 得知 Pod IP：{{ip}}',
    body: 'PodSandboxStatus 返回沙箱的网络状态。现在 kubelet 知道了它将作为 status.podIP 上报的 IP。',
  },
  'runtime-image-present': {
    title: '镜像已存在',
    body: '{{image}} 已在节点的镜像存储中，无需拉取。',
  },
  'runtime-image-absent': {
    title: '镜像不存在',
    body: '本节点还没有 {{image}}，需要拉取。',
  },
  'runtime-pulled': {
    title: '镜像拉取完成',
    body: '{{image}} 已下载并解压：{{size}} 字节，用时 {{duration}}。',
  },
  'runtime-created': {
    title: '容器已创建',
    body: '运行时已创建 {{container}}（ID {{id}}），可以启动了。',
  },
  'runtime-started': {
    title: '容器运行中',
    body: '{{container}} 已在运行。kubelet 从运行时得知这一点，并在 Pod 状态中上报。',
  },
  'kubectl-delete': {
    title: 'kubectl delete {{kind}} {{name}}',
    body: '学员删除这个 {{kind}}：kubectl 向 API Server 发送 DELETE。对 Pod 来说这会开始优雅终止（graceful termination），此时还没有杀掉任何东西。',
  },
  'apiserver-delete-graceful': {
    title: '优雅删除：设置 deletionTimestamp',
    body: 'API Server 并不立刻删除 {{name}}，而是写入 deletionTimestamp（当前时间 + {{grace}} 秒）和 deletionGracePeriodSeconds {{grace}}，修订号 {{revision}}：kubectl get pods 显示 Terminating，所有监听者都会收到通知。',
  },
  'apiserver-delete': {
    title: '{{kind}} {{name}} 从 etcd 中删除',
    body: 'API Server 删除键 {{key}}，修订号 {{revision}}。所有 watch 它的 informer 收到 DELETED。',
  },
  'apiserver-deleted': {
    title: '{{status}} OK：已删除',
    body: 'API Server 回复 kubectl，kubectl 打印“{{printed}}”。在 kubelet 停止它之前，Pod 依然存在。',
  },
  'kubelet-terminate': {
    title: 'kubelet 停止 {{pod}}',
    body: '它的 watch 看到了 deletionTimestamp。kubelet 优雅地终止 Pod：每个容器先收到 SIGTERM，{{grace}} 秒后仍在运行则收到 SIGKILL（若有 preStop 钩子会先执行）。与此同时，端点控制器不再把新流量发给它。',
  },
  'kubelet-stop-container': {
    title: '停止容器 {{container}}（宽限期 {{grace}} 秒）',
    body: 'kubelet 请运行时停止 {{container}}（StopContainer）：先 SIGTERM，{{grace}} 秒到期后 SIGKILL。',
  },
  'runtime-stopped': {
    title: '{{container}} 已退出',
    body: '进程收到 SIGTERM 后以退出码 0 结束，远在宽限期之内。',
  },
  'kubelet-stop-sandbox': {
    title: 'StopPodSandbox：网络被拆除',
    body: '所有容器都已停止，kubelet 请运行时停止沙箱：CNI DEL 释放 IP {{ip}}，pause 容器停止。',
  },
  'runtime-cni-del': {
    title: 'CNI DEL',
    body: '运行时以 DEL 命令调用 CNI 插件，目标命名空间为 {{netns}}。',
  },
  'cni-released': {
    title: 'IP {{ip}} 被释放',
    body: 'host-local IPAM 把 {{ip}} 归还给节点的 podCIDR {{cidr}}；本节点上的下一个 Pod 可能会拿到它。',
  },
  'runtime-pause-stopped': {
    title: 'pause 容器停止',
    body: '沙箱 {{id}} 及其网络命名空间已不复存在。',
  },
  'runtime-sandbox-stopped': {
    title: '沙箱已停止',
    body: 'StopPodSandbox 返回给 kubelet（沙箱 {{id}}）。',
  },
  'kubelet-status-terminated': {
    title: '状态：Succeeded，容器已终止',
    body: 'PATCH pods/{{pod}}/status：所有容器都已终止（Completed，退出码 0），phase {{phase}}，Ready=False。',
  },
  'kubelet-delete-final': {
    title: 'kubelet 彻底删除 {{pod}}',
    body: '所有容器都已停止，kubelet 发送 DELETE，gracePeriodSeconds 为 0，并以 Pod 的 uid 作为前置条件。API Server 将它从 etcd 中删除。',
  },
  'kubelet-probe': {
    title: '{{probe}} 探针通过（{{container}}）',
    body: 'kubelet 的探测器检查 {{container}}（{{target}}），它正常应答。只要容器在运行，这会每隔 periodSeconds 重复一次。',
  },
  'kubelet-probe-ready': {
    title: '就绪探针通过：{{container}} 已就绪',
    body: '{{container}} 的第一次就绪探针（{{target}}）成功。此前 Pod 处于运行中（Running）但未就绪；现在 kubelet 上报 Ready=True，Service 直到现在才会把流量发给它。',
  },
  'kubelet-status-running-unready': {
    title: 'kubelet 上报 Running，但未就绪',
    body: 'PATCH pods/{{pod}}/status：phase Running，podIP {{ip}}，但 Ready=False：容器已在运行，就绪探针还没有通过。运行中不等于就绪。',
  },
  'apiserver-store-running-unready': {
    title: 'etcd 记下：{{name}} 运行中，0 个就绪',
    body: 'API Server 写入 kubelet 的上报，修订号 {{revision}}：phase Running，podIP {{ip}}，Ready=False。在就绪探针通过之前，kubectl get pods 显示 Running 0/1。',
  },
  'kubelet-start-init': {
    title: '启动容器 {{container}}（Init 容器）',
    body: 'Init 容器最先运行，一次一个，每个都要运行到结束。kubelet 启动 {{container}}；{{pod}} 的应用容器以 PodInitializing 状态等待，直到它以退出码 0 结束。',
  },
  'runtime-container-exited': {
    title: 'PLEG：{{container}} 已退出（退出码 0）',
    body: 'kubelet 的 Pod 生命周期事件生成器（PLEG）重新列举运行时，发现 {{container}} 已结束。对 Init 容器来说，这是继续下去的信号：下一个 Init 容器，或应用容器。',
  },
  'kubectl-apply': {
    title: 'kubectl apply：{{kind}} {{name}} 发生变化',
    body: '学员应用修改后的清单。对象已存在，所以 kubectl 发送带有新字段的 PATCH；新的 Pod 模板让这成为一次滚动更新。',
  },
  'apiserver-configured': {
    title: '{{status}} OK：已配置',
    body: 'API Server 保存了修改并回复；kubectl 打印“{{printed}}”。滚动更新本身是 Deployment 控制器的工作。',
  },
  'deployment-scale-up': {
    title: '滚动更新：把 {{rs}} 扩容到 {{to}}',
    body: 'Deployment 控制器把新的 ReplicaSet {{rs}} 从 {{from}} 扩到 {{to}}，总数最多只能超出期望值 maxSurge。',
  },
  'deployment-scale-down': {
    title: '滚动更新：把 {{rs}} 缩容到 {{to}}',
    body: '新 Pod 已可用，Deployment 控制器把旧的 ReplicaSet {{rs}} 从 {{from}} 缩到 {{to}}，可用数不低于期望值减去 maxUnavailable。',
  },
  'deployment-patch-rs': {
    title: 'PATCH replicasets {{rs}}：副本数 {{to}}',
    body: 'Deployment 控制器修改 {{rs}} 的 spec.replicas；副本集控制器会相应地创建或删除 Pod。',
  },
  'replicaset-sync-down': {
    title: '副本集控制器：期望 {{want}} 个，现有 {{have}} 个',
    body: 'ReplicaSet {{rs}} 的 Pod 比它需要的多。控制器删除 {{delete}} 个，先删最没用的：未就绪的先于就绪的，新的先于旧的。',
  },
  'replicaset-delete-pod': {
    title: 'DELETE pods {{pod}}',
    body: '副本集控制器删除 {{pod}}。和所有删除一样，这是优雅删除：Pod 变为 Terminating，由它的 kubelet 来停止。',
  },
  // 准入控制：LimitRanger、ServiceAccount、PodSecurity、ResourceQuota 及相应的控制器。
  'apiserver-serviceaccount-retry': {
    title: 'ServiceAccount 准入：还没有 default ServiceAccount',
    body: '命名空间 {{namespace}} 在缓存和 etcd 中都还没有 default ServiceAccount：ServiceAccount 控制器看到新命名空间后才会创建它。插件在 {{ms}} 毫秒后再查一次（第 {{attempt}} 次，共 10 次），之后才放弃。',
  },
  'apiserver-admission-denied': {
    title: '准入拒绝：{{plugin}}',
    body: '{{message}}。对象没有被保存，响应是 403 Forbidden。',
  },
  'apiserver-quota-charge': {
    title: 'ResourceQuota 记账到 {{quota}}',
    body: '在对象保存之前，ResourceQuota 插件通过 API Server 自己的回环客户端把新的用量写入配额的 status：{{used}}。只有这次写入成功，对象才被准入。',
  },
  'serviceaccount-create': {
    title: 'POST serviceaccounts {{name}}（{{namespace}}）',
    body: 'ServiceAccount 控制器看到新的命名空间 {{namespace}}，为它创建 {{name}} ServiceAccount；该命名空间中的 Pod 若不指定别的 ServiceAccount，就使用它。',
  },
  'resourcequota-sync': {
    title: '资源配额控制器统计 {{quota}}',
    body: '它统计命名空间中 Pod 的用量，写入 {{quota}} 的 status.hard 和 status.used：{{used}}。每当有 Pod 离开，它会重新统计，把那份用量还回去。',
  },
  // kube-scheduler：调度队列与调度框架的扩展点（deep 级别）。
  'event-series': {
    title: '再次发生的事件：{{reason}}（x{{count}}）',
    body: '{{object}} 又发生了同样的 {{reason}} 事件：events.k8s.io 记录器不会再创建一个 Event，而是把第一个 Event 的 series.count PATCH 为 {{count}}（{{message}}）。之后的重复只在内存中计数，直到 30 分钟一次的心跳才写入。',
  },
  'scheduler-queue-add': {
    title: 'PreEnqueue、QueueSort：{{pod}} 进入 activeQ',
    body: '没有调度门控（scheduling gate）拦住 {{pod}}（PreEnqueue：SchedulingGates），调度队列把它放进 activeQ，按 PrioritySort 排序：优先级高的在前，其次先到先得。现在有 {{queue}} 个 Pod 在等待。',
  },
  'scheduler-queue-gated': {
    title: 'PreEnqueue：{{pod}} 被门控',
    body: '{{pod}} 带有 spec.schedulingGates，SchedulingGates 插件不让它进入 activeQ：它在 unschedulablePods 中等待，状态为 SchedulingGated，直到门控被移除。',
  },
  'scheduler-prefilter': {
    title: 'PreFilter：调度器为 {{pod}} 预先计算',
    body: '{{pod}} 的第 {{attempt}} 次调度尝试，基于含 {{nodes}} 个节点的缓存快照。PreFilter 预先算好各个 Filter 需要的数据：请求 cpu {{cpu}}、内存 {{memory}} 字节；{{spread}} 条 DoNotSchedule 拓扑分布约束及每个域中匹配的 Pod；与它的亲和/反亲和相关的 Pod。',
  },
  'scheduler-postfilter': {
    title: 'PostFilter：抢占能帮 {{pod}} 吗？',
    body: '没有节点通过预选，DefaultPreemption（PostFilter）寻找可以驱逐的低优先级 Pod。{{total}} 个节点中有 {{unresolvable}} 个失败的原因无法靠驱逐解决（UnschedulableAndUnresolvable）；其余节点上没有更低优先级的 Pod，因此找不到受害者。',
  },
  'scheduler-queue-unschedulable': {
    title: '{{pod}} 在 unschedulablePods 中等待',
    body: '调度队列把 {{pod}} 放进 unschedulablePods。只有当拒绝它的插件（{{plugins}}）关心的集群事件发生时（QueueingHints），或最迟 5 分钟后，它才会被移回。',
  },
  'scheduler-queue-backoff': {
    title: '{{pod}} 进入 backoffQ',
    body: '在调度 {{pod}} 的过程中，集群发生了可能有帮助的变化（拒绝它的是 {{plugins}}），所以它在 backoffQ 中退避等待：1 秒，每次尝试翻倍，最多 10 秒。',
  },
  'scheduler-queue-move': {
    title: 'QueueingHint：{{object}} 的 {{event}} 移动了 {{pods}}',
    body: '调度器得知 {{event}}（{{object}}）。拒绝 {{pods}} 的插件的 QueueingHints 认为这可能有帮助，于是它们离开 unschedulablePods：进入 activeQ，若仍在退避期内则进入 backoffQ。',
  },
  'scheduler-queue-backoff-done': {
    title: '退避结束：{{pods}} 进入 activeQ',
    body: 'flushBackoffQCompleted 每秒运行一次，把退避期已过的 Pod 从 backoffQ 移到 activeQ：{{pods}}。',
  },
  'scheduler-queue-leftover': {
    title: '不可调度已满 5 分钟：再次尝试 {{pods}}',
    body: 'flushUnschedulablePodsLeftover 每 30 秒运行一次，把在 unschedulablePods 中等待超过 5 分钟（podMaxInUnschedulablePodsDuration）的 Pod 送回重试，无论期间发生了什么：{{pods}}。',
  },
  'scheduler-score-plugins': {
    title: '{{pod}} 的 PreScore、Score、NormalizeScore',
    body: '每个优选插件在 NormalizeScore 之后给每个可行节点打 0–100 分，再乘以它的权重：{{plugins}}。PreScore 无事可做的插件被跳过，记 0 分。',
  },
  'scheduler-score-single': {
    title: '调度器为 {{pod}} 选定 {{node}}',
    body: '只有 {{node}} 通过了预选，没有可比较的对象：调度器直接选用它，不运行优选插件。',
  },
  'scheduler-reserve-permit': {
    title: 'Reserve、Permit：假定 {{pod}} 在 {{node}} 上',
    body: 'Reserve：调度器缓存立即把 {{pod}} 计入 {{node}}（assume），这样下一个调度周期在绑定写入之前就能看到它的请求。Permit：没有插件要求等待。随后是绑定周期：PreBind（没有卷需要绑定）、Bind（DefaultBinder），然后是 PostBind。',
  },
  // Volumes (issue #5): the kubelet's volume manager, the root CA publisher.
  'kubelet-mount-failed': {
    title: '挂载失败：{{pod}} 的 {{volume}}',
    body: '{{message}}。kubelet 记录一条 FailedMount 警告事件，卷管理器在 {{retryMs}} 毫秒后再次尝试 MountVolume（每次失败后退避时间加倍，最长 2m2s）。在此之前不会启动任何容器：Pod 保持 ContainerCreating。',
  },
  'kubelet-volume-populator': {
    title: '{{pod}} 的 {{volume}} 暂时无法挂载',
    body: '卷管理器还不能把这个 PVC 变成存储卷：{{error}}。它只记录日志（不产生事件），{{retryMs}} 毫秒后再看。',
  },
  'kubelet-csi-stage': {
    title: 'NodeStageVolume {{pv}}',
    body: 'MountVolume.MountDevice：kubelet 的 CSI 插件通过 unix 套接字调用驱动 {{driver}} 的 NodeStageVolume（卷 {{handle}}），驱动在 {{path}} 为整个节点准备一次该卷。',
  },
  'kubelet-csi-publish': {
    title: 'NodePublishVolume {{pv}}',
    body: 'MountVolume.SetUp：CSI 插件调用 {{driver}} 的 NodePublishVolume，把已准备好的卷绑定挂载到 Pod 的目录 {{path}}；运行时再从这里挂载进容器。',
  },
  'kubelet-volume-mounted': {
    title: '存储卷 {{volume}} 已挂载',
    body: '{{pod}} 的存储卷 {{volume}} MountVolume.SetUp 成功（{{plugin}}）。所有存储卷都挂载后，WaitForAttachAndMount 返回，Pod worker 继续创建沙箱。',
  },
  'rootca-publish': {
    title: '在 {{namespace}} 中创建 ConfigMap kube-root-ca.crt',
    body: 'kube-controller-manager 中的根 CA 发布控制器为新命名空间 {{namespace}} 创建 ConfigMap kube-root-ca.crt：每个 Pod 的 kube-api-access 存储卷都从中挂载 CA，用来信任 API Server。',
  },
  // Volumes and the Pod lifecycle (issues #4 and #5).
  // Sidecars, lifecycle hooks and graceful termination (issue #4).
  'kubelet-start-sidecar': {
    title: '启动容器 {{container}}（边车容器）',
    body: '{{container}} 是 restartPolicy: Always 的 Init 容器，即边车容器。kubelet 按它在 Init 容器中的顺序启动它，但不等它结束：它一启动，下一个 Init 容器（或 {{pod}} 的应用容器）就可以启动，而它会一直与它们并行运行。',
  },
  'kubelet-stop-sidecar': {
    title: '停止边车容器 {{container}}（宽限期 {{grace}} 秒）',
    body: '所有应用容器以及声明在它之后的边车容器都已退出，轮到边车容器 {{container}}。它得到宽限期剩下的时间：先 SIGTERM，{{grace}} 秒后 SIGKILL。',
  },
  'kubelet-hook-poststart': {
    title: '{{container}} 的 postStart 钩子：{{target}}',
    body: 'StartContainer 之后，kubelet 立即执行 postStart 钩子（{{target}}）。Pod worker 等它完成后才启动下一个容器，在钩子之后的那次同步之前，状态仍显示容器在等待（ContainerCreating）；如果钩子失败，容器会被杀掉（FailedPostStartHook）。',
  },
  'kubelet-hook-prestop': {
    title: '{{container}} 的 preStop 钩子：{{target}}',
    body: '在发送任何信号之前，kubelet 先执行 preStop 钩子（{{target}}）并等待它结束。钩子用掉的时间计入 {{grace}} 秒的宽限期：StopContainer 只得到剩下的时间（至少 2 秒）。',
  },
  'kubelet-hook-done': {
    title: '{{container}} 的 {{hook}} 钩子已完成',
    body: '{{container}} 的 {{hook}} 钩子已返回，kubelet 继续。',
  },
  'runtime-sigterm': {
    title: '向 {{container}} 发送 SIGTERM',
    body: 'containerd 向容器主进程发送停止信号（镜像的 STOPSIGNAL，默认 SIGTERM），最多等待 {{timeout}} 秒让它退出。',
  },
  'runtime-sigkill': {
    title: 'SIGKILL：{{container}} 忽略了 SIGTERM',
    body: '{{timeout}} 秒到期时 {{container}} 仍在运行（它的进程忽略 SIGTERM）。containerd 发送无法捕获的 SIGKILL：进程以退出码 137（128 + 9）结束，原因为 Error。',
  },
  // Sidecars, lifecycle hooks and graceful termination (issue #4), continued.
  'kubelet-status-failed': {
    title: '状态：Failed，有容器被杀掉',
    body: 'PATCH pods/{{pod}}/status：所有容器都已终止，但并非都以退出码 0 结束（有一个被 SIGKILL 杀掉：137，Error），所以 getPhase 报告 {{phase}}。Pod 照样会被删除。',
  },
  // PersistentVolume binding and dynamic provisioning (issue #5).
  'pv-wait-first-consumer': {
    title: '{{claim}} 等待第一个使用者',
    body: 'PV 控制器没有为 PVC {{claim}} 找到存储卷，而它的 StorageClass 的 volumeBindingMode 是 WaitForFirstConsumer：在使用这个 PVC 的 Pod 被调度之前不会制备任何卷，这样卷可以建在 Pod 将运行的地方。它记录 WaitForFirstConsumer 事件；PVC 保持 Pending。',
  },
  'pv-external-provisioning': {
    title: 'PUT persistentvolumeclaims {{claim}}：交给 {{provisioner}}',
    body: '调度器已选定节点（volume.kubernetes.io/selected-node）。该类的制备器 {{provisioner}} 不是内置的，所以 PV 控制器把 PVC 交出去：设置 volume.kubernetes.io/storage-provisioner 注解并记录 ExternalProvisioning 事件。',
  },
  'csi-create-volume': {
    title: '为 {{claim}} 调用 CreateVolume',
    body: 'external-provisioner 看到交给其驱动的 PVC，记录 Provisioning 事件，并调用驱动 {{driver}} 的 CreateVolume（{{size}}，可从调度器选定的节点 {{node}} 访问）。',
  },
  'csi-create-pv': {
    title: 'POST persistentvolumes {{pv}}',
    body: '驱动已创建卷；external-provisioner 创建 PersistentVolume {{pv}}：通过 claimRef 预绑定到 {{claim}}，节点亲和性指向 {{node}}，并记录 ProvisioningSucceeded 事件。',
  },
  'pv-bind-volume': {
    title: 'PUT persistentvolumes {{pv}}：Bound',
    body: 'PV 控制器发现 {{pv}} 已预绑定到 {{claim}}，于是完成绑定：卷的阶段变为 Bound。',
  },
  'pv-bind-claim': {
    title: '{{claim}} 已绑定到 {{pv}}',
    body: '绑定的另一半：PVC 得到 spec.volumeName {{pv}}、注解 pv.kubernetes.io/bind-completed 和 bound-by-controller，阶段从 Pending 变为 Bound。',
  },
  'scheduler-prebind-volume': {
    title: 'PreBind：PVC {{claim}} 定在 {{node}}',
    body: 'VolumeBinding 的 PreBind：{{pod}} 使用 WaitForFirstConsumer 类的未绑定 PVC {{claim}}，调度器在其上写入 volume.kubernetes.io/selected-node: {{node}}，并等 PVC 绑定后才绑定 Pod。',
  },
  'scheduler-volumes-bound': {
    title: '{{pod}} 的 PVC 都已绑定',
    body: 'checkBindings：{{pod}} 的所有 PVC 都已 Bound。PreBind 返回，绑定周期继续把 {{pod}} 绑定到 {{node}}。',
  },
  // Static Pods and mirror Pods (issue #4).
  'kubelet-static-pod': {
    title: '来自 {{path}} 的静态 Pod {{pod}}',
    body: '{{node}} 上的 kubelet 读取清单目录 {{path}}，在其中找到一个 Pod。它自己运行这个 Pod：不经过 API Server 写入，也不经过调度器。文件源把它命名为 {{pod}}（清单中的名字加节点名），并加上注解 kubernetes.io/config.source: file。',
  },
  'kubelet-mirror-create': {
    title: 'POST pods {{pod}}（镜像 Pod）',
    body: '为了让 API 能看到这个静态 Pod，kubelet 创建一个镜像 Pod：相同的 spec、注解 kubernetes.io/config.mirror，以及指向节点 {{node}} 的属主引用。它是只读的：修改它不会改变节点上的任何东西。',
  },
  'kubelet-mirror-delete': {
    title: 'DELETE pods {{pod}}（宽限期 0）：删除镜像',
    body: '有人删除了镜像 Pod {{pod}}。这并不会停止静态 Pod：kubelet 只看到镜像正在被删除，立即将其删除，然后重新创建一个。容器继续运行。',
  },
  // Sidecar startup probes (issue #4).
  // Lifecycle hook failures (issue #5).
  'kubelet-hook-poststart-failed': {
    title: '{{container}} 的 postStart 钩子失败：杀死容器',
    body: '处理器报告：{{message}}。kubelet 记录一条 FailedPostStartHook Warning 事件，其消息只有“PostStartHook failed”（处理器的输出可能含有机密信息，所以只写进容器的等待消息，原因为 PostStartHookError）。随后 kubelet 杀死容器（一条消息为“FailedPostStartHook”的 Killing 事件，然后 StopContainer），并按 restartPolicy 以崩溃退避重启它。',
  },
  'kubelet-hook-prestop-failed': {
    title: '{{container}} 的 preStop 钩子失败',
    body: '处理器报告：{{message}}。kubelet 记录一条 FailedPreStopHook Warning 事件，其消息只有“PreStopHook failed”（处理器的输出可能含有机密信息），然后继续：容器用宽限期剩下的时间收到停止信号。',
  },
  'kubelet-probe-started': {
    title: '启动探针通过：{{container}} 已启动',
    body: '{{container}} 的启动探针（{{target}}）成功，kubelet 把它标记为已启动。对边车容器来说，此刻 {{pod}} 的下一个容器才可以启动；此后由就绪探针和存活探针接手。',
  },
  'cluster-steady': {
    title: '稳定状态：此后只剩重复',
    body: '之后不再有变化：kubelet 每 10 秒续约 Lease，控制器持续 watch；一旦 Pod 出问题，它们就会行动。（{{seconds}} 秒内的 {{folded}} 个重复步骤折叠为这一步。）',
  },
  // Service 与流量（ClusterIP 分配、EndpointSlice 控制器、kube-proxy、CoreDNS、一次请求）。
  'apiserver-service-ip': {
    title: '为 {{name}} 分配 ClusterIP {{ip}}',
    body: '在校验之前，Service 存储层的 BeginCreate 填好 ipFamilyPolicy SingleStack 与 ipFamilies {{families}}，ClusterIP 分配器从 Service 网段 {{cidr}} 中分出 {{ip}}。从 v1.33 起，每个已分配的地址都是一个以它命名的 IPAddress 对象；动态地址从最低 256 个地址之上的随机位置开始找，低段留给指定固定 IP 的 Service（例如 kube-dns 的 10.96.0.10）。',
  },
  'apiserver-ipaddress': {
    title: 'etcd：IPAddress {{ip}} 记录这次分配',
    body: 'ClusterIP 分配器在 Service 本身写入之前先创建 IPAddress 对象 {{ip}}（parentRef 指向 Service {{name}}）。正是这次创建占住了地址：同名的第二次创建会失败，所以两个 Service 不会共用一个 ClusterIP。',
  },
  'endpointslice-create': {
    title: 'EndpointSlice 控制器：为 {{service}} 创建切片',
    body: 'kube-controller-manager 中的 EndpointSlice 控制器看到新的 Service {{service}}，并通过 Pod 的 informer 找到被选择器选中且已有 IP 的 Pod：{{count}} 个（{{ready}} 个就绪）。它为该 Service 创建一个 EndpointSlice，带标签 kubernetes.io/service-name={{service}}，属主是这个 Service。端点：{{endpoints}}。',
  },
  'endpointslice-update': {
    title: 'EndpointSlice {{slice}}：{{count}} 个端点中 {{ready}} 个就绪',
    body: '被选中的 Pod 有了变化，控制器重新计算 {{service}} 的端点：每个有 IP 的 Pod 连同其节点和目标端口列出；serving 取自 Pod 的 Ready 条件，terminating 表示已设置 deletionTimestamp，ready 即 serving 且未在终止。现在：{{endpoints}}。',
  },
  'endpointslice-delete': {
    title: 'EndpointSlice {{slice}} 不再需要',
    body: '{{service}} 选中的 Pod 中已没有这个切片的端口映射，控制器删除它；其余切片保留各自的端点。',
  },
  'endpointslice-delete-request': {
    title: 'DELETE endpointslices {{slice}}',
    body: 'EndpointSlice 控制器删除切片 {{slice}}；kube-proxy 和 CoreDNS 通过 watch 得知后移除其中的端点。',
  },
  'endpointslice-post': {
    title: 'POST endpointslices（generateName {{prefix}}）',
    body: '控制器以 generateName {{prefix}} 创建切片，API Server 在后面补 5 个随机字符；标签和 ownerReference 把它与 Service {{service}} 关联起来。',
  },
  'endpointslice-put': {
    title: 'PUT endpointslices {{slice}}',
    body: '控制器写入带有新端点的整个切片 {{slice}}。所有关注 EndpointSlice 的组件（每个节点上的 kube-proxy、CoreDNS）都通过 watch 得知。',
  },
  'kube-proxy-sync': {
    title: '{{node}} 上的 kube-proxy 重写 iptables 规则',
    body: 'kube-proxy 看到 Service 或 EndpointSlice 的变化，执行 syncProxyRules（同步执行器允许连续两次同步，之后每个 minSyncPeriod（1 秒）一次），用一次 iptables-restore 写入有变化的链：{{changed}}。KUBE-SERVICES 匹配每个 ClusterIP 并跳转到该 Service 的 KUBE-SVC 链，其中的随机规则选出一个就绪端点的 KUBE-SEP 链，由它做 DNAT 到 Pod IP。没有可用端点的 Service 则得到一条 REJECT 规则。kube-proxy 自己不转发任何流量。',
  },
  'coredns-records': {
    title: 'CoreDNS 更新 DNS 记录：{{name}}',
    body: 'CoreDNS 的 kubernetes 插件通过对 Service 和 EndpointSlice 的 watch 看到变化：{{name}} 现在解析为 {{ips}}（ClusterIP；无头 Service 则是就绪端点的 IP）。没有谁去注册这个名字：CoreDNS 根据它看到的内容作答。',
  },
  'coredns-answer': {
    title: 'DNS 应答：{{name}} 是 {{ips}}',
    body: 'CoreDNS 用它缓存的 Service 信息回答 {{name}} 的 A 记录查询：{{ips}}。客户端不会知道任何 Pod IP：它将连接 ClusterIP。',
  },
  'coredns-nxdomain': {
    title: 'DNS 应答：{{name}} 不存在（NXDOMAIN）',
    body: '该命名空间中没有这个名字的 Service，CoreDNS 回答 NXDOMAIN。',
  },
  'kubectl-get': {
    title: 'kubectl get {{kind}} -l {{selector}}',
    body: '学员列出带有标签 {{selector}} 的 {{kind}}，以便按名字挑出一个：一次由 watch 缓存应答的 LIST 请求，不保持 watch 连接。',
  },
  'request-dns-query': {
    title: '{{node}} 上的客户端 Pod 执行 curl {{url}}',
    body: '首先解析名字：Pod 的 resolv.conf（dnsPolicy ClusterFirst）指向 kube-dns Service {{server}}，客户端向 CoreDNS 查询 {{name}} 的 A 记录。这个发往 53 端口的 UDP 包本身也是一次 Service 连接：节点上的 {{dnsChain}} 链把它 DNAT 到某个 CoreDNS Pod。',
  },
  'request-no-client': {
    title: '没有这个客户端 Pod',
    body: 'kubectl exec 找不到用来执行 curl {{url}} 的 Pod：{{message}}',
  },
  'request-unresolved': {
    title: '名字无法解析',
    body: '名字没有地址，也就无法建立连接：{{message}}',
  },
  'request-refused': {
    title: '连接被拒绝：{{comment}}',
    body: '客户端连接 {{ip}}:{{port}}。{{node}} 的 filter 表里有 kube-proxy 为没有可用端点的 Service 写下的规则：REJECT，注释为 "{{comment}}"。客户端立即得到“connection refused”，而不是等到超时。',
  },
  'request-no-rule': {
    title: '{{node}} 上没有 {{ip}}:{{port}} 的规则',
    body: 'kube-proxy 在这个节点上（还）没有为 {{ip}}:{{port}} 写规则，没有谁改写这个数据包。',
  },
  'request-dnat': {
    title: '{{node}} 上的 iptables：{{svcChain}} 选中 {{endpoint}}',
    body: '到 {{ip}}:{{port}} 的连接进入 {{node}} 内核的 nat 表：KUBE-SERVICES 匹配 ClusterIP，跳转到 {{svcChain}}。其中 {{endpoints}} 条规则按顺序以概率 {{probabilities}} 尝试（1/n、1/(n−1)……因此每个端点机会均等；随机数 {{draws}}）。选中的 {{sepChain}} 把数据包 DNAT 到 {{endpoint}}，即 Pod {{pod}}。这些规则是 kube-proxy 设置的，但它不参与数据包的转发。',
  },
  'request-direct': {
    title: '{{ip}} 没有 Service 规则：直接发往 {{pod}}',
    body: '这个名字属于无头 Service，DNS 直接回答了 Pod IP。{{node}} 上没有 KUBE-SERVICES 规则匹配 {{ip}}:{{port}}，数据包不被改写，连接直接到达 Pod。',
  },
  'request-packet': {
    title: '数据包发往 {{node}} 上的 {{pod}}（{{endpoint}}）',
    body: '目的地址已改写为 {{endpoint}}，数据包经 Pod 网络直接到达 {{node}} 上的 Pod。',
  },
  'request-answer': {
    title: '{{pod}} 返回 HTTP {{status}}',
    body: '{{pod}} 中的 nginx 在 {{endpoint}} 上应答；conntrack 把回包的源地址改回 ClusterIP，所以 curl {{url}} 看到的应答来自 Service。整个故事就是为了这一刻。',
  },
  // 节点故障：节点生命周期控制器与污点驱逐控制器（分支 nodes）。
  // What-if faults (branch whatif): etcd slows down, a node's CNI runs out of addresses.
  'fault-etcd-slow': {
    title: 'etcd 变慢',
    body: '从现在起，etcd 的每个请求都要多花 {{ms}} ms：磁盘变慢，每次提交都要等 fsync。kube-apiserver 的每次写入都要等 etcd，所以此后的一切都变慢了：看看它对整个过程的影响。',
  },
  'fault-ips-exhausted': {
    title: '{{node}} 的 Pod IP 用完了',
    body: '{{node}} 上 CNI 插件的 IPAM（host-local）在节点的 podCIDR 中已没有空闲地址。{{node}} 上的下一个沙箱无法获得网络：containerd 的 RunPodSandbox 失败，kubelet 报告 FailedCreatePodSandBox。',
  },
  'fault-node-down': {
    title: '{{node}} 宕机',
    body: '{{node}} 上的 kubelet 停止了：不再续约 Lease、不再上报状态、也不再处理 Pod。没有谁通知控制面；容器仍在运行，但节点已不可达。集群必须自己发现。',
  },
  'node-monitor': {
    title: '节点生命周期控制器：所有节点都存活',
    body: '控制器管理器（controller-manager）中的节点生命周期控制器每 5 秒（nodeMonitorPeriod）检查每个节点最近一次存活信号（Lease 续约或状态心跳）距今多久：{{nodes}}。',
  },
  'node-monitor-silent': {
    title: '节点生命周期控制器：{{nodes}} 没有心跳',
    body: 'Lease 已有一段时间没有续约：{{nodes}}。控制器继续等待：只有超过 nodeMonitorGracePeriod（{{grace}} 秒，v1.32 起的默认值）仍无存活信号，才会把节点状态标为未知。',
  },
  'node-lifecycle-unknown': {
    title: 'PUT nodes/{{node}}/status：Ready=Unknown',
    body: '{{node}} 已 {{seconds}} 秒没有心跳，超过 {{grace}} 秒的宽限期。节点生命周期控制器把 Ready、MemoryPressure、DiskPressure、PIDPressure 设为 Unknown，原因 NodeStatusUnknown，消息 “Kubelet stopped posting node status.”。kubectl get nodes 现在显示 NotReady。',
  },
  'node-lifecycle-pod-not-ready': {
    title: 'MarkPodsNotReady：{{pod}} 不再就绪',
    body: '控制器把 {{node}} 上 {{pod}} 的 Ready 条件设为 False（PUT pods/{{pod}}/status），并记录 Warning 事件 NodeNotReady “Node is not ready”。Pod 仍是运行中（Running），但 Service 不再向它转发流量。',
  },
  'node-lifecycle-taint-noschedule': {
    title: '给 {{node}} 加污点：{{added}}',
    body: '按节点条件加污点：Ready=Unknown 对应 node.kubernetes.io/unreachable，效果 NoSchedule，调度器不再把新 Pod 放到 {{node}}。新增：{{added}}；移除：{{removed}}。',
  },
  'node-lifecycle-taint-noexecute': {
    title: '给 {{node}} 加污点：{{taint}}',
    body: '下一轮检查时控制器看到 Ready=Unknown，把 {{node}} 放入 NoExecute 污点队列（按可用区限速），随后 PATCH 节点加上 {{taint}} 及 timeAdded。NoExecute 的意思是：不容忍它的 Pod 必须离开。',
  },
  'node-lifecycle-untaint': {
    title: '{{node}} 恢复就绪：移除污点',
    body: '节点的 Ready 条件重新为 True，控制器从 {{node}} 上移除 unreachable 和 not-ready 这两个 NoExecute 污点。',
  },
  'taint-eviction-now': {
    title: '污点驱逐：{{pod}} 不容忍 {{taint}}',
    body: '{{node}} 带有 NoExecute 污点 {{taint}}，而 {{pod}} 没有对应的容忍，污点驱逐控制器立即删除它。',
  },
  'taint-eviction-forever': {
    title: '污点驱逐：{{pod}} 可以留下',
    body: '{{pod}} 容忍 {{node}} 上的 {{taint}}，且没有设置 tolerationSeconds，因此不会因这个污点被驱逐。',
  },
  'taint-eviction-scheduled': {
    title: '污点驱逐：{{pod}} 还有 {{seconds}} 秒',
    body: '污点驱逐控制器看到 {{node}} 上的 {{taint}}。{{pod}} 容忍它，但只容忍 tolerationSeconds {{seconds}} 秒（取匹配容忍中最短的）：删除安排在 {{at}}。如果污点先被移除，删除就取消。',
  },
  'taint-eviction-fire': {
    title: '{{pod}} 的时间到了',
    body: '{{node}} 仍带着污点，{{pod}} 的容忍时间已用完。污点驱逐控制器记录 TaintManagerEviction 事件 “Marking for deletion Pod …”，标记这个 Pod 并删除它。',
  },
  'taint-eviction-condition': {
    title: 'PATCH pods/{{pod}}/status：DisruptionTarget',
    body: '删除之前，控制器添加条件 DisruptionTarget=True，原因 DeletionByTaintManager，消息 “Taint manager: deleting due to NoExecute taint”，让查看 Pod 的人（或 Job 的 Pod 失败策略）知道它为何离开。',
  },
  'taint-eviction-delete': {
    title: 'DELETE pods {{pod}}',
    body: '普通的优雅删除：API Server 设置 deletionTimestamp。失联节点上没有 kubelet 回应，{{pod}} 会一直处于 Terminating；副本集控制器不再计入它，立即创建替代的 Pod。',
  },
  // 容器故障（failures 分支）：重启、退避、探针、沙箱错误。
  // Event correlation (client-go EventCorrelator).
  'event-spam-filtered': {
    title: '事件被丢弃：{{object}} 的 {{reason}}（垃圾过滤器）',
    body: '事件记录器的垃圾过滤器允许一个来源关于一个对象一次发送 25 个事件，之后每 5 分钟再加一个（每个来源和对象一个令牌桶）。这个关于 {{object}} 的 {{type}} {{reason}} 事件遇到了空桶：它根本不会被写入。',
  },
  'event-count': {
    title: '再次发生的事件：{{reason}}（x{{count}}）',
    body: '{{object}} 又发生了同样的 {{reason}} 事件（{{message}}）。kubelet 的事件记录器不会再创建一个 Event：它的关联器把 count {{count}} 和 lastTimestamp PATCH 到第一个 Event 上（创建于 {{first}}）。kubectl describe 显示为 (x{{count}} over …)。',
  },
  'kubelet-container-exited': {
    title: '{{container}} 已退出：{{reason}}，退出码 {{code}}',
    body: 'PLEG 告诉 kubelet，{{container}} 的进程已结束，退出码 {{code}}（原因 {{reason}}；137 表示 SIGKILL，OOM killer 发的就是它）。接下来怎么做取决于 Pod 的 restartPolicy：Always（默认）会重启，OnFailure 只在失败后重启，Never 不重启。',
  },
  'kubelet-restart': {
    title: '重启 {{container}}（第 {{restarts}} 次）',
    body: 'restartPolicy 要求再次运行 {{pod}} 的 {{container}}，且它不在退避期内：kubelet 记下第 {{restarts}} 次重启，把看到的这次退出保存为 lastState.terminated，然后创建并启动一个新容器。下一次失败的退避时间翻倍（10 秒、20 秒、40 秒……最长 300 秒）。',
  },
  'kubelet-crash-backoff': {
    title: 'CrashLoopBackOff：等待 {{backoff}} 后再重启 {{container}}',
    body: '{{pod}} 的 {{container}} 在上次退出后不到 {{backoff}} 又失败了，kubelet 暂不重启：容器以 CrashLoopBackOff 等待（“back-off {{backoff}} restarting failed container”），并记录 BackOff 事件。退避结束时 Pod worker 会再来。延迟从 10 秒开始，翻倍直到最多 5 分钟，正常运行 10 分钟后重置。',
  },
  'kubelet-pull-failed': {
    title: '拉取 {{image}} 失败：ErrImagePull',
    body: '运行时无法为 {{container}} 拉取 {{image}}：{{error}}。kubelet 记录 Failed 事件（先是错误本身，再是 “Error: ErrImagePull”），容器以 ErrImagePull 等待，这个 Pod 和镜像的拉取退避从 10 秒开始。',
  },
  'kubelet-pull-backoff': {
    title: 'ImagePullBackOff：{{backoff}} 内不再拉取 {{image}}',
    body: '上次拉取 {{image}} 失败还不到 {{backoff}}，这次同步不拉取：容器 {{container}} 以 ImagePullBackOff 等待（“Back-off pulling image”），并记录 BackOff 事件。每次拉取失败，等待时间翻倍，最长 5 分钟。',
  },
  'kubelet-sandbox-failed': {
    title: 'FailedCreatePodSandBox：{{pod}} 没有沙箱',
    body: 'RunPodSandbox 失败：{{error}}。kubelet 记录 FailedCreatePodSandBox 事件，Pod 停在 ContainerCreating，没有 IP，Pod worker 大约 10 秒后重试。在有空闲地址之前会一直失败。',
  },
  'kubelet-probe-failed': {
    title: '{{probe}} 探针失败（{{count}}/{{threshold}}）：{{container}}',
    body: '探测器检查了 {{container}}（{{target}}）：{{output}}。Unhealthy 事件记下这一点。连续失败 failureThreshold（{{threshold}}）次后 kubelet 才行动：就绪探针失败，容器变为未就绪；存活探针或启动探针失败，容器被杀死并重启。',
  },
  'kubelet-probe-kill': {
    title: '{{container}} 的 {{probe}} 探针失败 {{threshold}} 次：重启它',
    body: '{{pod}} 中 {{container}} 的 {{probe}} 探针已连续失败 failureThreshold 次。kubelet 记录 Killing（“failed {{probe}} probe, will be restarted”），按宽限期停止容器，并按 restartPolicy 启动一个新容器。',
  },
  'kubelet-status-failing': {
    title: 'kubelet 报告 {{pod}}：{{status}}',
    body: 'PATCH pods/{{pod}}/status：phase {{phase}}，就绪容器 {{ready}}，重启 {{restarts}} 次。kubectl get pods 的 STATUS 显示 {{status}}，即容器等待或结束的原因。',
  },
  'runtime-container-died': {
    title: 'PLEG：{{container}} 已退出（退出码 {{code}}）',
    body: 'kubelet 的 Pod 生命周期事件生成器（PLEG）重新列举运行时，发现 {{container}} 以退出码 {{code}} 退出；containerd 给出的原因是 {{reason}}。',
  },
  'runtime-container-oom': {
    title: 'PLEG：{{container}} 被 OOM 杀死',
    body: '{{container}} 的进程用的内存超过了其 cgroup 的上限（resources.limits.memory），内核的 OOM killer 用 SIGKILL 结束了它：退出码 {{code}}，containerd 报告原因 {{reason}}。',
  },
  'runtime-pull-failed': {
    title: 'PullImage {{image}}：找不到',
    body: 'containerd 向镜像仓库请求 {{image}} 的 manifest，得到 404。它以 gRPC 错误回答 kubelet：{{error}}',
  },
  // Dynamic admission webhooks and the Istio mesh (issues #4 and #5).
  'apiserver-webhook-call': {
    title: '向 {{webhook}} 发送 AdmissionReview',
    body: '{{kind}} 准入 webhook {{webhook}}（配置 {{configuration}}）匹配 {{object}}：rules、namespaceSelector 与 objectSelector 都符合。API Server（API 服务器）向 {{url}} POST 一个 AdmissionReview，连接 {{dial}}（其后的端点：{{endpoint}}），等到回答后请求才继续。',
  },
  'apiserver-validating-webhook-call': {
    title: '向 {{webhook}} 发送 AdmissionReview',
    body: '验证准入 webhook {{webhook}}（配置 {{configuration}}）匹配 {{object}}。API Server 向 {{url}} POST 一个 AdmissionReview，连接 {{dial}}（其后的端点：{{endpoint}}）。验证 webhook 并行调用，只能回答允许或拒绝；最后一个插件 ResourceQuota 等它们都回答。',
  },
  'apiserver-webhook-patched': {
    title: '应用 {{webhook}} 返回的补丁',
    body: 'API Server 把 JSONPatch（{{count}} 个操作：{{paths}}）应用到对象上，重新解码并再次设置默认值，注入的容器也得到默认字段。',
  },
  'apiserver-webhook-fail-open': {
    title: 'Webhook {{webhook}} 调用失败：failurePolicy Ignore，请求继续',
    body: '{{message}}。由于 failurePolicy: Ignore，API Server 记录 “Failed calling webhook, failing open”，不经这个 webhook 就准入对象。',
  },
  'apiserver-webhook-rejected': {
    title: '准入拒绝：{{plugin}}',
    body: '{{message}}。对象没有被保存，响应是 {{status}}。',
  },
  'istiod-inject': {
    title: 'istiod 向 {{pod}} 注入 sidecar',
    body: 'istiod 的 /inject 处理器（{{webhook}}；{{reason}}）渲染 sidecar 模板，回答 allowed 并附上 {{ops}} 个操作的 JSONPatch：init 容器 istio-init（istio-iptables 把 Pod 的流量重定向到 15001/15006 端口），然后是 istio-proxy（{{image}}），作为原生 sidecar（restartPolicy: Always 的 init 容器，带 :15021/healthz/ready 启动探针，Envoy 就绪后才启动应用容器），以及它的卷、istio 标签和 sidecar.istio.io/status 注解。',
  },
  'istiod-inject-skip': {
    title: 'istiod 不修改 {{pod}}',
    body: 'istiod 的 /inject 处理器（{{webhook}}）回答 allowed，不带补丁：{{reason}}。',
  },
  'istiod-ca-configmap': {
    title: 'istiod 在命名空间 {{namespace}} 中创建 {{name}}',
    body: 'istiod 的命名空间控制器看到新的命名空间，创建 ConfigMap {{name}}：服务网格的根证书，每个 istio-proxy 挂载它来信任 istiod。',
  },
  'istiod-ads-connect': {
    title: 'ADS：node:{{node}} 建立新连接',
    body: '{{node}}（{{ip}}）的 istio-proxy 已启动：它的 pilot-agent 向 istiod:15012 打开 xDS 流（ADS），istiod 发送全部配置：集群（CDS）、端点（EDS）、监听器（LDS）和路由（RDS）。',
  },
  'istiod-eds-push': {
    title: 'EDS：向 node:{{node}} 推送 resources:{{resources}}',
    body: 'istiod 通过 list-watch 机制看到 EndpointSlice 的变化，等过 100 ms 的防抖时间，把 {{clusters}} 的新端点推送给代理（推送版本 {{version}}）：{{endpoints}}。每个 sidecar 中的 Envoy 自己向它们做负载均衡；这条路径上没有 kube-proxy 的规则。',
  },
  'kyverno-allowed': {
    title: 'Kyverno 允许 {{object}}',
    body: 'Kyverno 的 {{webhook}} 用其 ClusterPolicy 的规则（{{rules}}）检查 {{object}}，回答 allowed。',
  },
  'kyverno-blocked': {
    title: 'Kyverno 拦截 {{object}}',
    body: '一个 Enforce 模式的 ClusterPolicy 规则不匹配，于是 {{webhook}} 回答 allowed: false，并给出消息：{{message}}',
  },
  // The kubectl prompt (issue #7).
  'kubectl-typed': {
    title: '$ {{command}}',
    body: '学员在 kubectl 提示符下输入这条命令，紧接在屏幕上的这一步之后。到这里为止的运行与之前完全相同；从这里开始，运行带着这条命令继续。',
  },
  'kubectl-prompt-get': {
    title: 'kubectl 读取 {{kind}}/{{name}}',
    body: '在修改任何东西之前，kubectl 先向 API Server GET 当前对象（kubectl apply 和 kubectl scale 的资源构建器）。',
  },
  'kubectl-prompt-create': {
    title: 'kubectl 创建 {{kind}}/{{name}}',
    body: 'kubectl 把对象发给 API Server：对集合的一次 POST。它像其他请求一样经过认证、鉴权、准入和校验。',
  },
  'kubectl-prompt-apply': {
    title: 'kubectl apply 修补 {{kind}}/{{name}}',
    body: '对象已存在，清单修改了它：kubectl 发送带新字段和 last-applied-configuration 注解的 PATCH。',
  },
  'kubectl-prompt-scale': {
    title: 'kubectl scale {{kind}}/{{name}} 到 {{replicas}}',
    body: 'kubectl 对 scale 子资源发送 PATCH：spec.replicas 变为 {{replicas}}。创建或删除 Pod 是控制器的工作，不是 kubectl 的。',
  },
  'kubectl-prompt-delete': {
    title: 'kubectl 删除 {{kind}}/{{name}}',
    body: 'kubectl 向 API Server 发送 DELETE。接下来发生的（优雅终止、垃圾回收）是集群的工作。',
  },
  'kubectl-prompt-edit': {
    title: 'kubectl edit 保存 {{kind}}/{{name}}',
    body: '学员保存了编辑后的 YAML：kubectl 以 PATCH 发送这次修改。',
  },
  'kubectl-prints': {
    title: 'kubectl 打印：{{printed}}',
    body: 'API Server 的应答（{{status}}）到达，kubectl 打印“{{printed}}”。',
  },
  // Service 与流量（issue #5）：Calico Felix 执行 NetworkPolicy。
  'felix-program': {
    title: '{{node}} 上的 Felix 为 {{pod}} 下发网络策略',
    body: 'Calico 的 Felix（运行在 {{node}} 的 calico-node Pod 中）通过 API Server 的 list-watch 机制关注 NetworkPolicy、Pod 和 Namespace。现在有策略选中了 {{pod}}（{{ip}}，宿主机网卡 {{iface}}）：入站 {{ingress}}，出站 {{egress}}。Felix 在节点的 filter 表中写入这个 Pod 的链：{{rules}}。一旦某个方向上有策略选中 Pod，该方向上没有任何策略允许的流量都会被丢弃。',
  },
  'request-dropped-ingress': {
    title: '在 {{node}} 上被丢弃：没有策略允许客户端访问 {{pod}}',
    body: '发往 {{endpoint}} 的数据包到达 {{node}}，filter 表把它送进 {{chain}}，这是 Felix 为发往 {{pod}} 的流量写的链。选中 {{pod}} 的策略（{{policies}}）都不允许这个客户端，于是最后一条规则 "End of tier default. Drop if no policies passed packet" 丢弃了 SYN。没有任何应答，连拒绝都没有：curl 只能等待。',
  },
  'request-dropped-egress': {
    title: '在 {{node}} 上被丢弃：没有策略允许 {{pod}} 访问 {{endpoint}}',
    body: 'kube-proxy 把目的地址 DNAT 成 {{endpoint}} 之后，数据包经由 {{chain}} 离开 {{pod}}，这是 Felix 为它发出的流量写的链。选中 {{pod}} 的出站策略（{{policies}}）不允许访问这个地址，于是 "End of tier default. Drop if no policies passed packet" 把它丢弃。没有应答：curl 只能等待。',
  },
  'request-timeout': {
    title: 'curl 放弃：{{message}}',
    body: '既没有 SYN-ACK 也没有 RST 返回，连接始终没有建立。curl {{url}} 一直等到连接超时，然后失败：{{message}}。从客户端看，被丢弃的数据包就是这样；而没有端点的 Service 会立即拒绝连接。',
  },
  // Service 与流量（issue #6）：Ingress 与 ingress-nginx。
  'ingress-nginx-reload': {
    title: 'ingress-nginx 重写 nginx.conf 并重新加载 nginx',
    body: 'Ingress 控制器看到一个属于自己类的 Ingress（事件 Sync “Scheduled for sync”），运行 syncIngress。server 和 location 变了，动态配置做不到这一点：它记录 “Configuration changes detected, backend reload required”，写出 nginx.conf 并重新加载 nginx（“Backend successfully reloaded”，在它的 Pod 上记录事件 RELOAD）。server：{{servers}}。upstream：{{backends}}。',
  },
  'ingress-nginx-backends': {
    title: 'ingress-nginx 更新 upstream：{{backends}}',
    body: 'Ingress 指向的 Service 的 EndpointSlice 变了。ingress-nginx 自己关注 EndpointSlice，只保留就绪的端点；它把新的 upstream POST 给 nginx 里的 Lua 负载均衡器（/configuration/backends：“Dynamic reconfiguration succeeded”），不重新加载 nginx。现在的 upstream：{{backends}}。它直接在这些 Pod IP 之间做负载均衡，而不是通过 Service 的 ClusterIP。',
  },
  'ingress-nginx-status': {
    title: 'ingress-nginx 写入 Ingress 的 ADDRESS：{{address}}',
    body: '作为 leader 的控制器每 60 秒同步一次状态，比较每个 Ingress 的 status.loadBalancer 和控制器所在的位置。没有 --publish-service 也没有 --publish-status-address 时，就是它的 Pod 所在节点的 InternalIP（{{node}}，{{address}}）：它记录 “updating Ingress status” 并 PUT ingresses/{{ingress}}/status。直到这时 kubectl get ingress 才显示 ADDRESS，常常是在 Ingress 创建一分钟之后。',
  },
  'request-ingress': {
    title: 'curl {{url}} 发往 Ingress 地址 {{address}}',
    body: '学习者把 {{host}} 指向了 Ingress 的 ADDRESS（在 /etc/hosts 里加一行，和官方 minikube 教程一样），所以既不经过 CoreDNS 也不经过 ClusterIP：{{node}} 上的客户端连接 {{address}}:80 上的 ingress-nginx 控制器，发送带 Host: {{host}} 的 GET。',
  },
  'ingress-nginx-proxy': {
    title: 'ingress-nginx 把 {{host}}{{path}} 转发到 {{pod}}（{{endpoint}}）',
    body: 'nginx 为 {{host}} 选中 server，再选中 location {{location}}，它的 upstream 是 {{upstream}}。Lua 负载均衡器（在 {{endpoints}} 个就绪端点之间轮询）选中 {{endpoint}}，即 Pod {{pod}}，nginx 直接连接这个 Pod IP：Service 的 ClusterIP 和 kube-proxy 的规则都不在这条路径上。',
  },
  'ingress-nginx-upstream-answer': {
    title: '{{pod}} 应答控制器：HTTP {{status}}',
    body: '{{pod}} 中的 nginx 在 {{endpoint}} 上应答 ingress-nginx 转发来的请求。',
  },
  'ingress-nginx-answer': {
    title: '经 Ingress 得到 {{pod}} 的 HTTP {{status}}',
    body: 'ingress-nginx 把 {{pod}} 的应答交还客户端：curl {{url}} 得到 HTTP {{status}}。客户端 → ingress-nginx → 一个就绪的 Pod IP（{{endpoint}}），再原路返回。',
  },
  'ingress-nginx-default-backend': {
    title: 'ingress-nginx 返回 HTTP 404：没有规则匹配 {{host}}{{path}}',
    body: 'nginx 类的 Ingress 规则里没有一条服务于主机 {{host}} 和路径 {{path}}（Prefix 按完整的路径段匹配，Exact 匹配整个路径），于是默认 server 以 “404 Not Found” 应答 curl {{url}}。',
  },
  'ingress-nginx-no-endpoints': {
    title: 'ingress-nginx 返回 HTTP 503：{{upstream}} 没有就绪端点',
    body: '规则匹配上了，但 upstream {{upstream}} 没有就绪端点，所以 nginx 以 “503 Service Temporarily Unavailable” 应答 curl {{url}}。',
  },
  'ingress-nginx-gateway-timeout': {
    title: 'ingress-nginx 返回 HTTP 504：{{pod}} 一直没有应答',
    body: 'NetworkPolicy 丢弃了控制器到 {{endpoint}}（{{pod}}）的连接，所以什么也没有返回。等到 proxy-connect-timeout（5 秒）后 nginx 放弃，以 “504 Gateway Time-out” 应答 curl {{url}}。允许来自 ingress-nginx 命名空间流量的策略会放行它。',
  },
  // RBAC (issue #7): the cluster admin's writes, and the registry's escalation check.
  'kubectl-create-admin': {
    title: '集群管理员创建 {{kind}}',
    body: '在学员登录之前，集群管理员（{{user}}，使用 kubeadm 的 admin.conf）用 kubectl create -f 发送名为 {{name}} 的 {{kind}}。RBAC 对象一旦进入 API Server 的 watch 缓存就立即生效，无需重启。',
  },
  'apiserver-rbac-role-unresolved': {
    title: '绑定引用的角色无法解析：{{status}}',
    body: '{{message}}。保存绑定之前，API Server 要查出它引用的角色，检查创建者是否拥有其中的每一项权限；找不到角色就无从检查。',
  },
  'apiserver-rbac-escalation': {
    title: 'RBAC 提权检查：403 Forbidden',
    body: '{{message}}。任何人都不能通过 Role 或绑定授予自己没有的权限，除非他有 escalate 或 bind 权限。',
  },
  // 垃圾回收器与 API Server 的删除终结器（gc 分支）。
  'gc-graph-owner-gone': {
    title: 'GC 图：{{kind}} {{name}} 已删除',
    body: '垃圾回收器的图构建器得知 {{kind}} {{name}} 已被删除。它在 ownerReference 图中有 {{count}} 个依赖对象：每个都进入 attemptToDelete 队列，{{name}} 进入缺失属主缓存。',
  },
  'gc-graph-foreground': {
    title: 'GC 图：{{kind}} {{name}} 先删除其依赖对象',
    body: '{{kind}} {{name}} 带有 deletionTimestamp 和 foregroundDeletion 终结器。图构建器把它标记为正在删除依赖对象，并把它的 {{count}} 个依赖对象和它自己放入 attemptToDelete。直到不再有设置了 blockOwnerDeletion 的依赖对象，它才会被删除。',
  },
  'gc-graph-orphan': {
    title: 'GC 图：{{kind}} {{name}} 孤立其依赖对象',
    body: '{{kind}} {{name}} 带有 deletionTimestamp 和 orphan 终结器。图构建器把它放入 attemptToOrphan：它的 {{count}} 个依赖对象会失去指向它的 ownerReference 并保留下来。',
  },
  'gc-get': {
    title: 'GC 读取 {{kind}} {{name}}',
    body: '行动之前，垃圾回收器从 API Server GET 最新的 {{kind}} {{name}}：它的图可能落后。',
  },
  'gc-delete': {
    title: 'GC 删除 {{kind}} {{name}}（{{policy}}）',
    body: '{{kind}} {{name}} 的属主 {{ownerKind}} {{owner}} 已不存在，也没有其他属主：垃圾回收器像普通客户端一样发送 DELETE，propagationPolicy 为 {{policy}}，并以 uid 作为前提条件。',
  },
  'gc-delete-foreground': {
    title: 'GC 删除 {{kind}} {{name}}（{{policy}}）',
    body: '{{ownerKind}} {{owner}} 在等待其依赖对象被删除。{{kind}} {{name}} 是其中之一：垃圾回收器发送 DELETE，propagationPolicy 为 {{policy}}。',
  },
  'gc-remove-finalizer': {
    title: 'GC 从 {{kind}} {{name}} 移除 {{finalizer}} 终结器',
    body: '垃圾回收器对 {{kind}} {{name}} 的工作已完成。它 patch 终结器列表去掉 {{finalizer}}；没有终结器剩下时，API Server 删除该对象。',
  },
  'gc-orphan': {
    title: 'GC 孤立 {{kind}} {{name}}',
    body: '一个带 “$patch: delete” 的策略性合并补丁从 {{kind}} {{name}} 移除指向 {{ownerKind}} {{owner}} 的 ownerReference。它被保留，没有属主。',
  },
  'apiserver-delete-finalizers': {
    title: '{{kind}} {{name}} 被标记为删除（{{finalizers}}）',
    body: '传播策略要求垃圾回收器先行动，所以 API Server 不移除 {{key}}：它添加终结器 {{finalizers}} 并设置 deletionTimestamp，修订号 {{revision}}。终结器全部移除后对象才会消失。',
  },
  'apiserver-delete-finalized': {
    title: '{{kind}} {{name}}：最后一个终结器已移除，删除',
    body: '这次更新让处于待删除状态的 {{kind}} {{name}} 不再有终结器，所以 API Server 删除 {{key}}，修订号 {{revision}}。所有 informer 收到 DELETED。',
  },
};
