/** What counts as active content in an SVG, and Mermaid's SVG made inert before it goes into the page. */

/**
 * Event handler attributes: named `on…` in any case. (`| 32` lower-cases an
 * ASCII letter and maps nothing else to 'o' or 'n'.)
 */
export function isHandler(a: Attr): boolean {
  const name = a.name;
  return (name.charCodeAt(0) | 32) === 111 && (name.charCodeAt(1) | 32) === 110;
}

/** Event handlers, and links to anything but a fragment of the same SVG (`href`, `src`, `action`, in any namespace). */
function isActive(a: Attr): boolean {
  if (isHandler(a)) return true;
  const local = a.localName;
  return (local === 'href' || local === 'src' || local === 'action') && !a.value.startsWith('#');
}

/**
 * Calls `f` on every attribute of `root` and of the elements under it, last
 * to first (so `f` may remove the one it is given). A plain indexed walk:
 * several times faster than an XPath query over every attribute, or than
 * iterating the attribute maps (bench/notes.md, "SVG clean-up").
 */
export function eachAttribute(root: Element, f: (a: Attr, el: Element) => void): void {
  const visit = (el: Element) => {
    const attrs = el.attributes;
    for (let j = attrs.length - 1; j >= 0; j--) f(attrs[j], el);
  };
  visit(root);
  const all = root.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) visit(all[i]);
}

const ACTIVE_ELEMENTS = 'script, iframe, object, embed, link, meta, base, form, input, button, textarea, audio, video, img';

/**
 * Parses Mermaid's SVG in an inert document (nothing runs, nothing loads) and
 * strips anything active: defence in depth, Mermaid already sanitises labels.
 */
export function toSafeSvg(text: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(text, 'text/html');
  const root = doc.querySelector('svg');
  if (!root) throw new Error('Mermaid returned no SVG');
  for (const el of Array.from(root.querySelectorAll(ACTIVE_ELEMENTS))) el.remove();
  eachAttribute(root, (a, el) => {
    if (isActive(a)) el.removeAttributeNode(a);
  });
  // moved, not cloned: the parsed document is thrown away
  return document.adoptNode(root) as SVGSVGElement;
}
