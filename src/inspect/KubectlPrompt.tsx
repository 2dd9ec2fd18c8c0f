/**
 * The kubectl prompt (issue #7): a command line at the top of the kubectl
 * tab. Enter runs the line at the step on screen; ↑/↓ recall earlier lines;
 * the output is a log a screen reader announces. Commands that change the
 * cluster run through the simulation and the diagram plays them; their
 * answers are printed where the run's answer arrives.
 */
import { memo, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../panels/useT';
import { engineCommands } from '../store/prompt';
import { usePlayer } from '../store/store';
import { cursorForSeq } from '../store/visible';
import { useEditor } from '../editor/draft';
import { answerOf, printedByCommand, runLine } from './prompt-run';

export const KubectlPrompt = memo(function KubectlPrompt() {
  const t = useT();
  const s = usePlayer(
    useShallow((st) => ({ prompt: st.prompt, trace: st.trace, visible: st.visible, simulating: st.simulating })),
  );
  const fileName = useEditor((st) => st.fileName);
  const [line, setLine] = useState('');
  /** Where ↑/↓ are in the history: the number of lines back, 0 for the line being typed. */
  const [back, setBack] = useState(0);
  const draft = useRef('');
  const log = useRef<HTMLDivElement>(null);
  const history = useMemo(() => s.prompt.map((e) => ['kubectl', ...e.argv].join(' ')), [s.prompt]);

  const printed = useMemo(() => printedByCommand(s.trace.steps), [s.trace]);
  const engineIndex = useMemo(() => engineCommands(s.prompt).index, [s.prompt]);
  const answers = useMemo(
    () => s.prompt.map((_, i) => answerOf(s.prompt, i, s.trace, printed, engineIndex)),
    [s.prompt, s.trace, printed, engineIndex],
  );

  // New output scrolls into sight.
  const outputSize = answers.reduce((n, a) => n + a.out.length + (a.note ? 1 : 0), 0);
  useEffect(() => {
    const el = log.current;
    if (el && outputSize >= 0) el.scrollTop = el.scrollHeight;
  }, [outputSize]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (usePlayer.getState().simulating) return;
    if (runLine(line)) {
      setLine('');
      setBack(0);
      draft.current = '';
    }
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    // Arrow keys stay in the prompt (they move the tabs and the player elsewhere).
    e.stopPropagation();
    const next = e.key === 'ArrowUp' ? Math.min(back + 1, history.length) : Math.max(back - 1, 0);
    if (next === back) return;
    if (back === 0) draft.current = line;
    setBack(next);
    setLine(next === 0 ? draft.current : history[history.length - next]!);
  };

  return (
    <section className="kubectl-prompt" aria-labelledby="kubectl-prompt-heading" data-testid="kubectl-prompt">
      <h3 id="kubectl-prompt-heading" className="inspect-sub">
        {t('prompt.heading')}
      </h3>
      <p id="kubectl-prompt-hint" className="muted prompt-hint">
        {t('prompt.hint', { file: fileName })}
      </p>
      <div
        ref={log}
        className="prompt-log mono"
        role="log"
        aria-live="polite"
        aria-label={t('prompt.output')}
        tabIndex={0}
        data-testid="prompt-log"
      >
        {s.prompt.map((entry, i) => {
          const a = answers[i]!;
          return (
            <div key={i} className="prompt-entry" data-testid="prompt-entry">
              <div className="prompt-command">
                <span aria-hidden="true">$ </span>
                {history[i]}
                <span className="muted prompt-step">
                  {' '}
                  · {t('prompt.atStep', { step: cursorForSeq(s.visible, entry.atStep) })}
                </span>
              </div>
              {a.note && <p className="muted prompt-note">{t(a.note.key, a.note.params)}</p>}
              {a.out && (
                <pre className="prompt-out" data-testid="prompt-out">
                  {a.out}
                </pre>
              )}
              {a.answerSeq !== undefined && (
                <button
                  type="button"
                  className="prompt-seek"
                  onClick={() => usePlayer.getState().seek(cursorForSeq(s.visible, a.answerSeq!))}
                  data-testid="prompt-seek"
                >
                  {t('prompt.answerAt', { step: cursorForSeq(s.visible, a.answerSeq) })}
                </button>
              )}
            </div>
          );
        })}
      </div>
      <form className="prompt-form" onSubmit={submit}>
        <label htmlFor="kubectl-prompt-input" className="visually-hidden">
          {t('prompt.label')}
        </label>
        <span className="mono prompt-sign" aria-hidden="true">
          $
        </span>
        <input
          id="kubectl-prompt-input"
          className="mono prompt-input"
          type="text"
          value={line}
          placeholder="kubectl get pods"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-describedby="kubectl-prompt-hint"
          onChange={(e) => {
            setLine(e.currentTarget.value);
            setBack(0);
          }}
          onKeyDown={onKey}
          readOnly={s.simulating}
          data-testid="prompt-input"
        />
        <button type="submit" disabled={s.simulating} data-testid="prompt-run">
          {t('prompt.run')}
        </button>
        <button
          type="button"
          onClick={() => void usePlayer.getState().setPrompt([])}
          disabled={!s.prompt.length || s.simulating}
          data-testid="prompt-clear"
        >
          {t('prompt.clear')}
        </button>
      </form>
    </section>
  );
});
