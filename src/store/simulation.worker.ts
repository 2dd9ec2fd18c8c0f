/**
 * Runs a big simulation off the main thread, so picking a large scenario
 * does not freeze the page. Posts back the run as plain data.
 */
import { simulateToData, type SimulationInput } from '../engine';

self.addEventListener('message', (e: MessageEvent<SimulationInput>) => {
  // A worker posts to the page that made it: there is no target origin to give.
  // oxlint-disable-next-line unicorn/require-post-message-target-origin
  self.postMessage(simulateToData(e.data));
});
