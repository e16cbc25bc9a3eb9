// Small line icons drawn inline (no icon font, no extra request). Always decorative: the text next
// to an icon carries the meaning, so icons are hidden from assistive technology.
const PATHS = {
  reading: 'M4 5h5a3 3 0 0 1 3 3v11a2 2 0 0 0-2-2H4zM20 5h-5a3 3 0 0 0-3 3v11a2 2 0 0 1 2-2h6z',
  quiz: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9.5a2.5 2.5 0 1 1 3.3 2.4c-.5.2-.8.6-.8 1.1v.8M12 17h.01',
  checklist: 'M5 4h14v16H5zM8.5 12l2.5 2.5 4.5-5',
  reflection: 'M4 5h16v11H10l-5 4v-4H4z',
  notStarted: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
  started: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 2',
  completed: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM8 12.5l2.8 2.8L16.5 9.5',
  warning: 'M12 3l9.5 17h-19zM12 10v4M12 17.5h.01',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      class={`icon icon-${name}`}
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[name]}
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
