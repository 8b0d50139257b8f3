import { KeyboardEvent, useRef } from 'react';

export interface EnterToSendHandlers {
  onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void;
  onCompositionStart(): void;
  onCompositionEnd(): void;
}

/**
 * Enter sends, Shift+Enter starts a new line, Escape calls `onEscape`, and Enter while an input
 * method is composing (Korean, Japanese, Chinese…) only ends the composition: half-typed syllables
 * are never sent. `isComposing` alone is not enough: some browsers end the composition before the
 * Enter's keydown, which then says keyCode 229, and a composition can end with that same keydown.
 * Spread the handlers on the text box.
 */
export function useEnterToSend(onEnter: () => void, onEscape?: () => void): EnterToSendHandlers {
  const composing = useRef(false);
  return {
    onKeyDown(event) {
      if (composing.current || event.nativeEvent.isComposing || event.keyCode === 229) return;
      if (event.key === 'Escape' && onEscape) {
        event.preventDefault();
        onEscape();
        return;
      }
      if (event.key !== 'Enter' || event.shiftKey) return;
      event.preventDefault();
      onEnter();
    },
    onCompositionStart() {
      composing.current = true;
    },
    onCompositionEnd() {
      composing.current = false;
    },
  };
}
