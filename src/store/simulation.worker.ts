/**
 * Runs a big simulation off the main thread, so picking a large scenario
 * does not freeze the page. Posts back the run as plain data, in parts
 * (`traceParts`): the page reads each in a task of its own.
 */
import { simulateToData, type SimulationInput } from '../engine';
import { traceParts } from '../engine/core/trace-parts';

self.addEventListener('message', (e: MessageEvent<SimulationInput>) => {
  for (const part of traceParts(simulateToData(e.data))) {
    // A worker posts to the page that made it: there is no target origin to give.
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    self.postMessage(part);
  }
});
