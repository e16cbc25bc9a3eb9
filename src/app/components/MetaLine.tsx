// A line of short facts ("4 leksjoner · 14 min · Språk: bokmål") with decorative separators.
import { Fragment, type ComponentChildren } from 'preact';

export function MetaLine({ items }: { items: ComponentChildren[] }) {
  return (
    <p class="meta">
      {items.map((item, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <span class="meta-sep" aria-hidden="true">
              {' · '}
            </span>
          )}
          <span>{item}</span>
        </Fragment>
      ))}
    </p>
  );
}
