// The page loads what the steps say with its first run; a test reads steps at once, in either language.
import { loadStepTexts } from './i18n';

await loadStepTexts('zh');
