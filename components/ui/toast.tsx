"use client";

import { useEffect, useRef, useState } from "react";

interface ToastProps {
  /** shown once after mount; null shows nothing */
  message: string | null;
  /** ms before it fades; the live region stays so screen readers have heard it */
  duration?: number;
  onDone?: () => void;
}

/**
 * A short confirmation at the bottom of the screen. The role="status" region is always in the page and
 * the text is put in after mount, so screen readers announce it as a change.
 */
export function Toast({ message, duration = 4000, onDone }: ToastProps) {
  const [shown, setShown] = useState<string | null>(null);
  const onDoneRef = useRef(onDone);
  useEffect(() => {
    onDoneRef.current = onDone;
  }, [onDone]);

  useEffect(() => {
    if (!message) return;
    const show = setTimeout(() => setShown(message), 50);
    const hide = setTimeout(() => {
      setShown(null);
      onDoneRef.current?.();
    }, duration);
    return () => {
      clearTimeout(show);
      clearTimeout(hide);
    };
  }, [message, duration]);

  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-6 z-50 flex justify-center px-4 pb-[env(safe-area-inset-bottom)]"
    >
      {shown ? (
        <p className="pointer-events-auto rounded-full bg-gray-900/90 px-5 py-3 text-sm font-medium text-white shadow-lg">{shown}</p>
      ) : null}
    </div>
  );
}
