// Drives the embedded podflow with postMessage, as a slide deck's script would.
const frame = document.getElementById('podflow');
const caption = document.getElementById('caption');
const podflowOrigin = new URL(frame.src, location.href).origin;

function send(command) {
  // A page opened from a file has the origin "null"; '*' is the only target that reaches it.
  frame.contentWindow.postMessage(command, podflowOrigin === 'null' ? '*' : podflowOrigin);
}

for (const button of document.querySelectorAll('[data-command]')) {
  button.addEventListener('click', () => {
    const name = button.dataset.command;
    if (name === 'goto') send({ podflow: 'goto', step: Number(document.getElementById('goto').value) });
    else send({ podflow: name });
  });
}

// The deck's own keys: the embed only hears keys when it has the focus, so these stay the deck's.
document.addEventListener('keydown', (e) => {
  if (e.key === 'PageDown') send({ podflow: 'next' });
  if (e.key === 'PageUp') send({ podflow: 'prev' });
});

window.addEventListener('message', (e) => {
  if (e.source !== frame.contentWindow || typeof e.data !== 'object' || e.data === null) return;
  if (e.data.podflow === 'ready' || e.data.podflow === 'step') {
    caption.textContent = `Step ${e.data.step} of ${e.data.total}: ${e.data.title || '(the start)'}`;
    caption.dataset.step = String(e.data.step);
  }
});
