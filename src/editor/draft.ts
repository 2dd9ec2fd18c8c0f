/**
 * The editor's text and whether its panel is open. Kept out of the editor's
 * lazy chunk so the header button and a file dropped on the page work before
 * CodeMirror has loaded. The text is saved to localStorage (debounced) and
 * read back on the next visit: nothing the learner typed is lost on reload.
 */
import { create } from 'zustand';

export const DRAFT_KEY = 'podflow.editor.draft';
/** The learner's own text, kept aside when a link's YAML takes the editor. */
export const BACKUP_KEY = 'podflow.editor.backup';
export const SAVE_DELAY_MS = 300;
/** Files larger than this are refused with a message (a manifest is kilobytes). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** What `kubectl apply -f` calls the editor's text until a file is opened. */
export const DEFAULT_FILE_NAME = 'manifest.yaml';

export interface Notice {
  key: string;
  params: Record<string, string | number>;
  tone: 'ok' | 'error';
}

export interface EditorState {
  open: boolean;
  /** The text, or null when the learner has not typed yet (the editor then shows the scenario's YAML). */
  text: string | null;
  /** Bumped when the text is replaced from outside the editor (a file), so the editor takes it. */
  revision: number;
  notice: Notice | null;
  /** The learner's text from before a link's YAML replaced it, until restored. */
  backup: string | null;
  /** The editor's file as kubectl's `-f` names it: the file opened, or manifest.yaml (issue #7). */
  fileName: string;
  /** `kubectl edit TYPE/NAME` holds the editor: Apply saves the edit instead of simulating anew. */
  editing: { argv: string[]; original: string } | null;
  /** Open an object's YAML for `kubectl edit`, keeping the learner's own text aside to restore. */
  startEdit(argv: string[], yaml: string): void;
  endEdit(): void;
  setOpen(open: boolean): void;
  /** The editor reports each change. */
  edit(text: string): void;
  /** A file or the scenario replaces the text. */
  replace(text: string): void;
  setNotice(notice: Notice | null): void;
  /** A link brought YAML: show it, keeping the learner's own text aside (saved) to restore. */
  adoptFromLink(yaml: string): void;
  restoreBackup(): void;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage can be disabled; the editor still works, unsaved
  }
}

export function readDraft(key = DRAFT_KEY): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function keep(key: string, text: string | null): void {
  try {
    if (text === null) storage()?.removeItem(key);
    else storage()?.setItem(key, text);
  } catch {
    // Storage full or disabled: the backup stays in memory for this visit.
  }
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
let pending: string | null = null;

function writeNow(): void {
  clearTimeout(saveTimer);
  if (pending === null) return;
  try {
    storage()?.setItem(DRAFT_KEY, pending);
  } catch {
    // Quota exceeded: the text stays in memory; the next smaller save may fit.
  }
  pending = null;
}

function saveLater(text: string): void {
  pending = text;
  clearTimeout(saveTimer);
  saveTimer = setTimeout(writeNow, SAVE_DELAY_MS);
}

// A reload within the debounce window must not lose the last keystrokes.
if (typeof window !== 'undefined') window.addEventListener('pagehide', writeNow);

export const useEditor = create<EditorState>()((set, get) => ({
  open: false,
  text: readDraft(),
  revision: 0,
  notice: null,
  backup: readDraft(BACKUP_KEY),
  fileName: DEFAULT_FILE_NAME,
  editing: null,
  setOpen(open) {
    set({ open });
  },
  edit(text) {
    set({ text });
    saveLater(text);
  },
  replace(text) {
    set({ text, revision: get().revision + 1 });
    saveLater(text);
  },
  setNotice(notice) {
    set({ notice });
  },
  adoptFromLink(yaml) {
    const { text } = get();
    if (text === yaml) return;
    if (text !== null && text.trim() !== '') {
      keep(BACKUP_KEY, text);
      set({ backup: text });
    }
    get().replace(yaml);
    set({ notice: { key: 'editor.fromLink', params: {}, tone: 'ok' } });
  },
  startEdit(argv, yaml) {
    const { text, editing } = get();
    // The learner's own text goes aside (saved), as for a link's YAML; a second edit keeps the first aside.
    if (!editing && text !== null && text.trim() !== '') {
      keep(BACKUP_KEY, text);
      set({ backup: text });
    }
    get().replace(yaml);
    set({ open: true, editing: { argv, original: yaml }, notice: null });
  },
  endEdit() {
    set({ editing: null });
  },
  restoreBackup() {
    const { backup } = get();
    if (backup === null) return;
    get().replace(backup);
    keep(BACKUP_KEY, null);
    set({ backup: null, notice: { key: 'editor.restored', params: {}, tone: 'ok' } });
  },
}));

/** Reads a file the learner opened or dropped into the editor, refusing what is too big or not text. */
export async function openFile(file: File): Promise<void> {
  const st = useEditor.getState();
  st.setOpen(true);
  if (file.size > MAX_FILE_BYTES) {
    st.setNotice({
      key: 'editor.fileTooBig',
      params: { name: file.name, size: file.size, max: MAX_FILE_BYTES },
      tone: 'error',
    });
    return;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    st.setNotice({ key: 'editor.fileUnreadable', params: { name: file.name }, tone: 'error' });
    return;
  }
  st.replace(text);
  useEditor.setState({ fileName: file.name, editing: null });
  st.setNotice({ key: 'editor.fileLoaded', params: { name: file.name }, tone: 'ok' });
}
