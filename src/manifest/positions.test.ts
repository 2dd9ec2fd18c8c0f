import { describe, expect, it } from 'vitest';
import { documentPositions, fieldOffset, lineColumn, offsetOf, parseFieldPath } from './positions';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.14.2
  - name: sidecar
    image: "busybox"
---
kind: Service
metadata: {name: "svc"}
`;

/** Where a field path lands in POD, as "line:column". */
function at(doc: number, path: string, text = POD): string {
  const root = documentPositions(text)[doc]!;
  const { line, column } = lineColumn(text, fieldOffset(root, path));
  return `${line}:${column}`;
}

describe('field path → line and column', () => {
  it.each([
    ['', 0, '1:1'],
    ['kind', 0, '2:1'],
    ['metadata.name', 0, '4:3'],
    ['metadata.labels[app.kubernetes.io/name]', 0, '6:5'],
    ['spec.containers', 0, '8:3'],
    ['spec.containers[0]', 0, '9:5'],
    ['spec.containers[0].image', 0, '10:5'],
    ['spec.containers[1].name', 0, '11:5'],
    ['spec.containers[1].image', 0, '12:5'],
    // A missing field points at the closest field that is there: where the learner adds it.
    ['spec.containers[1].imagePullPolicy', 0, '11:5'],
    ['spec.containers[5].image', 0, '8:3'],
    ['spec.initContainers', 0, '7:1'],
    // Flow style and a second document: positions are in the whole text.
    ['metadata.name', 1, '15:12'],
    ['kind', 1, '14:1'],
  ])('%s (document %i) is at %s', (path, doc, expected) => {
    expect(at(doc, path)).toBe(expected);
  });

  it('parses the apiserver’s field paths, bracketed map keys kept whole', () => {
    expect(parseFieldPath('spec.containers[0].image')).toEqual(['spec', 'containers', 0, 'image']);
    expect(parseFieldPath('metadata.labels[app.kubernetes.io/name]')).toEqual([
      'metadata',
      'labels',
      'app.kubernetes.io/name',
    ]);
    expect(parseFieldPath('items[2]')).toEqual(['items', 2]);
    expect(parseFieldPath('')).toEqual([]);
  });

  it('lines documents up with loadAll: empty and null documents are null', () => {
    const docs = documentPositions('---\n---\na: 1\n--- ~\n---\n"b": 2\n');
    expect(docs.map((d) => d?.type ?? null)).toEqual([null, 'map', null, 'map']);
  });

  it('finds quoted and JSON keys', () => {
    const json = '{"kind": "Pod", "spec": {"containers": [{"name": "x"}]}}';
    expect(at(0, 'spec.containers[0].name', json)).toBe('1:42');
  });

  it('turns offsets into 1-based lines and columns and back', () => {
    const text = 'ab\ncd\n\nef';
    for (const [offset, line, column] of [
      [0, 1, 1],
      [2, 1, 3],
      [3, 2, 1],
      [7, 4, 1],
      [9, 4, 3],
    ] as const) {
      expect(lineColumn(text, offset)).toEqual({ line, column });
      expect(offsetOf(text, line, column)).toBe(offset);
    }
  });
});
