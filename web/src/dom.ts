// Tiny DOM helpers. NOTE: data from graph files is untrusted, so text only ever goes in through textContent.
type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  class?: string;
  text?: string;
  attrs?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.class) node.className = options.class;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const [type, handler] of Object.entries(options.on ?? {})) node.addEventListener(type, handler as EventListener);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`paper-kg viewer: element #${id} is missing from index.html`);
  return node as T;
}

/** Only http(s) links from the data become hrefs: a `javascript:` URL in a graph file must never be clickable. */
export function safeHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A button that reads like a link: keyboard-reachable, and activates with Enter or Space. */
export function linkButton(text: string, onClick: () => void, className = 'link'): HTMLButtonElement {
  return el('button', { class: className, text, attrs: { type: 'button' }, on: { click: onClick } });
}
