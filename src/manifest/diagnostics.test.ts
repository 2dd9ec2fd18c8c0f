import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine';
import { decodeField, diagnose, MAX_TEXT_BYTES } from './diagnostics';
import { loadManifests } from './load';

/** Each diagnostic as "line:column severity text" (notes as their catalog key). */
function problems(text: string): string[] {
  return diagnose(text).diagnostics.map(
    (d) => `${d.line}:${d.column} ${d.severity} ${d.message ?? `${d.note!.key} ${JSON.stringify(d.note!.params)}`}`,
  );
}

const POD_NO_IMAGE = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
`;

describe('diagnose', () => {
  it.each([
    [
      'a missing image, worded as the apiserver words it, at the container',
      POD_NO_IMAGE,
      ['7:5 error Pod "web" is invalid: spec.containers[0].image: Required value'],
    ],
    [
      'a bad container name at its key',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - image: nginx\n    name: Web\n',
      [
        `8:5 error Pod "web" is invalid: spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    ],
    [
      'an unsupported restartPolicy',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: web\n    image: nginx\n',
      [
        '6:3 error Pod "web" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ],
    ],
    [
      'a Deployment whose selector does not match its template, in a later document',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: b}\n    spec:\n      containers: [{name: c, image: nginx}]\n',
      [
        '15:7 error Deployment "d" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"b"}: `selector` does not match template `labels`',
      ],
    ],
    [
      'a YAML syntax error at js-yaml’s line and column',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [web\n',
      [expect.stringMatching(/^5:1 error .+/)],
    ],
    [
      'containers that are not a list: the decoder’s 400',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: nginx\n',
      [
        '6:3 error Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container',
      ],
    ],
    [
      'no kind: apimachinery’s missing-kind error',
      'apiVersion: v1\nmetadata:\n  name: web\n',
      [`1:1 error Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"web"}}'`],
    ],
    [
      'no apiVersion',
      'kind: Pod\nmetadata:\n  name: web\n',
      [`1:1 error Object 'apiVersion' is missing in '{"kind":"Pod","metadata":{"name":"web"}}'`],
    ],
    [
      'a document that is not a mapping',
      'just text\n',
      [expect.stringMatching(/^1:1 error json: cannot unmarshal string into Go value of type struct/)],
    ],
    [
      'a kind podflow does not simulate: a note, skipped, the rest still checked',
      'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\n---\n' + POD_NO_IMAGE,
      [
        '2:1 warning editor.diag.notSimulated {"kind":"CronJob","name":"nightly"}',
        '12:5 error Pod "web" is invalid: spec.containers[0].image: Required value',
      ],
    ],
    [
      'kind: List: each item checked at its place',
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n  spec:\n    containers:\n    - name: a\n',
      ['9:7 error Pod "a" is invalid: spec.containers[0].image: Required value'],
    ],
    ['nothing to apply', '# only a comment\n', ['1:1 error editor.diag.empty {}']],
  ])('%s', (_name, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('passes valid manifests through in order, with YAML 1.1 scalars, JSON and generateName', () => {
    const text = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: "0644"',
      '{"apiVersion": "v1", "kind": "Pod", "metadata": {"generateName": "web-"}, "spec": {"containers": [{"name": "web", "image": "nginx"}]}}',
    ].join('\n---\n');
    const d = diagnose(text);
    expect(d.ok).toBe(true);
    expect(d.diagnostics).toEqual([]);
    expect(d.objects.map((o) => o.kind)).toEqual(['ConfigMap', 'Pod']);
    expect(d.objects[1]!.metadata.name).toBeUndefined();
  });

  it('agrees with the engine’s kube-apiserver: the same text is rejected there with the same words', () => {
    const trace = simulate({
      manifests: [
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web' }] } },
      ],
      seed: 1,
    });
    const rejected = trace.steps.find((s) => s.say.key === 'apiserver-invalid')!;
    expect(problems(POD_NO_IMAGE)[0]).toContain(String(rejected.say.params.message));
  });

  it('refuses a text over the size limit with a clear note', () => {
    const d = diagnose('#'.repeat(MAX_TEXT_BYTES + 1));
    expect(d.ok).toBe(false);
    expect(d.diagnostics[0]!.note).toEqual({
      key: 'editor.diag.tooBig',
      params: { size: MAX_TEXT_BYTES + 1, max: MAX_TEXT_BYTES },
    });
  });

  it('ends an alias bomb and deep nesting in an error, not a frozen tab', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...Array.from({ length: 120 }, (_, i) => `k${i}: *a`)].join('\n');
    expect(diagnose(bomb).ok).toBe(false);
    expect(diagnose('['.repeat(5000)).ok).toBe(false);
  });

  it.each([
    [
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field Pod.spec of type v1.PodSpec',
      'Pod',
      'spec',
    ],
    [
      '… cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container',
      'Deployment',
      'spec.template.spec.containers',
    ],
    ['something else', 'Pod', ''],
  ])('reads the field of a decode error: %s', (message, kind, field) => {
    expect(decodeField(message, kind)).toBe(field);
  });
});

describe('the real manifests in shared/fixtures', () => {
  const dir = resolve(import.meta.dirname, '../../../shared/fixtures/real-manifests');
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  it('are there to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  it.each(files)('%s passes with no problem, every object kept', (file) => {
    const text = readFileSync(resolve(dir, file), 'utf8');
    const d = diagnose(text);
    expect(d.diagnostics).toEqual([]);
    const loaded = loadManifests(text);
    expect(loaded.ok && d.objects.length).toBe(loaded.ok && loaded.objects.length);
  });
});

describe('hostile input', () => {
  it('keeps __proto__ and constructor keys as plain data, polluting nothing', () => {
    const d = diagnose(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  __proto__: {polluted: yes}\ndata:\n  constructor: x\n',
    );
    expect(d.ok).toBe(true);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(d.objects[0]!.metadata)).toBe(Object.prototype);
  });

  it('keeps a string that looks like HTML as text', () => {
    const d = diagnose(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "<img src=x onerror=alert(1)>"\nspec:\n  containers: []\n',
    );
    expect(d.diagnostics.map((x) => x.message)).toEqual([
      expect.stringContaining('Pod "<img src=x onerror=alert(1)>" is invalid: metadata.name: Invalid value'),
      'Pod "<img src=x onerror=alert(1)>" is invalid: spec.containers: Required value',
    ]);
  });
});
