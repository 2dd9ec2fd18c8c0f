/**
 * The side column's inspector, kubectl views and transcript. Every view is a
 * function of (trace, cursor): it reads the trace's steps and objects at the
 * current step and never the engine's live state. Loaded on demand.
 */
import { useMemo, useState } from 'react';
import type { ApiObject, ComponentId, Step, Trace } from '../engine';
import { iptablesChainsAt } from '../engine/proxy/chains-at';
import { narrationOf } from '../i18n/narrate';
import { buildTopology, optionalPartsOf } from '../diagram/topology';
import { useT } from '../panels/useT';
import { useInspect, type SideTab } from '../store/inspect';
import { currentSeq, usePlayer } from '../store/store';
import {
  apiserverAt,
  cniAt,
  controllerManagerAt,
  corednsAt,
  etcdAt,
  kubeletAt,
  runtimeAt,
  schedulerAt,
  verdictList,
} from './components';
import { FelixView, IngressNginxView, IstiodView, KyvernoView } from './AddonViews';
import { describePod } from './kubectl-describe';
import { KubectlPrompt } from './KubectlPrompt';
import { getPodsWide, manyNamespaces, podsAt, wallTime, watchPods } from './kubectl-get';
import { Transcript } from './Transcript';
import { yamlWithChanges } from './yaml-diff';

type T = ReturnType<typeof useT>;

export default function InspectTabs({ tab }: { tab: Exclude<SideTab, 'narration'> }) {
  if (tab === 'inspector') return <Inspector />;
  if (tab === 'kubectl') return <KubectlViews />;
  return <Transcript />;
}

function useSeq(): { trace: Trace; seq: number } {
  const trace = usePlayer((s) => s.trace);
  const seq = usePlayer(currentSeq);
  return { trace, seq };
}

const nodeOf = (id: string): string => id.slice(id.indexOf('/') + 1);

function Inspector() {
  const t = useT();
  const { trace, seq } = useSeq();
  const target = useInspect((s) => s.target);
  const inspect = useInspect((s) => s.inspect);
  // The step number the transport shows (the cursor), not the trace's seq.
  const cursor = usePlayer((s) => s.cursor);
  const components = useMemo(
    () => buildTopology(trace.nodes, optionalPartsOf(trace.steps)).components,
    [trace.nodes, trace.steps],
  );
  const keys = useMemo(() => [...trace.objectsAt(seq).keys()].sort(), [trace, seq]);
  const value = 'component' in target ? `c:${target.component}` : `o:${target.object}`;
  return (
    <section className="inspector" data-testid="inspector" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" className="inspect-heading">
        {'component' in target
          ? t(`component.${components.find((c) => c.id === target.component)?.kind ?? 'kubectl'}`)
          : t('inspect.object')}
        <span className="muted"> · {t('inspect.atStep', { seq: cursor })}</span>
      </h2>
      <label className="inspect-pick">
        <span>{t('inspect.pick')}</span>
        <select
          value={value}
          data-testid="inspect-pick"
          onChange={(e) => {
            const v = e.target.value;
            inspect(v.startsWith('c:') ? { component: v.slice(2) as ComponentId } : { object: v.slice(2) });
          }}
        >
          <optgroup label={t('inspect.components')}>
            {components.map((c) => (
              <option key={c.id} value={`c:${c.id}`}>
                {c.id}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('inspect.objects')}>
            {'object' in target && !keys.includes(target.object) && <option value={value}>{target.object}</option>}
            {keys.map((k) => (
              <option key={k} value={`o:${k}`}>
                {k}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {'component' in target ? (
        <ComponentView id={target.component} trace={trace} seq={seq} t={t} />
      ) : (
        <ObjectView objectKey={target.object} trace={trace} seq={seq} t={t} />
      )}
    </section>
  );
}

interface ViewProps {
  trace: Trace;
  seq: number;
  t: T;
}

function ComponentView({ id, ...p }: ViewProps & { id: ComponentId }) {
  if (id === 'kube-apiserver') return <ApiserverView {...p} />;
  if (id === 'etcd') return <EtcdView {...p} />;
  if (id === 'kube-scheduler') return <SchedulerView {...p} />;
  if (id === 'kube-controller-manager') return <ControllerManagerView {...p} />;
  if (id === 'coredns') return <CorednsView {...p} />;
  if (id === 'istiod') return <IstiodView {...p} />;
  if (id === 'kyverno') return <KyvernoView {...p} />;
  if (id === 'ingress-nginx') return <IngressNginxView {...p} />;
  if (id.startsWith('kubelet/')) return <KubeletView {...p} node={nodeOf(id)} />;
  if (id.startsWith('runtime/')) return <RuntimeView {...p} node={nodeOf(id)} />;
  if (id.startsWith('cni/')) return <CniView {...p} node={nodeOf(id)} />;
  if (id.startsWith('kube-proxy/')) return <ProxyView {...p} node={nodeOf(id)} />;
  return <StepsOf {...p} who={id} />;
}

function Empty({ t }: { t: T }) {
  return <p className="muted">{t('inspect.nothingYet')}</p>;
}

const STAGE_NAMES: Record<string, string> = {
  'apiserver-authentication': 'authentication',
  'apiserver-authorization': 'authorization',
  'apiserver-mutating-admission': 'mutating admission',
  'apiserver-defaulting': 'defaulting',
  'apiserver-validation': 'validation',
  'apiserver-validating-admission': 'validating admission',
};

function ApiserverView({ trace, seq, t }: ViewProps) {
  const v = apiserverAt(trace, seq);
  if (!v) return <Empty t={t} />;
  const r = v.request;
  return (
    <div data-testid="inspect-apiserver">
      <p className="mono">
        <strong>{r.verb?.toUpperCase()}</strong> {r.path} <span className="muted">← {r.from}</span>
      </p>
      <table className="inspect-table">
        <caption className="visually-hidden">{t('inspect.apiserver.stages')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inspect.apiserver.stage')}</th>
            <th scope="col">{t('inspect.apiserver.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {v.stages
            .filter((s) => s.key !== 'apiserver-checks')
            .map((s) => {
              const verdicts = verdictList(s.params.verdicts);
              return (
                <tr key={s.seq} className={s.seq === seq ? 'is-current' : undefined}>
                  <th scope="row">{STAGE_NAMES[s.key] ?? s.key.replace(/^apiserver-/, '')}</th>
                  <td className="mono">
                    {s.key === 'apiserver-authentication' && `${s.params.user} (${s.params.via})`}
                    {s.key === 'apiserver-authorization' && String(s.params.reason)}
                    {(s.key === 'apiserver-defaulting' || s.key === 'apiserver-mutating-admission') &&
                      s.params.fields !== '—' &&
                      `${t('inspect.apiserver.defaulted')}: ${s.params.fields}`}
                    {s.key === 'apiserver-validation' && 'OK'}
                    {verdicts.length > 0 && (
                      <ul className="plain">
                        {verdicts.map((x) => (
                          <li key={x.plugin}>
                            {x.plugin}: {x.verdict}
                          </li>
                        ))}
                      </ul>
                    )}
                    {!(s.key in STAGE_NAMES) && String(s.params.message ?? s.params.reason ?? '')}
                  </td>
                </tr>
              );
            })}
          {v.writes.map((w, i) => (
            <tr key={`w${i}`}>
              <th scope="row">etcd</th>
              <td className="mono">
                {w.key} @ {w.revision}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mono" data-testid="apiserver-response">
        {t('inspect.apiserver.response')}: {v.response ? String(v.response.status) : t('inspect.apiserver.pending')}
      </p>
    </div>
  );
}

function EtcdView({ trace, seq, t }: ViewProps) {
  const inspect = useInspect((s) => s.inspect);
  const { rows, revision, deleted } = useMemo(() => etcdAt(trace, seq), [trace, seq]);
  return (
    <div data-testid="inspect-etcd">
      <p className="mono">
        {t('inspect.etcd.revision')}: {revision}
      </p>
      {rows
        .filter((r) => r.written)
        .map((r) => (
          <section key={r.key} data-testid="etcd-written">
            <h3 className="inspect-sub mono">
              {t('inspect.etcd.written')}: {r.key}
            </h3>
            <ObjectView objectKey={r.key} trace={trace} seq={seq} t={t} />
          </section>
        ))}
      {deleted.length > 0 && (
        <p className="mono">
          {t('inspect.etcd.deleted')}: {deleted.join(', ')}
        </p>
      )}
      <table className="inspect-table">
        <caption className="visually-hidden">{t('inspect.etcd.keys')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inspect.etcd.key')}</th>
            <th scope="col">{t('inspect.etcd.modRevision')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.written ? 'is-written' : undefined} data-written={r.written || undefined}>
              <td className="mono">
                <button type="button" className="link-button" onClick={() => inspect({ object: r.key })}>
                  {r.key}
                </button>
                {r.written && <span className="badge">{t('inspect.etcd.written')}</span>}
              </td>
              <td className="mono num">{r.revision}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SchedulerView({ trace, seq, t }: ViewProps) {
  const c = useMemo(() => schedulerAt(trace, seq), [trace, seq]);
  if (!c) return <Empty t={t} />;
  const scores = c.scores;
  const plugins = scores?.plugins.filter((p) => !p.skipped) ?? [];
  return (
    <div data-testid="inspect-scheduler">
      <p className="mono">
        {t('inspect.scheduler.pod')}: {c.pod}
        {c.endSeq !== undefined && (c.node ? ` → ${c.node}` : ` → ${t('inspect.scheduler.unschedulable')}`)}
      </p>
      <div className="table-scroll" tabIndex={0}>
        <table className="inspect-table scheduler-table" data-testid="scheduler-table">
          <caption className="visually-hidden">{t('inspect.scheduler.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inspect.scheduler.node')}</th>
              <th scope="col">{t('inspect.scheduler.filter')}</th>
              {plugins.map((p) => (
                <th scope="col" key={p.plugin}>
                  {p.plugin} <span className="muted">×{p.weight}</span>
                </th>
              ))}
              {scores && <th scope="col">{t('inspect.scheduler.total')}</th>}
            </tr>
          </thead>
          <tbody>
            {c.filter.map((f) => {
              const at = scores?.nodes.indexOf(f.node) ?? -1;
              return (
                <tr key={f.node} className={c.node === f.node ? 'is-chosen' : undefined} data-node={f.node}>
                  <th scope="row" className="mono">
                    {f.node}
                    {c.node === f.node && ' ✓'}
                  </th>
                  <td>{f.fits ? t('inspect.scheduler.passed') : `${f.plugin ?? ''}: ${f.reasons.join(', ')}`}</td>
                  {plugins.map((p) => (
                    <td key={p.plugin} className="num mono">
                      {at >= 0 ? `${p.raw[at]} → ${p.scores[at]}` : '—'}
                    </td>
                  ))}
                  {scores && <td className="num mono">{at >= 0 ? scores.totals[at] : '—'}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {c.message && <p className="mono">{c.message}</p>}
      {scores && <p className="muted">{t('inspect.scheduler.formula')}</p>}
    </div>
  );
}

function StepList({ steps, t, seq }: { steps: readonly Step[]; t: T; seq: number }) {
  return (
    <ol className="plain step-list">
      {steps.map((s) => (
        <li key={s.seq} className={s.seq === seq ? 'is-current' : undefined}>
          <span className="mono muted">#{s.seq}</span> {narrationOf(t, s).title}
        </li>
      ))}
    </ol>
  );
}

function ControllerManagerView({ trace, seq, t }: ViewProps) {
  const groups = useMemo(() => controllerManagerAt(trace, seq, 6), [trace, seq]);
  if (!groups.length) return <Empty t={t} />;
  return (
    <div data-testid="inspect-controller-manager">
      {groups.map((g) => (
        <section key={g.controller}>
          <h3 className="inspect-sub">{g.controller}</h3>
          <StepList steps={g.steps} t={t} seq={seq} />
        </section>
      ))}
    </div>
  );
}

function StepsOf({ trace, seq, t, who }: ViewProps & { who: string }) {
  const steps = trace.steps
    .slice(0, seq + 1)
    .filter((s) => s.from === who)
    .slice(-10);
  return steps.length ? <StepList steps={steps} t={t} seq={seq} /> : <Empty t={t} />;
}

function KubeletView({ trace, seq, t, node }: ViewProps & { node: string }) {
  const pods = useMemo(() => kubeletAt(trace, node, seq), [trace, node, seq]);
  if (!pods.length) return <Empty t={t} />;
  return (
    <div data-testid="inspect-kubelet">
      {pods.map((p) => (
        <section key={p.name}>
          <h3 className="inspect-sub mono">
            {p.namespace}/{p.name} <span className="muted">· {p.phase}</span>
          </h3>
          <ul className="plain">
            {p.containers.map((c) => (
              <li key={c.name} className="mono">
                {c.name} ({c.image}): {c.state}, ready={String(c.ready)}, restarts={c.restarts}
                {c.probes.map((pr) => (
                  <div key={pr.kind} className="muted">
                    {pr.kind}: {pr.target} —{' '}
                    {pr.last ? t('inspect.kubelet.probeOk', { seq: pr.last.seq }) : t('inspect.kubelet.probeNotYet')}
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function RuntimeView({ trace, seq, t, node }: ViewProps & { node: string }) {
  const v = useMemo(() => runtimeAt(trace, node, seq), [trace, node, seq]);
  return (
    <div data-testid="inspect-runtime">
      <h3 className="inspect-sub">{t('inspect.runtime.sandboxes')}</h3>
      {v.sandboxes.length ? (
        <ul className="plain mono">
          {v.sandboxes.map((s) => (
            <li key={s.id}>
              {s.id} {s.pod} ({s.pause}){s.ip ? ` ${s.ip}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <Empty t={t} />
      )}
      <h3 className="inspect-sub">{t('inspect.runtime.containers')}</h3>
      {v.containers.length ? (
        <ul className="plain mono">
          {v.containers.map((c) => (
            <li key={c.id}>
              {c.id} {c.name} ({c.pod}) {c.state}
            </li>
          ))}
        </ul>
      ) : (
        <Empty t={t} />
      )}
      <h3 className="inspect-sub">{t('inspect.runtime.images')}</h3>
      <ul className="plain mono">
        {v.images.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    </div>
  );
}

function CniView({ trace, seq, t, node }: ViewProps & { node: string }) {
  const v = useMemo(() => cniAt(trace, node, seq), [trace, node, seq]);
  return (
    <div data-testid="inspect-cni">
      <p className="mono">podCIDR {v.cidr}</p>
      {v.allocations.length ? (
        <ul className="plain mono">
          {v.allocations.map((a) => (
            <li key={a.ip}>
              {a.ip} → {a.pod}
            </li>
          ))}
        </ul>
      ) : (
        <Empty t={t} />
      )}
      <FelixView trace={trace} seq={seq} t={t} node={node} />
    </div>
  );
}

function ProxyView({ trace, seq, t, node }: ViewProps & { node: string }) {
  const chains = useMemo(() => iptablesChainsAt(trace, node, seq), [trace, node, seq]);
  if (!chains.length) return <Empty t={t} />;
  return (
    <div data-testid="inspect-kube-proxy">
      {chains.map((c) => (
        <section key={`${c.table}/${c.name}`}>
          <h3 className="inspect-sub mono">
            *{c.table} {c.name}
          </h3>
          <pre tabIndex={0} className="mono code">
            {c.rules.join('\n') || ' '}
          </pre>
        </section>
      ))}
    </div>
  );
}

function CorednsView({ trace, seq, t }: ViewProps) {
  const records = useMemo(() => corednsAt(trace, seq), [trace, seq]);
  if (!records.length) return <Empty t={t} />;
  return (
    <ul className="plain mono" data-testid="inspect-coredns">
      {records.map((r) => (
        <li key={r.name}>
          {r.name} A {r.ips.join(', ') || '—'}
        </li>
      ))}
    </ul>
  );
}

/**
 * An object as YAML at the cursor. The lines highlighted are those changed since
 * the previous step shown (at overview, several writes may lie between two steps).
 */
function ObjectView({ objectKey, trace, seq, t }: ViewProps & { objectKey: string }) {
  const prevSeq = usePlayer((s) => (s.cursor >= 2 ? s.visible[s.cursor - 2]!.seq : -1));
  const lines = useMemo(() => {
    const after = trace.objectAt(objectKey, seq);
    if (!after) return null;
    const changed = trace.steps.slice(prevSeq + 1, seq + 1).some((s) => s.changes.some((c) => c.key === objectKey));
    return yamlWithChanges(after, changed ? (trace.objectAt(objectKey, prevSeq) ?? null) : undefined);
  }, [trace, seq, prevSeq, objectKey]);
  if (!lines) return <p className="muted">{t('inspect.objectGone')}</p>;
  return (
    <pre tabIndex={0} className="mono code yaml" data-testid="object-yaml">
      {lines.map((l, i) => (
        <span
          key={i}
          className={l.changed ? 'yaml-line is-changed' : 'yaml-line'}
          data-changed={l.changed || undefined}
        >
          {l.text}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}

function KubectlViews() {
  const t = useT();
  const { trace, seq } = useSeq();
  const all = useMemo(() => manyNamespaces(trace), [trace]);
  const pods = useMemo(() => podsAt(trace, seq), [trace, seq]);
  const [picked, setPicked] = useState('');
  const pod = pods.find((p) => `${p.metadata.namespace}/${p.metadata.name}` === picked) ?? pods[0];
  const described = useMemo(() => {
    if (!pod) return '';
    const events = [...trace.objectsAt(seq, '/registry/events/').values()];
    return describePod(pod, events, wallTime(trace.steps[seq]?.at ?? 0));
  }, [pod, trace, seq]);
  const watch = useMemo(() => watchPods(trace, seq, all), [trace, seq, all]);
  const flag = all ? ' -A' : '';
  return (
    <section className="kubectl-views" data-testid="kubectl-views" aria-label={t('inspect.tab.kubectl')}>
      <KubectlPrompt />
      <h3 className="inspect-sub mono">$ kubectl get pods{flag} -o wide</h3>
      <pre tabIndex={0} className="mono code" data-testid="kubectl-get-pods">
        {getPodsWide(trace, seq, all)}
      </pre>
      <h3 className="inspect-sub mono">$ kubectl get pods{flag} -w</h3>
      <pre tabIndex={0} className="mono code" data-testid="kubectl-get-pods-w">
        {watch.map((l) => l.text).join('\n')}
      </pre>
      <h3 className="inspect-sub mono">$ kubectl describe pod {pod ? String(pod.metadata.name) : ''}</h3>
      {pods.length > 1 && (
        <label className="inspect-pick">
          <span>{t('inspect.pod')}</span>
          <select
            value={pod ? `${pod.metadata.namespace}/${pod.metadata.name}` : ''}
            onChange={(e) => setPicked(e.target.value)}
          >
            {pods.map((p: ApiObject) => (
              <option
                key={`${p.metadata.namespace}/${p.metadata.name}`}
              >{`${p.metadata.namespace}/${p.metadata.name}`}</option>
            ))}
          </select>
        </label>
      )}
      <pre tabIndex={0} className="mono code" data-testid="kubectl-describe">
        {pod ? described : t('inspect.noPods')}
      </pre>
    </section>
  );
}
