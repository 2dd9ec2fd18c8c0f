/**
 * The CodeMirror 6 setup of the YAML editor: YAML highlighting in the app's
 * theme colours, undo history, lint marks that the panel sets, and
 * Ctrl/Cmd+Enter to apply. Loaded only with the editor panel.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';

/** Colours come from the app's CSS variables, so light and dark both read well. */
const highlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: 'var(--syntax-key)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--syntax-string)' },
  { tag: tags.content, color: 'var(--text)' },
  { tag: tags.lineComment, color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [tags.meta, tags.keyword, tags.typeName, tags.labelName], color: 'var(--syntax-meta)' },
  { tag: [tags.separator, tags.punctuation, tags.squareBracket, tags.brace], color: 'var(--muted)' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--panel)', color: 'var(--text)', fontSize: '0.85rem' },
  '.cm-scroller': {
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
    lineHeight: '1.45',
  },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 7%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 14%, transparent)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 28%, transparent) !important',
  },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--border)' },
});

/** The content's accessible name follows the language picked. */
const labelling = new Compartment();
const labelled = (label: string) =>
  EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'yaml-input' });

export function setLabel(view: EditorView, label: string): void {
  view.dispatch({ effects: labelling.reconfigure(labelled(label)) });
}

export interface EditorHooks {
  onChange(text: string): void;
  onApply(): void;
  label: string;
}

export function createEditor(host: HTMLElement, doc: string, hooks: EditorHooks): EditorView {
  // In a shadow root CodeMirror's styles go into constructable style sheets rather than <style> tags,
  // which the Content-Security-Policy (style-src 'self', no 'unsafe-inline') would refuse.
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  return new EditorView({
    root,
    parent: root,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        yaml(),
        syntaxHighlighting(highlight),
        lintGutter(),
        theme,
        EditorView.lineWrapping,
        labelling.of(labelled(hooks.label)),
        Prec.highest(
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                hooks.onApply();
                return true;
              },
            },
          ]),
        ),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) hooks.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
}

/** Replaces the whole text as one undoable change (a file or the scenario's YAML). */
export function replaceText(view: EditorView, text: string): void {
  if (view.state.doc.toString() === text) return;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

export function showDiagnostics(view: EditorView, diagnostics: CmDiagnostic[]): void {
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

export function moveTo(view: EditorView, offset: number): void {
  const pos = Math.min(offset, view.state.doc.length);
  view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  view.focus();
}
