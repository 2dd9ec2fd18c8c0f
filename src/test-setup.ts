// The page loads what the steps say and the YAML reader as it needs them; a test reads both at once.
import { loadStepTexts } from './i18n';
import * as load from './manifest/load';
import { provideYamlReader } from './manifest/reader';

provideYamlReader(load);
await loadStepTexts('zh');
