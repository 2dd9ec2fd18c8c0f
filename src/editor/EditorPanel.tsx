/**
 * The YAML editor panel: the learner's manifests, checked as they type
 * (syntax, then the apiserver's validation) with each problem at its line and
 * column, and Apply to simulate them on the scenario's cluster. Loaded lazily:
 * CodeMirror is not part of the first paint.
 */
import type { EditorView } from '@codemirror/view';
import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { Translate } from '../i18n';
import { diagnose, type Diagnostic } from '../manifest/diagnostics';
import { useT } from '../panels/useT';
import { scenarioById } from '../scenarios';
import { usePlayer } from '../store/store';
import { createEditor, moveTo, replaceText, setLabel, showDiagnostics } from './codemirror';
import { openFile, useEditor } from './draft';
import { saveEdit } from '../inspect/prompt-run';

const CHECK_DELAY_MS = 250;

export function diagnosticText(t: Translate, d: Diagnostic): string {
  return d.message ?? (d.note ? t(d.note.key, d.note.params) : '');
}

type Outcome = 'applied' | 'notApplied' | null;

export default function EditorPanel() {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const scenario = usePlayer((s) => s.scenario);
  const revision = useEditor((s) => s.revision);
  const notice = useEditor((s) => s.notice);
  const backup = useEditor((s) => s.backup);
  const restoreBackup = useEditor((s) => s.restoreBackup);
  const [text, setText] = useState(() => useEditor.getState().text ?? scenarioById(scenario)?.yaml ?? '');
  const [checked, setChecked] = useState(text);
  const [outcome, setOutcome] = useState<Outcome>(null);

  // Checking waits until typing pauses; Apply checks at once.
  useEffect(() => {
    const timer = setTimeout(() => setChecked(text), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const diagnosis = useMemo(() => diagnose(checked), [checked]);

  const apply = useCallback(() => {
    const now = view.current?.state.doc.toString() ?? '';
    const d = diagnose(now);
    setChecked(now);
    if (!d.ok) return setOutcome('notApplied');
    // Under `kubectl edit`, Apply saves the edit: a command of the prompt, run through the simulation.
    if (useEditor.getState().editing) return void saveEdit(now);
    usePlayer.getState().applyManifests(d.objects, now);
    setOutcome('applied');
  }, []);

  // The editor is made once; its text then lives in CodeMirror (with its undo history).
  const initial = useRef({ text, label: t('editor.label') });
  useEffect(() => {
    const v = createEditor(host.current!, initial.current.text, {
      label: initial.current.label,
      onChange: (next) => {
        setText(next);
        setOutcome(null);
        useEditor.getState().edit(next);
      },
      onApply: apply,
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [apply]);

  useEffect(() => {
    if (view.current) setLabel(view.current, t('editor.label'));
  }, [t]);

  // A file (opened or dropped) or the scenario's YAML replaces the text.
  useEffect(() => {
    const next = useEditor.getState().text;
    if (revision > 0 && view.current && next !== null) replaceText(view.current, next);
  }, [revision]);

  useEffect(() => {
    if (!view.current) return;
    showDiagnostics(
      view.current,
      diagnosis.diagnostics.map((d) => ({
        from: Math.min(d.from, view.current!.state.doc.length),
        to: Math.min(d.to, view.current!.state.doc.length),
        severity: d.severity,
        message: diagnosticText(t, d),
      })),
    );
  }, [diagnosis, t]);

  const onFile = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (file) void openFile(file);
  };
  const close = (): void => useEditor.getState().setOpen(false);
  const loadScenario = (): void => {
    const yaml = scenarioById(usePlayer.getState().scenario)?.yaml;
    if (yaml !== undefined) useEditor.getState().replace(yaml);
    useEditor.getState().setNotice(null);
  };

  return (
    <section className="editor-panel" aria-labelledby="editor-title" data-testid="editor-panel">
      <div className="editor-head">
        <h2 id="editor-title">{t('editor.title')}</h2>
        <div className="editor-actions">
          <button
            type="button"
            className="primary"
            onClick={apply}
            title={t('editor.applyHint')}
            data-testid="editor-apply"
          >
            {t('editor.apply')}
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t('editor.openFile')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".yaml,.yml,.json,text/yaml,application/json,text/plain"
            hidden
            onChange={onFile}
            data-testid="editor-file"
          />
          <button type="button" onClick={loadScenario} title={t('editor.scenarioYamlHint')}>
            {t('editor.scenarioYaml')}
          </button>
          <button type="button" onClick={close} aria-label={t('editor.close')} data-testid="editor-close">
            ✕
          </button>
        </div>
      </div>
      {notice && (
        <p className={`editor-notice editor-notice-${notice.tone}`} role="status" data-testid="editor-notice">
          {t(notice.key, notice.params)}
        </p>
      )}
      {backup !== null && (
        <p className="editor-notice editor-notice-ok">
          <button type="button" onClick={restoreBackup} data-testid="editor-restore">
            {t('editor.restore')}
          </button>
        </p>
      )}
      <div className="editor-host" ref={host} />
      <div className="editor-problems" aria-live="polite" data-testid="editor-problems">
        {outcome && (
          <p className={`editor-outcome editor-outcome-${outcome}`} data-testid="editor-outcome">
            {t(`editor.${outcome}`)}
          </p>
        )}
        {diagnosis.diagnostics.length === 0 ? (
          <p className="editor-ok">{t('editor.noProblems')}</p>
        ) : (
          <ul aria-label={t('editor.problems')}>
            {diagnosis.diagnostics.map((d, i) => (
              <li key={i} className={`problem problem-${d.severity}`} data-testid="editor-problem">
                <button
                  type="button"
                  className="problem-at"
                  onClick={() => view.current && moveTo(view.current, d.from)}
                >
                  <span className="visually-hidden">
                    {t(d.severity === 'error' ? 'editor.error' : 'editor.warning')}:{' '}
                  </span>
                  {t('editor.at', { line: d.line, column: d.column })}
                </button>
                <span className="problem-text">{diagnosticText(t, d)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
