/**
 * Kyverno's admission controller as a validating webhook server: its policy
 * cache follows ClusterPolicies through kube-apiserver, and `/validate/fail`
 * checks the object against each Enforce rule's `validate.pattern`. A failed
 * rule blocks the request with Kyverno's message, the failed rules listed
 * as YAML by policy. Models kyverno/kyverno pkg/webhooks/resource/validation
 * (validation.go, webhookutils GetBlockedMessages), pkg/engine/validate
 * (pattern matching, `validation error: <message> rule <rule> failed at path
 * <path>`) and pkg/engine/wildcards.
 */
import { USERS } from '../apiserver/authz';
import type { ReviewRequest } from '../apiserver/admission/webhooks';
import { informerReceive, newInformers, startInformers, type Informers } from '../client/informer';
import type { Message } from '../core/messages';
import type { Sim } from '../core/sim';
import type { ApiObject, ComponentId } from '../types';

export const KYVERNO_VERSION = '1.15.2';

export interface KyvernoState {
  informers: Informers;
}

export function initKyverno(): KyvernoState {
  return { informers: newInformers() };
}

interface Rule {
  name: string;
  match?: { any?: { resources?: { kinds?: string[] } }[]; all?: { resources?: { kinds?: string[] } }[] };
  validate?: { message?: string; pattern?: unknown; failureAction?: 'Enforce' | 'Audit' };
}
interface ClusterPolicy extends ApiObject {
  spec?: { validationFailureAction?: 'Enforce' | 'Audit'; rules?: Rule[] };
}

/** Kyverno's wildcards: `*` any run, `?` one character (wildcard.Match). */
function wildcard(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return re.test(value);
}

/** A leaf of a pattern: a string with `!` (not), `|` (or) and wildcards; other values compare equal. */
function leafMatches(pattern: unknown, value: unknown): boolean {
  if (typeof pattern !== 'string') return JSON.stringify(pattern) === JSON.stringify(value);
  return pattern.split('|').some((alt) => {
    const p = alt.trim();
    if (p.startsWith('!')) return typeof value === 'string' && !wildcard(p.slice(1), value);
    return typeof value === 'string' ? wildcard(p, value) : p === String(value);
  });
}

/**
 * Validate an object against a pattern; the path of the first element that
 * fails (`/spec/containers/0/image/`), or null when it matches. A list in the
 * pattern applies its first element to every element of the object's list.
 */
export function patternFailure(pattern: unknown, value: unknown, path = '/'): string | null {
  if (Array.isArray(pattern)) {
    if (!Array.isArray(value)) return path;
    for (let i = 0; i < value.length; i++) {
      const f = patternFailure(pattern[0], value[i], `${path}${i}/`);
      if (f) return f;
    }
    return null;
  }
  if (pattern && typeof pattern === 'object') {
    if (!value || typeof value !== 'object') return path;
    for (const [k, p] of Object.entries(pattern)) {
      const f = patternFailure(p, (value as Record<string, unknown>)[k], `${path}${k}/`);
      if (f) return f;
    }
    return null;
  }
  return leafMatches(pattern, value) ? null : path;
}

/** go-yaml's single-quoted scalar: quotes doubled, folded at a space once past column 80. */
function yamlSingleQuoted(prefix: string, text: string, indent: number): string {
  let out = prefix + "'";
  let column = out.length;
  const s = text.replace(/'/g, "''");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === ' ' && column > 80 && s[i + 1] !== ' ' && i > 0 && s[i - 1] !== ' ') {
      out += '\n' + ' '.repeat(indent);
      column = indent;
      continue;
    }
    out += ch;
    column++;
  }
  return out + "'";
}

/** GetBlockedMessages: `resource Kind/ns/name was blocked due to the following policies` and the failures as YAML. */
export function blockedMessage(
  resource: string,
  failures: { policy: string; rule: string; message: string }[],
): string {
  const byPolicy = new Map<string, { rule: string; message: string }[]>();
  for (const f of failures) byPolicy.set(f.policy, [...(byPolicy.get(f.policy) ?? []), f]);
  const yaml = [...byPolicy.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([policy, rules]) =>
        `${policy}:\n` +
        rules
          .sort((a, b) => a.rule.localeCompare(b.rule))
          .map((r) => yamlSingleQuoted(`  ${r.rule}: `, r.message, 4))
          .join('\n'),
    )
    .join('\n');
  return `\n\nresource ${resource} was blocked due to the following policies \n\n${yaml}\n`;
}

function withPeriod(message: string): string {
  return message.endsWith('.') ? message : `${message}.`;
}

/** Check an AdmissionReview's object against every Enforce policy that matches its kind. */
export function validateAgainstPolicies(
  policies: readonly ApiObject[],
  req: Pick<ReviewRequest, 'kind' | 'namespace' | 'name' | 'object'>,
): { allowed: true; checked: string[] } | { allowed: false; message: string; checked: string[] } {
  const failures: { policy: string; rule: string; message: string }[] = [];
  const checked: string[] = [];
  for (const policy of [...policies].sort((a, b) =>
    String(a.metadata.name).localeCompare(String(b.metadata.name)),
  ) as ClusterPolicy[]) {
    for (const rule of policy.spec?.rules ?? []) {
      const kinds = [...(rule.match?.any ?? []), ...(rule.match?.all ?? [])].flatMap((m) => m.resources?.kinds ?? []);
      if (!rule.validate?.pattern || !kinds.includes(req.kind.kind)) continue;
      checked.push(`${String(policy.metadata.name)}/${rule.name}`);
      const action = rule.validate.failureAction ?? policy.spec?.validationFailureAction ?? 'Audit';
      const path = patternFailure(rule.validate.pattern, req.object);
      if (path && action === 'Enforce')
        failures.push({
          policy: String(policy.metadata.name),
          rule: rule.name,
          // validate.go buildErrorMessage: the rule's message ends with a period, then the rule and the path.
          message: `validation error: ${withPeriod(rule.validate.message ?? '')} rule ${rule.name} failed at path ${path}`,
        });
    }
  }
  if (!failures.length) return { allowed: true, checked };
  // block.go: `%s/%s/%s` of kind, namespace and name (a cluster-scoped object leaves the middle empty).
  const resource = `${req.kind.kind}/${req.namespace ?? ''}/${req.name ?? ''}`;
  return { allowed: false, message: blockedMessage(resource, failures), checked };
}

type KSim = Sim<{ kyverno: KyvernoState }>;

export function handleKyverno(sim: KSim, self: ComponentId, msg: Message, from: ComponentId): void {
  const st = sim.world.kyverno;
  if (msg.type === 'start')
    return startInformers(sim, self, st.informers, [{ resource: 'clusterpolicies' }], USERS.kyverno, 'deep');
  if (msg.type === 'admission-review') {
    const policies = Object.values(st.informers.cache.objects).filter((o) => o.kind === 'ClusterPolicy');
    const r = validateAgainstPolicies(policies, msg.request);
    const object = `${msg.request.kind.kind} ${msg.request.namespace ?? ''}/${msg.request.name ?? ''}`;
    sim.send(
      {
        from: self,
        to: from,
        msg: {
          type: 'admission-review-response',
          id: msg.id,
          response: r.allowed
            ? { uid: msg.request.uid, allowed: true }
            : { uid: msg.request.uid, allowed: false, status: { message: r.message } },
        },
        meta: {
          kind: 'response',
          level: 'standard',
          status: 200,
          say: r.allowed
            ? { key: 'kyverno-allowed', params: { webhook: msg.webhook, object, rules: r.checked.join(', ') || '—' } }
            : { key: 'kyverno-blocked', params: { webhook: msg.webhook, object, message: r.message.trim() } },
        },
      },
      sim.latency(1, 5),
    );
    return;
  }
  informerReceive(st.informers, self, msg, sim);
}
