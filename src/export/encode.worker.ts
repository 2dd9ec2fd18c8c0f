/** Heavy encoding off the main thread: the zip of PNGs and the GIF's quantizing. */
import { encodeGif, zipFrames, type RgbaFrame } from './files';

export type EncodeRequest =
  { kind: 'zip'; files: { name: string; data: Uint8Array }[] } | { kind: 'gif'; frames: RgbaFrame[]; delay: number };

export type EncodeReply = { bytes: Uint8Array } | { error: string };

self.addEventListener('message', (e: MessageEvent<EncodeRequest>) => {
  const req = e.data;
  let reply: EncodeReply;
  try {
    reply = { bytes: req.kind === 'zip' ? zipFrames(req.files) : encodeGif(req.frames, req.delay) };
  } catch (err) {
    reply = { error: String(err) };
  }
  // A worker posts to the page that made it: there is no target origin to give.
  // oxlint-disable-next-line unicorn/require-post-message-target-origin
  self.postMessage(reply);
});
