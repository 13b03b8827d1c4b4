/**
 * The `lang` attribute that applies to `element`: its own or the nearest ancestor's, crossing
 * shadow roots to their hosts. Empty when no ancestor sets one.
 *
 * @example
 * document.documentElement.lang = 'en';
 * langTagOf(document.querySelector('foederal-roster')!); // 'en'
 */
export function langTagOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? '';
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return '';
}

type LangListener = () => void;
const listeners = new Set<LangListener>();
let observer: MutationObserver | undefined;

/**
 * Calls `listener` whenever any `lang` attribute in the document changes. Returns the
 * unsubscribe function; the single shared observer stops when nobody listens.
 *
 * @example
 * const stop = onLangChange(() => element.requestUpdate());
 */
export function onLangChange(listener: LangListener): () => void {
  listeners.add(listener);
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const l of [...listeners]) l();
    });
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
