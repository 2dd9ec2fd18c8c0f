/**
 * What the learner typed at the kubectl prompt, as the store and links keep
 * it: each command with the step it was typed at and, for `-f` and a saved
 * edit, the YAML it read. The commands that change the cluster become the
 * engine's input (each runs through the simulation after its step); the
 * read-only ones are answered from the objects at their step.
 */
import { MUTATING, parseCommand, type KubectlCmd } from '../engine/kubectl/argv';
import type { KubectlCommand } from '../engine/types';
import { readManifests } from '../manifest/reader';

export interface PromptEntry {
  /** The trace seq the command was typed after (-1 never: commands start at step 0). */
  atStep: number;
  /** The words after `kubectl`. */
  argv: string[];
  /** The YAML a `-f` read (the editor's text) or an edit saved. */
  stdin?: string;
}

/** Links refuse more than this: a transcript is tens of commands. */
export const MAX_PROMPT_ENTRIES = 100;
const MAX_WORDS = 64;
const MAX_WORD_CHARS = 1024;

/** Whether this entry runs through the simulation (a saved edit does; opening one does not). */
export function runsInSimulation(entry: PromptEntry, cmd?: KubectlCmd): boolean {
  const parsed =
    cmd ??
    (() => {
      const p = parseCommand(entry.argv);
      return p.ok ? p.cmd : undefined;
    })();
  if (!parsed || !MUTATING.has(parsed.verb)) return false;
  if (parsed.verb === 'edit') return entry.stdin !== undefined;
  // A `-f` runs when it read a file that parses (a path podflow lacks keeps no text).
  if ('files' in parsed) return entry.stdin !== undefined && readManifests(entry.stdin).ok;
  return true;
}

/** The engine's commands, in order; `index` of each entry among them (or -1). */
export function engineCommands(entries: readonly PromptEntry[]): { commands: KubectlCommand[]; index: number[] } {
  const commands: KubectlCommand[] = [];
  const index: number[] = [];
  for (const e of entries) {
    const parsed = parseCommand(e.argv);
    if (!parsed.ok || !runsInSimulation(e, parsed.cmd)) {
      index.push(-1);
      continue;
    }
    const loaded = e.stdin === undefined ? null : readManifests(e.stdin);
    const objects = loaded?.ok ? loaded.objects.filter((o) => o !== null && o !== undefined) : undefined;
    index.push(commands.length);
    commands.push({
      atStep: e.atStep,
      argv: e.argv,
      ...(objects ? { objects } : {}),
      ...('files' in parsed.cmd ? { files: parsed.cmd.files } : {}),
    });
  }
  return { commands, index };
}

/** A link's prompt, checked entry by entry: data only, never trusted for its shape. */
export function promptFromJson(value: unknown): PromptEntry[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_PROMPT_ENTRIES) return undefined;
  const out: PromptEntry[] = [];
  let last = 0;
  for (const raw of value) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
    const { atStep, argv, stdin } = raw as Record<string, unknown>;
    if (typeof atStep !== 'number' || !Number.isInteger(atStep) || atStep < 0 || atStep > 9_999_999) return undefined;
    if (!Array.isArray(argv) || !argv.length || argv.length > MAX_WORDS) return undefined;
    if (!argv.every((w) => typeof w === 'string' && w.length <= MAX_WORD_CHARS)) return undefined;
    if (stdin !== undefined && typeof stdin !== 'string') return undefined;
    const entry: PromptEntry = { atStep, argv: [...(argv as string[])], ...(stdin !== undefined ? { stdin } : {}) };
    // The commands that run keep the order they were typed in: their steps never go back.
    if (runsInSimulation(entry)) {
      if (atStep < last) return undefined;
      last = atStep;
    }
    out.push(entry);
  }
  return out;
}
