/**
 * Whether the user is in this frame: commands and menu actions reach every frame, and only the
 * focused one may act on them (so a call is never placed twice).
 */

export function focusedHere(): boolean {
  if (!document.hasFocus()) return false;
  const active = deepActiveElement();
  // Focus sits in a child frame: that frame answers.
  return !(active && (active.localName === 'iframe' || active.localName === 'frame'));
}

export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
