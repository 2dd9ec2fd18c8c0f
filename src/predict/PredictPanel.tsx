/** Predict mode's question, verdict and score, above the narration. */
import { usePredict, ACTORS, type Actor } from './predict';
import { usePlayer } from '../store/store';
import { useT } from '../panels/useT';

export function PredictToggle() {
  const t = useT();
  const on = usePredict((s) => s.on);
  const toggle = usePredict((s) => s.toggle);
  return (
    <button type="button" className="toggle predict-toggle" aria-pressed={on} onClick={toggle} data-testid="predict">
      {t('predict.toggle')}
    </button>
  );
}

export function PredictPanel() {
  const t = useT();
  const on = usePredict((s) => s.on);
  const guesses = usePredict((s) => s.guesses);
  const guess = usePredict((s) => s.guess);
  const cursor = usePlayer((s) => s.cursor);
  const total = usePlayer((s) => s.visible.length);
  const shownSeq = usePlayer((s) => s.visible[s.cursor - 1]?.seq);
  if (!on) {
    return (
      <div className="predict-bar">
        <PredictToggle />
      </div>
    );
  }
  const last = guesses.at(-1);
  const right = guesses.filter((g) => g.guess === g.actual).length;
  const name = (a: Actor) => t(`component.${a}`);
  // The verdict belongs to the step just revealed; moving elsewhere hides it.
  const revealed = last && shownSeq === last.seq;
  return (
    <section className="predict" aria-labelledby="predict-heading" data-testid="predict-panel">
      <div className="predict-bar">
        <PredictToggle />
      </div>
      {revealed && (
        <p className={last.guess === last.actual ? 'predict-right' : 'predict-wrong'} data-testid="predict-verdict">
          {last.guess === last.actual
            ? t('predict.right', { actor: name(last.actual) })
            : t('predict.wrong', { actor: name(last.actual), guess: name(last.guess) })}
        </p>
      )}
      {cursor < total ? (
        <>
          <h3 id="predict-heading">{t('predict.question')}</h3>
          <div className="predict-choices" role="group" aria-labelledby="predict-heading">
            {ACTORS.map((a) => (
              <button key={a} type="button" onClick={() => guess(a)} data-testid={`guess-${a}`}>
                {name(a)}
              </button>
            ))}
          </div>
        </>
      ) : (
        <h3 id="predict-heading">{t('predict.done')}</h3>
      )}
      <p className="predict-score" data-testid="predict-score">
        {t('predict.score', { right, total: guesses.length })}
      </p>
    </section>
  );
}
