/**
 * 简体中文消息目录：术语沿用中文 Kubernetes 资料的习惯（见 the-story.md）。
 * 键必须与 en.ts 完全一致。
 */
import type { Catalog } from './en';

export const zh: Catalog = {
  app: {
    title: 'podflow',
    tagline: '一步一步看 Kubernetes 如何创建 Pod',
    version: '依据 Kubernetes {{version}}',
  },
  transport: {
    label: '播放控制',
    restart: '从头开始',
    stepBack: '后退一步',
    play: '播放',
    pause: '暂停',
    stepForward: '前进一步',
    end: '跳到结尾',
    loop: '循环播放',
    simulating: '正在模拟运行过程……',
    speed: '速度',
    scrubber: '步骤',
    stepOf: '第 {{n}} 步，共 {{total}} 步',
    clock: '虚拟时间 {{time}}',
    clockLabel: '虚拟时钟',
    level: '详细程度',
  },
  level: {
    overview: '概览',
    standard: '标准',
    deep: '深入',
  },
  settings: {
    scenario: '场景',
    language: '语言',
    theme: '主题',
    themeSystem: '跟随系统',
    themeLight: '浅色',
    themeDark: '深色',
  },
  share: {
    tooLong: '你的 YAML 让链接过长，无法分享（{{size}} 个字符，上限为 {{max}}）。',
    button: '分享',
    title: '复制指向当前这一步的链接',
    copied: '链接已复制',
    copyThis: '复制此链接',
  },
  link: {
    problem: '链接中有部分内容无法识别，已忽略：{{names}}。',
    tooLong: '链接过长（超过 {{max}} 个字符），无法打开，已显示默认视图。',
    dismiss: '关闭',
  },
  embed: {
    open: '在 podflow 中打开',
    button: '嵌入',
    dialogTitle: '把这个场景嵌入网页或幻灯片',
    from: '起始步骤',
    to: '结束步骤',
    autoplay: '加载后自动播放',
    controls: '显示播放控制',
    loop: '循环播放',
    frameTitle: '标题（供屏幕阅读器朗读）',
    snippet: '要粘贴的 HTML',
    copy: '复制',
    copied: '已复制',
    close: '关闭',
  },
  chapter: {
    label: '章节',
    none: '故事开始之前',
    listening: '各组件都在监听',
    kubectl: 'kubectl 发送',
    checks: 'API Server 校验',
    stored: '写入 etcd',
    controllers: '监听者与控制器',
    scheduling: '调度',
    binding: '绑定',
    kubelet: 'kubelet 发现 Pod',
    sandbox: '沙箱',
    ip: 'Pod IP',
    containers: '容器启动',
    probes: '探针',
    status: '上报状态',
    endpoints: 'Endpoints（端点）',
    'proxy-dns': 'kube-proxy 与 DNS',
    afterwards: '之后',
  },
  myth: {
    label: '常见误解',
    'only-apiserver-talks-to-etcd': {
      wrong: '各个组件直接读写 etcd。',
      right:
        '只有 API Server 与 etcd 通信。kubelet、调度器、控制器和 kube-proxy 都通过 API Server 的 list-watch 机制获取数据，API Server 用它的 watch 缓存来服务这些 watch。',
    },
    'scheduler-starts-nothing': {
      wrong: '调度器在节点上启动 Pod。',
      right: '调度器只写入绑定（spec.nodeName）。其余的事由该节点上的 kubelet 在 watch 收到这个 Pod 后完成。',
    },
    'kubelet-does-not-call-cni': {
      wrong: 'kubelet 调用 CNI 网络插件。',
      right:
        '自 dockershim 移除（1.24）以来，kubelet 向 CRI 容器运行时请求沙箱，由运行时（containerd、CRI-O）在 RunPodSandbox 中调用 CNI 网络插件。',
    },
    'docker-is-not-the-runtime': {
      wrong: '容器由 Docker 运行。',
      right: 'kubelet 通过 CRI 与 containerd 或 CRI-O 通信。用 Docker 构建的镜像照样能运行：它们是 OCI 镜像。',
    },
    'kube-proxy-carries-no-traffic': {
      wrong: '数据包由 kube-proxy 转发。',
      right:
        'kube-proxy 只负责设置 iptables（或 IPVS、nftables）规则；由内核对数据包做 DNAT，数据包直接从客户端到达 Pod。只有早已废弃的 userspace 模式才会代理流量。',
    },
    'kube-proxy-registers-no-dns': {
      wrong: 'DNS 名称由 kube-proxy 注册。',
      right: 'CoreDNS 通过 API Server 监听 Service 和 EndpointSlice，并根据看到的内容应答。',
    },
    'running-is-not-ready': {
      wrong: 'Running 就意味着 Pod 能接收流量。',
      right:
        '只要有容器在运行，Pod 就是运行中（Running）；只有就绪探针通过、端点变为就绪（Ready）后，它才会接收 Service 流量。',
    },
    'deployments-do-not-create-pods': {
      wrong: 'Pod 由 Deployment 直接创建。',
      right: 'Deployment 控制器创建 ReplicaSet；由副本集控制器创建 Pod。',
    },
    'static-pods-skip-the-scheduler': {
      wrong: '每个 Pod 都要经过调度器。',
      right:
        'kubelet 也会运行它自己清单目录中的 Pod（kubeadm 就是这样运行控制平面的），并向 API Server 发布一个只读的镜像 Pod（mirror Pod）。',
    },
  },
  panel: {
    failed: '{{panel}}绘制失败。podflow 的其余部分仍可使用，你的 YAML 也已保留。',
    inspector: '检查器',
    retry: '重试',
    header: '顶栏',
    diagram: '示意图',
    narration: '讲解',
    transport: '播放控制栏',
    editor: 'YAML 编辑器',
    sequence: '时序图',
    timeline: 'Pod 时间线',
  },
  // What-if branches and the cluster editor (issue #6, branch whatif).
  whatif: {
    button: '如果……',
    menuLabel: '注入故障',
    heading: '如果在第 {{step}} 步之后……',
    timeline: '时间线',
    original: '原始',
    branch: '分支 {{n}}：第 {{step}} 步时{{fault}}',
    inject: '从这里分支',
    cancel: '取消',
    node: '节点',
    mark: '分支点：第 {{step}} 步',
    fault: {
      'node-down': '{{node}} 宕机',
      'etcd-slow': 'etcd 变慢',
      'ips-exhausted': '{{node}} 的 Pod IP 用完',
    },
    describe: {
      'node-down': '节点上的 kubelet 停止：不再续约 Lease，不再上报状态。',
      'etcd-slow': '从此 etcd 的每个应答都多花 {{ms}} ms。',
      'ips-exhausted': '节点上 CNI 的 IPAM 已没有空闲地址。',
    },
  },
  cluster: {
    button: '集群',
    heading: '编辑集群',
    intro: '节点及其可分配容量、标签和污点。点“应用”后在这个集群上重新模拟。',
    name: '名称',
    cpu: 'CPU',
    memory: '内存',
    pods: 'Pod 数',
    labels: '标签（key=value, …）',
    taints: '污点（key=value:Effect, …）',
    node: '节点 {{n}}',
    add: '添加节点',
    remove: '删除',
    reset: '场景自带的集群',
    apply: '应用',
    cancel: '取消',
    invalid: '没有应用任何更改：请修正下面标出的字段。',
    error: {
      noNodes: '集群至少需要一个节点。',
      tooMany: '图中最多容纳 {{max}} 个节点。',
      name: '“{{value}}”不是有效的节点名：只能用小写字母、数字、“-”和“.”，并以字母或数字开头和结尾（DNS-1123 子域名）。',
      duplicate: '已有一个节点叫“{{value}}”。',
      quantity: '“{{value}}”不是大于零的 Kubernetes 数量（例如 4、500m、8Gi）。',
      pods: '“{{value}}”不是 1 到 {{max}} 之间的整数 Pod 数。',
      label: '“{{value}}”不是 key=value 形式。',
      labelKey: '“{{value}}”不是有效的键：最多 63 个字母、数字、“-”、“_”或“.”，前面可带 DNS 前缀和“/”。',
      labelValue: '“{{value}}”不是有效的值：最多 63 个字母、数字、“-”、“_”或“.”，以字母或数字开头和结尾。',
      taintForm: '“{{value}}”不是污点：请写成 key=value:Effect 或 key:Effect。',
      taintEffect: '在“{{taint}}”中，效果“{{value}}”不是 NoSchedule、PreferNoSchedule、NoExecute 之一。',
    },
  },
  predict: {
    toggle: '预测',
    question: '下一步由谁行动？在示意图中点击它，或点这里。',
    right: '答对了：是 {{actor}}。原因见下文。',
    wrong: '不是 {{guess}}，而是 {{actor}}。原因见下文。',
    done: '故事结束。',
    score: '得分：答对 {{right}} 题，共 {{total}} 题',
  },
  narration: {
    heading: '正在发生什么',
    startBody: '集群：控制平面加 {{nodes}} 个工作节点。点击“播放”，或按 → 一步一步前进。',
    kind: {
      request: '请求',
      response: '响应',
      watch: 'watch 通知',
      internal: '内部处理',
      event: '事件（Event）',
    },
    summary: '多个步骤的概括',
    iptables: '{{node}} 上的 iptables-save（nat 表与 filter 表，kube-proxy 写入的规则）',
    facts: {
      kind: '步骤类型',
      edge: '从哪里到哪里',
      call: '调用',
      time: '虚拟时间',
      source: '真实代码中的位置',
    },
  },
  diagram: {
    label: '集群示意图',
    controlPlane: '控制平面',
    node: '工作节点 {{name}}',
    unscheduled: '尚未调度',
    unscheduledHint: '已存入 etcd、等待分配节点的 Pod',
    podCard: 'Pod {{name}}：{{status}}',
    noIP: '还没有 IP',
    morePods: '另有 {{count}} 个（{{running}} 个运行中）',
    nodeNotReady: 'NotReady（未就绪）',
  },
  // 示意图中的失败（failures 分支，issue #6）。
  failure: {
    badge: '失败：',
    where: '出错的组件：{{component}}',
    onNode: '{{component}}（{{node}}）',
  },
  component: {
    kubectl: 'kubectl',
    'kube-apiserver': 'kube-apiserver',
    etcd: 'etcd',
    'kube-controller-manager': 'kube-controller-manager',
    'kube-scheduler': 'kube-scheduler',
    coredns: 'CoreDNS',
    kubelet: 'kubelet',
    runtime: '容器运行时（CRI）',
    cni: 'CNI 网络插件',
    'kube-proxy': 'kube-proxy',
    'csi-provisioner': 'csi-provisioner',
    istiod: 'istiod',
    kyverno: 'Kyverno',
    // Services and traffic (issue #6).
    'ingress-nginx': 'ingress-nginx',
  },
  role: {
    kubectl: '用户',
    'kube-apiserver': 'API 服务器，唯一读写 etcd',
    etcd: '分布式键值存储，保存所有对象',
    'kube-controller-manager': '控制器管理器：控制循环',
    'kube-scheduler': '调度器：为 Pod 选择节点',
    coredns: '集群 DNS',
    kubelet: '节点上的 Pod 管家',
    runtime: '沙箱、镜像、容器',
    cni: 'Pod 网络与 IP',
    'kube-proxy': '为 Service 设置 iptables 规则',
    'csi-provisioner': '为 PVC 创建存储卷（CSI hostpath）',
    istiod: 'Istio 控制面：注入 sidecar，推送 xDS',
    kyverno: '策略 webhook（Kyverno）',
    // Services and traffic (issue #6).
    'ingress-nginx': 'Ingress 控制器：把流量转发到 Pod',
  },
  scenario: {
    // Dynamic admission webhooks and the Istio mesh (issues #4 and #5).
    'istio-sidecar': {
      title: 'Istio 注入 sidecar：变更准入 webhook，然后是 EDS 推送',
      lesson:
        'istiod 运行在 istio-system 中；它的 MutatingWebhookConfiguration istio-sidecar-injector 匹配带有 istio-injection=enabled 标签的命名空间中的 Pod。副本集控制器创建每个 Pod 时，API Server（API 服务器）先运行内置的准入控制插件，然后 MutatingAdmissionWebhook 向 istiod 发送 AdmissionReview，istiod 回答一个 JSONPatch：istio-init 和原生 sidecar istio-proxy。kubelet（节点上的 Pod 管家）先运行 istio-init，再运行 istio-proxy 直到启动探针通过，然后是 nginx：READY 2/2。Pod 就绪（Ready）后，istiod 看到 EndpointSlice 的变化，把端点推送给每个代理（EDS）。这就是服务网格。',
    },
    'webhook-denied': {
      title: '验证准入 webhook 拒绝：Kyverno 拦截 latest 标签',
      lesson:
        'Kyverno 运行在 kyverno 命名空间中，ClusterPolicy disallow-latest-tag 处于 Enforce 模式。Pod 请求 nginx:latest。内置的验证插件之后，ValidatingAdmissionWebhook 向 Kyverno 发送 AdmissionReview；规则 validate-image-tag 在 /spec/containers/0/image/ 处失败，Kyverno 回答 allowed: false，API Server 以 “admission webhook … denied the request” 拒绝这个 Pod。什么都没有持久化到 etcd。',
    },
    // 容器故障（failures 分支）。
    'image-pull-backoff': {
      title: '镜像标签写错：ErrImagePull，然后 ImagePullBackOff',
      lesson:
        'Pod 要的是 nginx:1.142（本意是 1.14.2），镜像仓库没有这个标签（场景的 image-missing 故障）。containerd 拉取失败，报 “not found”；kubelet 记录 Failed 事件，容器先以 ErrImagePull 等待，然后在拉取退避期间显示 ImagePullBackOff：两次拉取之间等 10 秒、20 秒、40 秒……最长 5 分钟。Pod 一直是 Pending，容器始终建不起来。',
    },
    crashloop: {
      title: '会退出的容器：Error，然后 CrashLoopBackOff',
      lesson:
        '程序运行 `sh -c "…; sleep 5; exit 1"`：工作五秒后失败。podflow 像真正的 shell 一样读这个脚本：sleep 的总和是它运行的时间，exit N 是它的退出码。restartPolicy Always 会重启它，第一次立即重启，之后的退避时间翻倍（10 秒、20 秒、40 秒……300 秒）。STATUS 先显示 Error，再显示 CrashLoopBackOff；RESTARTS 计数，lastState.terminated 保留退出码 1。',
    },
    'liveness-restart': {
      title: '存活探针失败：kubelet 重启容器',
      lesson:
        'Kubernetes 文档中的 pods/probe/http-liveness.yaml。它的服务器对 /healthz 前 10 秒回 200，之后回 500。探针在 3 秒后开始、每 3 秒一次；连续失败三次（failureThreshold）后，kubelet 记录 Killing “failed liveness probe, will be restarted”，并启动一个新容器。每次重启距上次退出的时间都短于不断增长的退避时间，最终进入 CrashLoopBackOff。',
    },
    'readiness-failing': {
      title: '永远不通过的就绪探针：Running，0/1，没有流量',
      lesson:
        'nginx Deployment 加上一个检查 /healthz 的就绪探针，而 nginx 没有这个路径（404）。容器在运行，但永远不就绪：READY 0/1，Unhealthy 事件，Ready=False。EndpointSlice 把这些 Pod 标为未就绪，kube-proxy 不把 Service 的流量发给它们，curl 被拒绝。运行不等于就绪。',
    },
    'oom-killed': {
      title: '超出内存上限：OOMKilled',
      lesson:
        'Kubernetes 文档中的 pods/resource/memory-request-limit-2.yaml：stress 在一个上限为 100Mi 的容器里分配 250M。内核的 OOM killer 结束了它（退出码 137，原因 OOMKilled）；kubelet 按崩溃退避重启它。STATUS 先显示 OOMKilled，再显示 CrashLoopBackOff。',
    },
    'cni-out-of-ips': {
      title: '节点的 podCIDR 用完了：FailedCreatePodSandBox',
      lesson:
        '只有一个节点，它的 podCIDR 是 /29：host-local IPAM 只有五个地址（.2–.6），却要给七个 nginx 副本。调度器不计算 IP，七个都被调度到这里；五个拿到沙箱并运行，另外两个的 bridge 插件报错 “no IP addresses available in range set”。kubelet 记录 FailedCreatePodSandBox，大约每 10 秒重试一次；这两个 Pod 一直停在 ContainerCreating。',
    },
    // 被拒绝：调度器找不到节点、校验拒绝 Pod（failures 分支，issue #6）。
    'unschedulable-cpu': {
      title: '没有节点有足够的 CPU：FailedScheduling',
      lesson:
        'Kubernetes 文档中的 pods/resource/cpu-request-limit-2.yaml 请求 100 个 CPU，而三个节点每个只有 4 个。Pod 已持久化到 etcd，但调度器（kube-scheduler）预选阶段的 NodeResourcesFit 插件淘汰了所有节点（Insufficient cpu），抢占也找不到可以驱逐来腾出空间的 Pod。调度器记录 FailedScheduling 事件并设置 PodScheduled=False（Unschedulable）；Pod 一直是 Pending，没有任何 kubelet 会收到它。',
    },
    'unschedulable-selector': {
      title: '没有节点带这个标签：FailedScheduling',
      lesson:
        'Kubernetes 文档中的 pods/pod-nginx.yaml 设置了 nodeSelector disktype: ssd，而没有任何节点带这个标签。NodeAffinity 预选插件淘汰了全部三个节点；抢占也帮不上忙，因为驱逐 Pod 不会给节点加标签。Pod 一直是 Pending，直到有人执行 kubectl label nodes <node> disktype=ssd。',
    },
    'unschedulable-taint': {
      title: '每个节点都有污点：FailedScheduling',
      lesson:
        '三个节点都带有污点 key1=value1:NoSchedule（kubectl taint nodes … key1=value1:NoSchedule），而 nginx Pod 没有对应的容忍（toleration）。TaintToleration 预选插件淘汰了每个节点，抢占也帮不上忙，Pod 一直是 Pending。在 Pod 中加上容忍，或去掉污点，它就能被调度。',
    },
    'invalid-pod': {
      title: '无效的 Pod：422，什么都没有存储',
      lesson:
        'nginx Pod 漏写了 image 一行，restartPolicy 又写成了小写的 always。认证、授权和变更准入都通过了；随后校验发现两个字段错误，API Server 以 422 Unprocessable Entity 回复，两个错误放在方括号里一起返回。没有任何东西持久化到 etcd：没有 Pod，没有 watch 通知，调度器和 kubelet 都不会看到它。流程停在 API Server。',
    },
    // 准入控制场景。
    'quota-exceeded': {
      title: 'ResourceQuota 挡住第三个 Pod',
      lesson:
        '命名空间有一个只允许两个 Pod 的 ResourceQuota，Deployment 要三个副本。最后一个准入插件 ResourceQuota 把每个 Pod 记到配额上；第三个会超出，于是 API Server 以 403 拒绝，副本集控制器记录 FailedCreate 事件。',
    },
    'pod-security': {
      title: 'PodSecurity 拒绝 Pod：restricted',
      lesson:
        '命名空间带有标签 pod-security.kubernetes.io/enforce=restricted。一个普通的 nginx Pod 没有设置 securityContext，PodSecurity 准入插件以 403 拒绝它，并列出所有未通过的检查。',
    },
    'limit-range': {
      title: 'LimitRanger 补上 requests 和 limits',
      lesson:
        '命名空间有一个为容器设定默认 requests 和 limits 的 LimitRange。Pod 没有写这些值，LimitRanger 准入插件替它补上，并写入 kubernetes.io/limit-ranger 注解；Pod 的 QoS 因此是 Burstable 而不是 BestEffort。',
    },
    'bare-pod': {
      title: '一个单独的 Pod',
      lesson:
        'kubectl 创建一个 Pod：nginx（Kubernetes 文档中的 pods/simple-pod.yaml），从清单一路跟到容器运行、获得 IP。',
    },
    deployment: {
      title: '3 个副本的 Deployment',
      lesson:
        'kubectl 创建一个 Deployment（controllers/nginx-deployment.yaml）：Deployment 控制器创建 ReplicaSet，副本集控制器创建 3 个 Pod，每个 Pod 各自走到 Running。',
    },
    'rolling-update': {
      title: '滚动更新',
      lesson:
        '3 副本的 Deployment 运行 nginx:1.14.2；随后学员应用 nginx:1.16.1。新的 ReplicaSet 逐步扩容、旧的逐步缩容，一次一个 Pod（maxSurge 25% = 1，maxUnavailable 25% = 0），始终有 3 个 Pod 在服务。',
    },
    'init-containers': {
      title: 'Init 容器先行',
      lesson:
        'init-demo Pod（pods/init-containers.yaml）有一个 Init 容器 install，它把网页写进共享的 emptyDir 卷。kubectl get pods 依次显示 Init:0/1、PodInitializing、Running：install 以退出码 0 结束之后，nginx 才启动。',
    },
    readiness: {
      title: '运行中不等于就绪：就绪探针',
      lesson:
        'goproxy Pod（pods/probe/tcp-liveness-readiness.yaml）几秒内就运行起来，但它的就绪探针 15 秒后才开始：通过之前 Pod 处于 Running 0/1，Service 不会把流量发给它。',
    },
    delete: {
      title: '删除 Pod：优雅终止',
      lesson:
        '单独的 Pod 运行起来之后，学员输入 kubectl delete pod nginx。故事倒着走一遍：先设置 deletionTimestamp，再由 kubelet 停止容器、拆除沙箱并释放 IP，最后才删除对象。',
    },
    forbidden: {
      title: 'RBAC 拒绝：403 Forbidden',
      lesson:
        '用户 jane 有合法的客户端证书，API Server 知道她是谁；但没有任何 Role 或 ClusterRole 授予她权限：授权阶段就拒绝了这个 Pod，准入控制和 etcd 都不会看到它。',
    },
    // RBAC (issue #7): Roles and bindings from the learner's YAML.
    'rbac-granted': {
      title: 'RBAC 先允许、后拒绝：只管 Pod 的 Role',
      lesson:
        '集群管理员创建一个可以在 default 中创建 Pod 的 Role，并把它绑定给 jane。她的 Pod 通过授权（RBAC 说明是哪个 RoleBinding 允许了它）；她的 Deployment 却得到 403 Forbidden，因为这个 Role 只涵盖核心 API 组的 pods，不包括 apps 组的 deployments。',
    },
    scale: {
      title: '大规模：50 个节点上的 200 个副本',
      lesson:
        '同一个 Deployment，副本数 200，集群有 50 个节点：慢启动批次 1、2、4……64，调度器按打分把 Pod 分散到各节点，每个节点只拉取一次镜像。放大示意图可以看清单个节点。',
    },
    // 节点故障（分支 nodes）。
    'node-failure': {
      title: '节点故障：基于污点的驱逐',
      lesson:
        '3 副本的 Deployment 运行在三个节点上；第 10 秒 node-1 的 kubelet 停止。50 秒宽限期过后，节点生命周期控制器把 node-1 标为 NotReady（Ready=Unknown）、把其上的 Pod 标为未就绪，并给节点加上 unreachable 污点。容忍时间用完后，污点驱逐控制器删除该 Pod：为了让故事简短，这里的模板只容忍 node.kubernetes.io/unreachable 30 秒，而不是 DefaultTolerationSeconds 添加的 300 秒。Pod 在失联节点上一直处于 Terminating；替代它的 Pod 在别的节点上运行。',
    },
    // kube-scheduler（issue #4）
    taints: {
      title: '调度：一个有污点的节点和一个满载的节点',
      lesson:
        '三个节点：node-1 带有污点 dedicated=web:NoSchedule，node-2 上已有一个 Pod 占用了 2 个 cpu 中的 1500m。web Deployment 容忍该污点，每个副本请求 1 个 cpu：预选淘汰 node-2（Insufficient cpu），保留 node-1；优选打分（LeastAllocated、BalancedAllocation 以及 PodTopologySpread 的默认分布）把副本放到 node-1 和 node-3 上。切换到 deep 级别可以看到每个插件的分数。',
    },
    'deployment-service': {
      title: 'Deployment 前面加上 Service 和 Ingress，再发请求',
      lesson:
        '3 副本的 Deployment 加上端口 80 的 Service nginx。API Server 为 Service 分配 ClusterIP；Pod 就绪后，EndpointSlice 控制器把它列为端点；每个节点上的 kube-proxy 设置 iptables 规则（KUBE-SVC 与 KUBE-SEP 链）；CoreDNS 更新 DNS 记录，解析 nginx.default.svc.cluster.local。随后客户端 Pod 执行 curl：DNS 解析、连接 ClusterIP、iptables 随机选中一个 Pod、返回 HTTP 200。之后学员删除一个 Pod：它的端点变为 terminating，在 kubelet 停止它的同时离开 iptables 规则，下一次 curl 只会到达就绪的 Pod。Ingress（nginx 类，主机 hello-world.example）走另一条路：ingress-nginx 为新规则重新加载 nginx，自己关注 EndpointSlice，不重新加载就更新 upstream，把每个请求直接转发到一个就绪的 Pod IP，并在下一次 60 秒的状态同步时写入 Ingress 的 ADDRESS。',
    },
    // Volumes and the Pod lifecycle (issues #4 and #5).
    'missing-configmap': {
      title: '尚不存在的 ConfigMap',
      lesson:
        'dapi-test-pod 挂载 ConfigMap special-config，但还没有人创建它。Pod 被调度，kubelet 也接纳了它，但卷管理器无法准备 config-volume：FailedMount “MountVolume.SetUp failed for volume "config-volume" : configmap "special-config" not found”，按加倍的退避时间反复出现，Pod 一直处于 ContainerCreating。第 20 秒时学习者 apply 了这个 ConfigMap；下一次重试挂载成功，Pod 随即启动。',
    },
    // Sidecars, lifecycle hooks and graceful termination (issue #4), continued.
    sidecar: {
      title: '边车容器',
      lesson:
        'myapp 把日志写入 emptyDir 存储卷；logshipper 是 restartPolicy: Always 的 Init 容器，负责读取日志。kubelet 作为 Init 容器先启动 logshipper，但不等它退出：它一启动，myapp 就启动，两者并行运行。kubectl 在 READY 中也计入边车容器：2/2。',
    },
    'graceful-termination': {
      title: '优雅终止：preStop、SIGTERM、SIGKILL',
      lesson:
        'lifecycle-demo 中有一个带 postStart 和 preStop 钩子的 nginx 容器，还有一个忽略 SIGTERM 的容器，宽限期为 10 秒。第 15 秒时学习者删除它。kubelet 为两个容器都记录 Killing；先执行 nginx 的 preStop 钩子，再用 10 秒中剩下的时间发送 SIGTERM，nginx 退出。另一个容器忽略 SIGTERM，10 秒到期时 containerd 发送 SIGKILL：退出码 137。随后沙箱被停止，Pod 被删除。',
    },
    // PersistentVolume binding and dynamic provisioning (issue #5).
    volumes: {
      title: '存储卷：ConfigMap 与 PersistentVolumeClaim',
      lesson:
        '一个 ConfigMap、一个使用默认 StorageClass csi-hostpath-sc（WaitForFirstConsumer，CSI hostpath 驱动）的 1Gi PVC task-pv-claim，以及同时挂载两者的 Pod。PV 控制器等待使用者；调度器选定节点并在 PreBind 中写到 PVC 上；external-provisioner 在该节点上创建卷；PV 控制器完成绑定（Pending → Bound）；之后 Pod 才被绑定。kubelet 在创建沙箱前挂载 ConfigMap，并准备和发布 CSI 卷。',
    },
    // Static Pods and mirror Pods (issue #4).
    'static-pod': {
      title: '静态 Pod 及其镜像',
      lesson:
        'static-web 是 node-1 上 /etc/kubernetes/manifests 中的清单：kubectl 什么都不发送，调度器也从未见过它。node-1 的 kubelet 以 static-web-node-1 运行它，并发布一个镜像 Pod（kubernetes.io/config.mirror，属主为该节点）。第 15 秒时学习者通过 API 删除这个 Pod：容器继续运行，kubelet 重新创建镜像。',
    },
    // Lifecycle hook failures (issue #5).
    'poststart-hook-failed': {
      title: '失败的 postStart 钩子',
      lesson:
        'lifecycle-demo 的 nginx 有一个以 exit 1 结束的 postStart 钩子。kubelet 启动容器，执行钩子并等待它；钩子失败，于是 kubelet 记录 FailedPostStartHook，杀死容器（Killing，消息“FailedPostStartHook”），并以 PostStartHookError 和处理器的消息报告它在等待。restartPolicy Always 会重启它：第一次立即重启，之后按崩溃退避（10 秒、20 秒、40 秒……），所以 kubectl get pods 依次显示 PostStartHookError 和 CrashLoopBackOff（从不显示 Running：钩子在 startContainer 内执行，早于任何显示容器运行的状态），事件的计数不断增加。',
    },
    // Service 与流量（issue #5、#6）。
    'network-policy': {
      title: 'NetworkPolicy：一次 curl 被允许，一次被丢弃',
      lesson:
        '在装有 Calico 的集群上做官方文档的 declare-network-policy 任务：一个 nginx Deployment 和它前面的 Service、default-deny-ingress 策略、access-nginx 策略（只有带 access=true 标签的 Pod 能访问 nginx），以及两个客户端 Pod。API Server 只负责存储策略；每个节点上的 Felix 监听策略、Pod 和 Namespace，为被策略选中的 Pod 写入 filter 规则。client-allowed 的 curl 得到 HTTP 200；client-other 的 SYN 在 nginx Pod 所在节点被丢弃，curl --connect-timeout 5 以 “Connection timed out” 结束，而不是 “connection refused”。',
    },
  },
  param: {
    probe: {
      readiness: '就绪',
      liveness: '存活',
    },
    via: {
      x509: 'X.509 客户端证书',
      'serviceaccount-token': 'ServiceAccount 令牌',
      bootstrap: '引导令牌',
    },
  },
  error: {
    boundary: '这个面板出错了：{{message}}',
    retry: '重试',
  },
  // The YAML editor (bring your own YAML).
  editor: {
    fromLink: '这是你打开的链接中的 YAML，正在运行。',
    restore: '恢复我之前的 YAML',
    restored: '已恢复你之前的 YAML（点击“应用”运行）。',
    open: '编辑 YAML',
    close: '关闭',
    lesson: 'kubectl 依次创建你的 YAML 中的对象，集群是上方所选场景的集群。',
    title: '你的 YAML',
    label: 'YAML 清单',
    apply: '应用',
    applyHint: '应用（Ctrl+Enter）',
    openFile: '打开文件…',
    scenarioYaml: '场景的 YAML',
    scenarioYamlHint: '用上方所选场景的 YAML 替换文本（撤销可找回你的文本）',
    drop: '拖放一个 YAML 文件来编辑',
    loading: '正在加载编辑器…',
    problems: '问题',
    noProblems: '没有问题：“应用”会在该场景的集群上运行这些对象。',
    applied: '已应用：图中显示的是你的对象。',
    notApplied: '未应用：请先修正错误。图中仍是上一次成功的运行。',
    shown: '你的 YAML',
    at: '第 {{line}} 行，第 {{column}} 列',
    error: '错误',
    warning: '提示',
    fileTooBig: '文件 {{name}} 有 {{size}} 字节：编辑器最多接受 1 MiB（{{max}} 字节）。未加载任何内容。',
    fileUnreadable: '文件 {{name}} 无法按 UTF-8 文本读取。未加载任何内容。',
    fileLoaded: '已加载 {{name}}。',
    diag: {
      notSimulated: '{{kind}} "{{name}}" 不是 podflow 模拟的资源类型：已跳过。',
      tooBig: '文本有 {{size}} 字节：podflow 最多接受 1 MiB（{{max}} 字节）。',
      empty: '没有可应用的对象。',
    },
  },
  // Presenter mode and export (issue 9).
  present: {
    button: '演示',
    title: '全屏演示（P）：PageDown/PageUp 切换步骤，B 或 . 黑屏，Esc 退出',
    exit: '退出',
    notes: '演讲者备注',
    notesTitle: '演讲者备注',
    blanked: '屏幕已黑屏：按 B 或 . 恢复显示',
    step: '第 {{n}} 步，共 {{total}} 步',
    clock: '虚拟时间',
    next: '下一步',
    prev: '上一步',
    nextUp: '下一步骤',
    end: '这是最后一步。',
    blank: '黑屏',
    waiting: '正在等待演示…（请保持打开此窗口的 podflow 标签页）',
    label: '演示',
  },
  export: {
    button: '导出',
    dialogTitle: '导出到幻灯片',
    step: '步骤',
    format: '格式',
    png: '当前步骤的 PNG 图片',
    svg: '当前步骤的 SVG（仅图形和文字）',
    zip: '步骤范围的编号 PNG（zip）',
    gif: '步骤范围的动画 GIF',
    from: '起始步骤',
    to: '结束步骤',
    size: '尺寸',
    theme: '配色',
    save: '导出',
    working: '正在渲染第 {{done}} 帧，共 {{total}} 帧…',
    done: '已保存 {{name}}',
    failed: '导出失败：{{error}}',
    close: '关闭',
    loading: '正在加载导出工具…',
  },
  // Inspectors, kubectl views and the transcript (issue #8).
  inspect: {
    tabs: '侧栏',
    tab: { narration: '讲解', inspector: '检查器', kubectl: 'kubectl', transcript: '全文' },
    textAlternative: '整个过程的文字版（每步一行）在侧栏的“全文”标签页中。',
    loading: '加载中…',
    object: '对象',
    atStep: '第 {{seq}} 步之后',
    pick: '检查',
    components: '组件',
    objects: '对象（etcd 键）',
    nothingYet: '此步尚无内容。',
    objectGone: '此步时该对象不存在。',
    pod: 'Pod',
    noPods: '还没有 Pod。',
    apiserver: {
      stages: '请求经过的处理链',
      stage: '阶段',
      verdict: '结论',
      defaulted: '已设默认值',
      response: '响应',
      pending: '尚未响应',
    },
    etcd: {
      revision: '当前 revision',
      deleted: '此步删除',
      keys: 'etcd 中的键',
      key: '键',
      modRevision: 'mod_revision',
      written: '此步写入',
    },
    scheduler: {
      pod: 'Pod',
      unschedulable: '无法调度',
      table: '每个节点的过滤结论与打分',
      node: '节点',
      filter: '过滤',
      total: '最终得分',
      passed: '通过',
      formula: '每格：插件原始分 → 归一化到 0–100。最终得分 = Σ 权重 × 归一化分。',
    },
    kubelet: {
      probeOk: '最近一次在第 {{seq}} 步通过',
      probeNotYet: '尚未探测',
    },
    runtime: {
      sandboxes: 'Pod 沙箱（pause 容器）',
      containers: '容器',
      images: '镜像存储中的镜像',
    },
    // Issue #8：附加组件的检查器（istiod、Kyverno、ingress-nginx、Calico 的 Felix）。
    istiod: {
      reviews: '已回答的 AdmissionReview（/inject）',
      pod: 'Pod',
      verdict: '回答',
      patch: 'JSONPatch',
      patched: '允许，附带补丁（{{ops}} 个操作）',
      skipped: '允许，无补丁：{{reason}}',
      notApplied: 'API Server 尚未应用',
      proxies: '已连接的代理（ADS 流）',
      proxy: '代理',
      lastPush: '最近一次 EDS 推送',
      pushed: '版本 {{version}}：{{clusters}} → {{endpoints}}',
      noPush: '只有连接时的全量配置',
      none: '无',
    },
    kyverno: {
      policies: '缓存中的 ClusterPolicy',
      rule: '规则',
      action: '动作',
      kinds: '资源类型',
      message: '消息',
      reviews: '已回答的 AdmissionReview',
      allowed: '允许（检查的规则：{{rules}}）',
      blocked: 'allowed: false',
      none: '无',
    },
    ingressNginx: {
      server: 'server {{host}}',
      path: '路径',
      service: 'Service',
      endpoints: 'upstream 端点（仅就绪的）',
      none: '没有就绪的',
      reloads: 'nginx 重新加载次数：{{count}}',
      lastReload: '最近的变化：重写 nginx.conf 并重新加载 nginx（server 变了）',
      lastDynamic: '最近的变化：把 upstream POST 给 Lua 负载均衡器，不重新加载（端点变了）',
      address: 'Ingress {{ingress}} 的 ADDRESS {{address}}（节点 {{node}}）',
      addressStored: 'API Server 回答 {{status}}',
      addressPending: '尚未回答',
      noAddress: '尚未写入 ADDRESS（状态同步每 60 秒一次）',
    },
    felix: {
      heading: '本节点上的 Calico Felix',
      endpoints: '本地 Pod 及选中它们的策略',
      ingress: '入站',
      egress: '出站',
      chains: '下发的链',
      noPolicy: '没有策略选中它：放行所有流量',
      drops: '丢弃的数据包',
      drop: '{{url}} → {{pod}}（{{endpoint}}）在 {{chain}} 中被丢弃',
      noDrops: '无',
    },
  },
  // The kubectl prompt (issue #7).
  prompt: {
    label: 'kubectl 命令',
    heading: 'kubectl 提示符',
    hint: '输入 kubectl 命令并按 Enter：apply -f {{file}}、create、delete、scale、get、describe、edit。↑/↓ 调出之前的命令。修改集群的命令从屏幕上的这一步开始运行。',
    answerAt: '跳到应答（第 {{step}} 步）',
    run: '运行',
    clear: '清除',
    output: 'kubectl 输出',
    atStep: '第 {{step}} 步',
    waiting: '（运行结束前应答没有到达）',
    notSimulated: 'podflow 不模拟“kubectl {{command}}”。可以试试 apply、create、delete、scale、get、describe 或 edit。',
    editing: '正在编辑 {{object}}：修改 YAML 后按“应用”保存（kubectl edit）。',
    editCancelled: 'Edit cancelled, no changes made.',
    describeOther: 'podflow 暂未为此类型实现 kubectl describe；下面是该对象的 YAML：',
    noFile: 'error: the path "{{file}}" does not exist',
  },
  // Issue #8: the main area's views (the run as a sequence diagram, each Pod's lifecycle over time).
  mainView: {
    label: '主视图',
    diagram: '示意图',
    sequence: '时序图',
    timeline: '时间线',
  },
  sequence: {
    label: '本次运行的时序图',
    row: '第 {{n}} 步，{{kind}}：{{from}} → {{to}}：{{title}}',
    rowSelf: '第 {{n}} 步，{{kind}} {{from}}：{{title}}',
    hint: '↑/↓ 移动光标；点击箭头跳到该步。',
    empty: '这个详细程度下没有步骤。',
  },
  timeline: {
    label: '每个 Pod 在虚拟时间上的生命周期',
    none: '本次运行没有 Pod。',
    pod: 'Pod {{name}}',
    onNode: '在 {{node}} 上',
    band: '{{phase}}：{{duration}}，从 {{from}} 开始',
    restart: '{{container}} 第 {{count}} 次重启，于 {{at}}',
    deleted: '于 {{at}} 删除',
    cursor: '光标：{{time}}',
    legend: '阶段',
    hint: '点击某个色段或 Pod 所在行的任意位置，跳到那个时刻。键盘：用 Tab 移到某个 Pod 的行，←/→ 在它的色段之间移动，Enter 跳过去。',
    zoom: '放大到启动阶段',
    phase: {
      pending: '等待调度（Pending）',
      scheduled: '已调度（Scheduled）',
      sandbox: '沙箱（Sandbox）',
      pulling: '拉取镜像',
      creating: '创建容器',
      init: 'Init 容器',
      running: '运行中（Running）',
      ready: '就绪（Ready）',
      backoff: '已退出 · 退避（back-off）',
      completed: '已结束（Completed）',
      terminating: '终止中（Terminating）',
    },
  },
};
