// Renders HTML from a course bundle. The course compiler sanitises every HTML string in a bundle
// (src/content), and the app only stores bundles it fetched from its own API, so this is the one
// sanctioned use of dangerouslySetInnerHTML.
interface Props {
  html: string;
  class?: string;
  id?: string;
  /** Language of the course content, when it may differ from the interface language. */
  lang?: string;
  /** Render inline (a <span>) where only phrasing content is allowed, e.g. in a label. */
  inline?: boolean;
}

/** A lone wrapping paragraph, which would be invalid inside a <label> or <legend>. */
const SINGLE_PARAGRAPH = /^\s*<p>((?:(?!<\/?p[\s>])[\s\S])*)<\/p>\s*$/;

export function Html({ html, inline = false, class: className, id, lang }: Props) {
  if (inline) {
    const inner = SINGLE_PARAGRAPH.exec(html)?.[1] ?? html;
    return (
      <span class={className} id={id} lang={lang} dangerouslySetInnerHTML={{ __html: inner }} />
    );
  }
  return <div class={className} id={id} lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
