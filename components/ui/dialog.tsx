"use client";

import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";

interface DialogProps {
  open: boolean;
  /** Escape, the backdrop (when dismissible) or a close button */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** the element focused when the dialog opens; default: the first focusable element */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** false while an action runs: Escape and the backdrop do nothing */
  dismissible?: boolean;
}

/**
 * A modal dialog on the native <dialog> element: showModal() puts it in the top layer and makes the
 * rest of the page inert (focus cannot leave it), Escape closes it, and focus returns to the element
 * that opened it.
 */
export function Dialog({ open, onClose, title, description, children, initialFocusRef, dismissible = true }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      (initialFocusRef?.current ?? dialog.querySelector<HTMLElement>("[data-autofocus]"))?.focus();
      return () => {
        if (dialog.open) dialog.close();
        if (opener?.isConnected) opener.focus();
      };
    }
  }, [open, initialFocusRef]);

  return (
    <dialog
      ref={ref}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: the parent decides (it owns `open`).
        event.preventDefault();
        if (dismissible) onClose();
      }}
      onClick={(event) => {
        // A click on the ::backdrop lands on the <dialog> itself.
        if (dismissible && event.target === ref.current) onClose();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl bg-white p-0 text-ink shadow-xl backdrop:bg-gray-900/50 max-sm:mb-4 max-sm:mt-auto"
    >
      {open ? (
        <div className="space-y-4 p-6">
          <div className="space-y-2">
            <h2 id={titleId} className="text-lg font-bold leading-snug">
              {title}
            </h2>
            {description ? (
              <div id={descriptionId} className="text-sm leading-relaxed text-ink-soft">
                {description}
              </div>
            ) : null}
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
