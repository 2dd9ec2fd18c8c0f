/** Transport icons: plain inline SVG, sized by the font, hidden from screen readers (buttons carry names). */
const paths = {
  restart: 'M6 5h2v14H6zM20 5v14L9 12z',
  stepBack: 'M6 5h2v14H6zM18 5v14l-9-7z',
  play: 'M8 5v14l11-7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  stepForward: 'M16 5h2v14h-2zM6 5v14l9-7z',
  end: 'M16 5h2v14h-2zM4 5v14l11-7z',
  loop: 'M7 7h10v3l4-4-4-4v3H5v6h2zM17 17H7v-3l-4 4 4 4v-3h12v-6h-2z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 24 24" width="1.2em" height="1.2em" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
