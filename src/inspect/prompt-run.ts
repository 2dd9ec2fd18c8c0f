/**
 * Running a line typed at the kubectl prompt: it becomes a prompt entry at
 * the step on screen. Commands that change the cluster run through the
 * simulation (the store re-simulates with them, each after its step);
 * `get`/`describe` read the objects at their step; `edit` opens the object's
 * YAML in the editor, whose Apply then saves it (a PATCH, as kubectl edit).
 * And the answer of each entry, for the transcript.
 */
import { parseCommand, tokenize, type KubectlCmd } from '../engine/kubectl/argv';
import { errorText } from '../engine/kubectl/print';
import type { Step, Trace } from '../engine/types';
import { DEFAULT_FILE_NAME, useEditor } from '../editor/draft';
import { readManifests } from '../manifest/reader';
import { scenarioById } from '../scenarios';
import { engineCommands, runsInSimulation, type PromptEntry } from '../store/prompt';
import { currentSeq, usePlayer } from '../store/store';
import { describeAnswer, getAnswer, objectsOf, toYaml } from './kubectl-prompt';

/** kubectl edit's header (pkg/cmd/util/editor/editoptions.go), above the object. */
export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n';

/** The editor's text as a `-f` file: what it shows (the learner's text, or the scenario's YAML). */
function editorText(): string {
  const text = useEditor.getState().text;
  return text ?? scenarioById(usePlayer.getState().scenario)?.yaml ?? '';
}

/** The step a new command runs after: the one on screen, or, for a change, after the last one's answer. */
function stepFor(entries: readonly PromptEntry[], mutating: boolean): number {
  const s = usePlayer.getState();
  const seq = Math.max(currentSeq(s), 0);
  if (!mutating) return seq;
  const { commands } = engineCommands(entries);
  const lastIndex = commands.length - 1;
  if (lastIndex < 0) return seq;
  // A shell runs one command after another: the next waits for the last answer of the one before.
  const printed = s.trace.steps.findLast(
    (st) => (st.say.key === 'kubectl-prints' || st.say.key === 'kubectl-typed') && st.say.params.cmd === lastIndex,
  );
  return Math.max(seq, printed?.seq ?? commands[lastIndex]!.atStep);
}

/** Run one typed line. Returns false when there was nothing to run. */
export function runLine(line: string): boolean {
  const words = tokenize(line);
  if (words[0] === 'kubectl') words.shift();
  if (!words.length) return false;
  const s = usePlayer.getState();
  const entries = s.prompt;
  const parsed = parseCommand(words);
  const add = (entry: PromptEntry, play: boolean): void => void s.setPrompt([...entries, entry], play);
  if (!parsed.ok) {
    add({ atStep: stepFor(entries, false), argv: words }, false);
    return true;
  }
  const cmd = parsed.cmd;
  if ('files' in cmd) {
    // The editor's text is the file; a path podflow does not have keeps no text (and is answered so).
    const known = !missingPath(cmd.files);
    const entry: PromptEntry = { atStep: 0, argv: words, ...(known ? { stdin: editorText() } : {}) };
    const runs = runsInSimulation(entry, cmd);
    add({ ...entry, atStep: stepFor(entries, runs) }, runs);
    return true;
  }
  if (cmd.verb === 'edit') {
    const at = stepFor(entries, false);
    const obj = objectsOf(s.trace, at, cmd.type).find(
      (o) =>
        o.metadata.name === cmd.name && (!cmd.type.namespaced || o.metadata.namespace === (cmd.namespace ?? 'default')),
    );
    add({ atStep: at, argv: words }, false);
    if (obj) {
      useEditor.getState().startEdit(words, EDIT_HEADER + toYaml(obj));
      useEditor.getState().setNotice({
        key: 'prompt.editing',
        params: { object: `${cmd.type.resource}/${cmd.name}` },
        tone: 'ok',
      });
    }
    return true;
  }
  const mutating = runsInSimulation({ atStep: 0, argv: words }, cmd);
  add({ atStep: stepFor(entries, mutating), argv: words }, mutating);
  return true;
}

/** The editor's Apply under `kubectl edit`: the saved YAML becomes the edit's command (a PATCH). */
export function saveEdit(text: string): void {
  const ed = useEditor.getState();
  const editing = ed.editing;
  if (!editing) return;
  ed.endEdit();
  const s = usePlayer.getState();
  // editoptions.go compares the text without its comments: only the header changed is no change.
  const unchanged = stripComments(text) === stripComments(editing.original);
  const entry: PromptEntry = { atStep: 0, argv: editing.argv, ...(unchanged ? {} : { stdin: stripComments(text) }) };
  void s.setPrompt([...s.prompt, { ...entry, atStep: stepFor(s.prompt, !unchanged) }], !unchanged);
  ed.setNotice({ key: unchanged ? 'prompt.editCancelled' : 'editor.applied', params: {}, tone: 'ok' });
}

/** kubectl edit ignores lines beginning with '#'. */
function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
}

/** A `-f` path other than the editor's file or stdin (`-`): podflow has no other files. */
function missingPath(files: string[]): string | undefined {
  const name = useEditor.getState().fileName;
  return files.find((f) => f !== '-' && f !== name && f !== DEFAULT_FILE_NAME);
}

/** What the transcript shows for an entry. */
export interface EntryAnswer {
  out: string;
  /** A podflow note instead of (or above) kubectl's output: a catalog key and its params. */
  note?: { key: string; params: Record<string, string | number> };
  /** The answer comes later in the run than the step on screen. */
  pending?: boolean;
  /** The step (a trace seq) where kubectl printed the answer, for a command run through the simulation. */
  answerSeq?: number;
}

/** The printed lines of each engine command, by its index, from the trace. */
export function printedByCommand(steps: readonly Step[]): Map<number, Step[]> {
  const out = new Map<number, Step[]>();
  for (const s of steps) {
    if (s.from === 'kubectl' && s.say.key === 'kubectl-typed' && s.say.params.printed !== undefined) {
      out.set(Number(s.say.params.cmd), [...(out.get(Number(s.say.params.cmd)) ?? []), s]);
    }
    if (s.say.key !== 'kubectl-prints') continue;
    const cmd = Number(s.say.params.cmd);
    out.set(cmd, [...(out.get(cmd) ?? []), s]);
  }
  return out;
}

/** The answer of entry `i`, at the cursor's seq `seq` (answers later in the run show as they arrive). */
export function answerOf(
  entries: readonly PromptEntry[],
  i: number,
  trace: Trace,
  printed: Map<number, Step[]>,
  engineIndex: readonly number[],
): EntryAnswer {
  const entry = entries[i]!;
  const parsed = parseCommand(entry.argv);
  if (!parsed.ok) {
    return parsed.error
      ? { out: parsed.error.trimEnd() }
      : { out: '', note: { key: 'prompt.notSimulated', params: { command: entry.argv[0] ?? '' } } };
  }
  const cmd: KubectlCmd = parsed.cmd;
  if (cmd.verb === 'get') return { out: getAnswer(trace, entry.atStep, cmd) };
  if (cmd.verb === 'describe') {
    const a = describeAnswer(trace, entry.atStep, cmd);
    return { out: a.out, ...(a.note ? { note: { key: `prompt.${a.note}`, params: {} } } : {}) };
  }
  if (cmd.verb === 'edit' && entry.stdin === undefined) {
    // The opening of an edit: a GET of the object at its step; saving it is the next entry.
    const later = entries.slice(i + 1).some((e) => e.argv.join(' ') === entry.argv.join(' '));
    const obj = objectsOf(trace, entry.atStep, cmd.type).some(
      (o) =>
        o.metadata.name === cmd.name && (!cmd.type.namespaced || o.metadata.namespace === (cmd.namespace ?? 'default')),
    );
    if (!obj) {
      const resource = cmd.type.group ? `${cmd.type.resource}.${cmd.type.group}` : cmd.type.resource;
      return { out: errorText(404, `${resource} "${cmd.name}" not found`) };
    }
    return later
      ? { out: '' }
      : { out: '', note: { key: 'prompt.editing', params: { object: `${cmd.type.resource}/${cmd.name}` } } };
  }
  if ('files' in cmd && entry.stdin === undefined) {
    // cli-runtime's visitor: `the path "x" does not exist`.
    return { out: `error: the path "${cmd.files.find((f) => f !== '-') ?? '-'}" does not exist` };
  }
  if ('files' in cmd) {
    const loaded = readManifests(entry.stdin!);
    if (!loaded.ok)
      return { out: `error: error parsing ${cmd.files[0] === '-' ? 'STDIN' : cmd.files[0]}: ${loaded.message}` };
  }
  if (cmd.verb === 'edit' && entry.stdin !== undefined && engineIndex[i]! < 0)
    return { out: 'Edit cancelled, no changes made.' };
  const k = engineIndex[i]!;
  const steps = printed.get(k) ?? [];
  const lines = steps.map((s) => String(s.say.params.printed));
  if (!lines.length) return { out: '', note: { key: 'prompt.waiting', params: {} }, pending: true };
  return { out: lines.join('\n'), answerSeq: steps[steps.length - 1]!.seq };
}
