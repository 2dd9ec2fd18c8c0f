/**
 * The prompt's commands as the store and links keep them: which run through
 * the simulation, and what a link may carry (checked entry by entry).
 */
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { readLink, writeLink, type View } from './link';
import { engineCommands, promptFromJson, runsInSimulation, type PromptEntry } from './prompt';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';

describe('which commands run through the simulation', () => {
  it.each<[string, PromptEntry, boolean]>([
    ['scale', { atStep: 3, argv: ['scale', 'deploy/x', '--replicas=2'] }, true],
    ['delete', { atStep: 3, argv: ['delete', 'pod', 'x'] }, true],
    ['create deployment', { atStep: 3, argv: ['create', 'deployment', 'x', '--image=nginx'] }, true],
    ['apply -f with its text', { atStep: 3, argv: ['apply', '-f', '-'], stdin: POD }, true],
    ['apply -f without text (a path podflow lacks)', { atStep: 3, argv: ['apply', '-f', 'x.yaml'] }, false],
    ['apply -f of YAML that does not parse', { atStep: 3, argv: ['apply', '-f', '-'], stdin: 'a: [' }, false],
    ['edit, opened', { atStep: 3, argv: ['edit', 'deploy/x'] }, false],
    ['edit, saved', { atStep: 3, argv: ['edit', 'deploy/x'], stdin: POD }, true],
    ['get', { atStep: 3, argv: ['get', 'pods'] }, false],
    ['describe', { atStep: 3, argv: ['describe', 'pod', 'x'] }, false],
    ['an error', { atStep: 3, argv: ['get', 'foos'] }, false],
  ])('%s: %s', (_, entry, runs) => expect(runsInSimulation(entry)).toBe(runs));

  it('numbers the engine commands and gives -f its objects and file names', () => {
    const { commands, index } = engineCommands([
      { atStep: 1, argv: ['get', 'pods'] },
      { atStep: 2, argv: ['apply', '-f', 'manifest.yaml'], stdin: POD },
      { atStep: 9, argv: ['delete', 'pod', 'web'] },
    ]);
    expect(index).toEqual([-1, 0, 1]);
    expect(commands).toEqual([
      {
        atStep: 2,
        argv: ['apply', '-f', 'manifest.yaml'],
        files: ['manifest.yaml'],
        objects: [
          {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: 'web' },
            spec: { containers: [{ name: 'web', image: 'nginx' }] },
          },
        ],
      },
      { atStep: 9, argv: ['delete', 'pod', 'web'] },
    ]);
  });
});

describe('links carry the prompt', () => {
  it('round-trips the commands with their steps and text', () => {
    const cmds: PromptEntry[] = [
      { atStep: 0, argv: ['get', 'pods'] },
      { atStep: 40, argv: ['apply', '-f', '-'], stdin: POD },
      { atStep: 80, argv: ['scale', 'deployment/web', '--replicas=5'] },
    ];
    const view: View = { scenario: 'deployment', step: 3, cmds };
    expect(readLink(writeLink(view))).toEqual({ view, rejected: [] });
  });

  const lz = (value: unknown): string => `cmds=${compressToEncodedURIComponent(JSON.stringify(value))}`;
  it.each([
    ['not JSON', `cmds=${compressToEncodedURIComponent('[{')}`],
    ['not a list', lz({ atStep: 1, argv: ['get', 'pods'] })],
    ['a negative step', lz([{ atStep: -1, argv: ['get', 'pods'] }])],
    ['a step that is not a whole number', lz([{ atStep: 1.5, argv: ['get', 'pods'] }])],
    ['no words', lz([{ atStep: 1, argv: [] }])],
    ['a word that is not a string', lz([{ atStep: 1, argv: ['get', { __proto__: 1 }] }])],
    ['a text that is not a string', lz([{ atStep: 1, argv: ['apply', '-f', '-'], stdin: 7 }])],
    ['too many entries', lz(Array.from({ length: 101 }, () => ({ atStep: 1, argv: ['get', 'pods'] })))],
    ['a word too long', lz([{ atStep: 1, argv: ['get', 'x'.repeat(1025)] }])],
    [
      'changes whose steps go back',
      lz([
        { atStep: 9, argv: ['delete', 'pod', 'a'] },
        { atStep: 3, argv: ['delete', 'pod', 'b'] },
      ]),
    ],
    ['garbage', 'cmds=%%%'],
  ])('refuses %s', (_, hash) => {
    expect(readLink(hash)).toEqual({ view: {}, rejected: ['cmds'] });
  });

  it('keeps only the fields it knows', () => {
    expect(promptFromJson([{ atStep: 2, argv: ['get', 'pods'], html: '<img onerror=alert(1)>' }])).toEqual([
      { atStep: 2, argv: ['get', 'pods'] },
    ]);
  });
});
