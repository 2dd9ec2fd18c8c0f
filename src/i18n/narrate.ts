/**
 * A step told in words: the title and body from the catalog, with the
 * step's parameters. Shared by the narration panel and the headless API.
 */
import type { Step } from '../engine/types';
import type { Params, Translate } from './index';

/** Parameters with a catalog entry (`param.via.x509`) are shown in the reader's language. */
function localizeParams(t: Translate, params: Params): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) {
    const key = `param.${k}.${v}`;
    const label = typeof v === 'string' ? t(key) : key;
    out[k] = label !== key ? label : v;
  }
  return out;
}

/** A step's words; empty while the step texts are still loading (`loadStepTexts`), never the bare key. */
export function narrationOf(t: Translate, step: Step): { title: string; body: string } {
  const params = localizeParams(t, step.say.params);
  const key = `steps.${step.say.key}`;
  const title = t(`${key}.title`, params);
  if (title === `${key}.title`) return { title: '', body: '' };
  return { title, body: t(`${key}.body`, params) };
}
